package org.qartalign.cli;

import org.qartalign.store.Database;
import org.qartalign.store.LabelMerge;
import org.qartalign.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Brings labels, labelers and sessions from labelers' databases into --db. Each file is one "
                + "transaction; merging twice or in any order gives the same result; a database whose codes differ "
                + "is refused.")
public final class MergeCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Parameters(arity = "1..*", paramLabel = "OTHER.db", description = "Databases to merge in.")
    List<Path> others;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int code;
        try (Database db = database.openForWriting()) {
            LabelMerge merge = new LabelMerge(db);
            code = FileByFile.run(others, StoreException.class, "error: ", spec, merge::mergeFrom);
            if (!org.qartalign.eval.LearnedModels.list(org.qartalign.eval.LearnedModels.folderFor(db)).isEmpty()) {
                spec.commandLine().getOut().println("note: merge does not carry or update learned models; those in "
                        + org.qartalign.eval.LearnedModels.folderFor(db) + " were fitted to the labels before this "
                        + "merge: run train-scan / train-aesthetic again");
            }
        }
        spec.commandLine().getOut().flush();
        return code;
    }
}
