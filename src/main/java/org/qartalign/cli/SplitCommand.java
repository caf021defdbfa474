package org.qartalign.cli;

import org.qartalign.store.Database;
import org.qartalign.store.DatasetSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "split", mixinStandardHelpOptions = true,
        description = "Writes one database per labeler (DIR/NAME/labels.db) with the same dataset, so people can "
                + "label on their own laptops; bring their work home with `merge`.")
public final class SplitCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(names = "--labelers", required = true, split = ",", paramLabel = "NAME,NAME",
            description = "Labeler names, comma-separated.")
    List<String> labelers;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the labelers' databases.")
    Path out;

    @Option(names = "--copy-images", description = "Copy the images beside each database instead of referencing them "
            + "by absolute path.")
    boolean copyImages;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Set<String> names = new LinkedHashSet<>();
        for (String n : labelers) {
            String t = n.trim();
            if (t.isEmpty() || t.contains("/") || t.contains("\\") || t.equals(".") || t.equals("..")) {
                throw new IllegalArgumentException("--labelers: '" + n + "' is not a usable labeler name");
            }
            if (!names.add(t)) {
                throw new IllegalArgumentException("--labelers: '" + t + "' is named twice");
            }
        }
        if (!java.nio.file.Files.isRegularFile(database.db)) {
            throw new IllegalArgumentException("--db: " + database.db.toAbsolutePath() + " does not exist");
        }
        List<String> ordered = new ArrayList<>(names);
        try (Database db = database.openReadOnly()) {
            DatasetSplit split = new DatasetSplit(db);
            for (int i = 0; i < ordered.size(); i++) {
                Path written = split.write(ordered.get(i), i, ordered.size(),
                        out.resolve(ordered.get(i)).resolve("labels.db"), copyImages);
                spec.commandLine().getOut().println(ordered.get(i) + ": " + written);
            }
            if (!org.qartalign.eval.LearnedModels.list(org.qartalign.eval.LearnedModels.folderFor(db)).isEmpty()) {
                spec.commandLine().getOut().println("note: split does not carry learned models ("
                        + org.qartalign.eval.LearnedModels.folderFor(db) + "); they stay with this database");
            }
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
