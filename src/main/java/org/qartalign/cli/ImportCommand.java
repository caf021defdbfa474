package org.qartalign.cli;

import org.qartalign.dataset.ImportException;
import org.qartalign.dataset.ManifestImporter;
import org.qartalign.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports JSONL manifests (one generated code per line, with optional evals and labels). "
                + "Each file is all or nothing; re-importing is a no-op.")
public final class ImportCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSONL manifest(s).")
    List<Path> files;

    @Option(names = "--allow-outside", description = "Accept relative image paths that leave the manifest's folder "
            + "(by '..' or a symbolic link); refused by default.")
    boolean allowOutside;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int code;
        try (Database db = database.openForWriting()) {
            ManifestImporter importer = new ManifestImporter(db, allowOutside);
            code = FileByFile.run(files, ImportException.class, "", spec, importer::importFile);
        }
        spec.commandLine().getOut().flush();
        return code;
    }
}
