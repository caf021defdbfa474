package org.qartalign.cli;

import org.qartalign.store.Database;
import org.qartalign.store.DatabaseLocation;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --db} option every command shares. */
public final class DatabaseOption {
    @Option(names = "--db", paramLabel = "PATH", description = "Database file (default: ${DEFAULT-VALUE}).")
    public Path db = DatabaseLocation.defaultDatabase();

    public Database open() {
        return Database.open(db);
    }
}
