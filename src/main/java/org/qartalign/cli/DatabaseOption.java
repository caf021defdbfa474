package org.qartalign.cli;

import org.qartalign.store.Database;
import org.qartalign.store.DatabaseLocation;
import org.qartalign.store.NetworkShare;
import org.qartalign.store.SafetyCopies;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --db} option every command shares. */
public final class DatabaseOption {
    @Option(names = "--db", paramLabel = "PATH", description = "Database file (default: ${DEFAULT-VALUE}).")
    public Path db = DatabaseLocation.defaultDatabase();

    /** Opens a database that must already exist: a mistyped path is an error, not a new empty database. */
    public Database openExisting() {
        if (!java.nio.file.Files.isRegularFile(db)) {
            throw new IllegalArgumentException("--db: no database at " + db.toAbsolutePath().normalize()
                    + " (create one with `demo` or `import`)");
        }
        return open();
    }

    public Database open() {
        NetworkShare.warning(db).ifPresent(System.err::println);
        return Database.open(db);
    }

    /** Opens for a command that writes: warns about network shares and takes a rolling safety copy first. */
    public Database openForWriting() {
        Database opened = open();
        try {
            new SafetyCopies(opened.file()).takeIfDue(opened);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        return opened;
    }
}
