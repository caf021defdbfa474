package org.qartalign.cli;

import org.qartalign.store.Database;
import org.qartalign.store.DatabaseLocation;
import org.qartalign.store.NetworkShare;
import org.qartalign.store.RowCheck;
import org.qartalign.store.SafetyCopies;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --db} option every command shares. */
public final class DatabaseOption {
    @Option(names = "--db", paramLabel = "PATH", description = "Database file (default: ${DEFAULT-VALUE}).")
    public Path db = DatabaseLocation.defaultDatabase();

    /** Opens a database that must already exist: a mistyped path is an error, not a new empty database. */
    public Database openExisting() {
        refuseFolder();
        if (!java.nio.file.Files.isRegularFile(db)) {
            throw new IllegalArgumentException("--db: no database at " + db.toAbsolutePath().normalize()
                    + " (create one with `demo` or `import`)");
        }
        return open();
    }

    /** Opens an existing database for a command that only reads it: not a byte of the file changes. */
    public Database openReadOnly() {
        refuseFolder();
        if (!java.nio.file.Files.exists(db)) {
            throw new IllegalArgumentException("--db: no database at " + db.toAbsolutePath().normalize()
                    + " (create one with `demo` or `import`)");
        }
        NetworkShare.warning(db).ifPresent(System.err::println);
        Database opened = Database.openReadOnly(db);
        try {
            RowCheck.requireSound(opened, "--db " + opened.file(), "Fix those rows, or put a safety copy back with "
                    + "`restore --list` and `restore`; nothing was changed.");
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    private void refuseFolder() {
        if (java.nio.file.Files.isDirectory(db)) {
            throw new IllegalArgumentException("--db: " + db.toAbsolutePath().normalize() + " is a folder; name the "
                    + "database file inside it (e.g. " + db.toAbsolutePath().normalize().resolve(
                    DatabaseLocation.FILE_NAME) + ")");
        }
    }

    public Database open() {
        refuseFolder();
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
