package org.qartalign.cli;

import org.qartalign.store.SafetyCopies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Lists the automatic safety copies of --db, or puts one back (the current file is kept as a "
                + "safety copy first). Close the app before restoring.")
public final class RestoreCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(names = "--list", description = "List the safety copies, newest first.")
    boolean list;

    @Option(names = "--from", paramLabel = "FILE", description = "The copy to restore (default: the newest).")
    Path from;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SafetyCopies copies = new SafetyCopies(database.db);
        List<Path> all = copies.list();
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            if (all.isEmpty()) {
                out.println("no safety copies in " + copies.folder());
            }
            for (Path p : all) {
                out.println(p + "  " + Files.size(p) + " bytes  " + Files.getLastModifiedTime(p));
            }
            out.flush();
            return 0;
        }
        Path source = from;
        if (source == null) {
            if (all.isEmpty()) {
                throw new IllegalArgumentException("no safety copies in " + copies.folder() + "; name one with --from");
            }
            source = all.get(0);
        }
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("--from: " + source + " does not exist");
        }
        Path kept = copies.restore(source);
        out.println("restored " + source + " to " + database.db.toAbsolutePath().normalize()
                + (kept == null ? "" : "; the replaced file is kept as " + kept));
        out.flush();
        return 0;
    }
}
