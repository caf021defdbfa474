package org.qartalign.cli;

import org.qartalign.eval.Evaluator;
import org.qartalign.eval.LearnedModels;
import org.qartalign.eval.ModelFolders;
import org.qartalign.eval.TorchDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code models}: loads every model folder and lists the evaluators and the folders that failed. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Loads the shipped model folders and the models learned from the database (when it exists), "
                + "and lists the evaluators they give, the learned models with their training figures, and any bad "
                + "folder.")
public final class ModelsCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ModelsOption modelsOption = new ModelsOption();

    @picocli.CommandLine.Mixin
    DatabaseOption database = new DatabaseOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TorchDevice.configure();
        PrintWriter out = spec.commandLine().getOut();
        Path learned = Files.isRegularFile(database.db) ? LearnedModels.folderFor(database.db) : null;
        try (ModelFolders folders = ModelFolders.discover(modelsOption.folder(), learned)) {
            for (Evaluator e : folders.evaluators()) {
                out.println("evaluator " + e.name() + " " + e.version());
            }
            folders.embeddings().forEach((name, m) -> out.println("features " + name + " " + m.versionTag() + " ("
                    + m.card().outputSize() + " values per image)"));
            if (learned != null) {
                for (LearnedModels.Summary m : LearnedModels.list(learned)) {
                    out.println("learned " + m.name() + " " + m.version() + " trained " + m.trainedAt() + " on "
                            + m.labeledCodes() + " codes (" + m.labels() + " labels): " + m.figures() + " ["
                            + m.folder() + "]");
                }
            }
            for (ModelFolders.Problem p : folders.problems()) {
                spec.commandLine().getErr().println("problem: " + p.message());
            }
            return folders.problems().isEmpty() ? 0 : 1;
        }
    }
}
