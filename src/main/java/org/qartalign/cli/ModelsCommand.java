package org.qartalign.cli;

import org.qartalign.eval.Evaluator;
import org.qartalign.eval.ModelFolders;
import org.qartalign.eval.TorchDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code models}: loads every model folder and lists the evaluators and the folders that failed. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Loads the model folders and lists the aesthetic evaluators they give, and any bad folder.")
public final class ModelsCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ModelsOption modelsOption = new ModelsOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TorchDevice.configure();
        PrintWriter out = spec.commandLine().getOut();
        try (ModelFolders folders = ModelFolders.discover(modelsOption.folder())) {
            for (Evaluator e : folders.evaluators()) {
                out.println("evaluator " + e.name() + " " + e.version());
            }
            folders.embeddings().forEach((name, m) -> out.println("features " + name + " " + m.versionTag() + " ("
                    + m.card().outputSize() + " values per image)"));
            for (ModelFolders.Problem p : folders.problems()) {
                spec.commandLine().getErr().println("problem: " + p.message());
            }
            return folders.problems().isEmpty() ? 0 : 1;
        }
    }
}
