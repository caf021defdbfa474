package org.qartalign.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * An open QArt Align database: one SQLite file, WAL journal, foreign keys on, synchronous=FULL.
 * The schema is created on first open and migrated forward; a database written by a newer app is refused untouched.
 * All access goes through {@link #transaction} or {@link #read}, which serialise use of the one connection.
 */
public final class Database implements AutoCloseable {
    /** The schema version this build writes. Bump it and append a migration to change the schema. */
    public static final int SCHEMA_VERSION = Schema.MIGRATIONS.size();

    static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    private final Connection connection;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static Database open(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the folder for database " + abs + ": " + e.getMessage(), e);
        }
        if (Files.exists(abs) && !looksLikeSqlite(abs)) {
            throw new StoreException(abs + " is not a QArt Align database (not an SQLite file); it was left untouched");
        }
        Connection c;
        try {
            SQLiteConfig config = new SQLiteConfig();
            // a writer takes the write lock at BEGIN, so two processes queue on busy_timeout instead of failing
            // with SQLITE_BUSY when a read transaction tries to upgrade
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            c = DriverManager.getConnection("jdbc:sqlite:" + abs, config.toProperties());
        } catch (SQLException e) {
            throw new StoreException("Cannot open database " + abs + ": " + e.getMessage(), e);
        }
        Database db = new Database(abs, c);
        try {
            db.configure();
            db.migrate();
        } catch (SQLException | RuntimeException e) {
            db.close();
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("Cannot open database " + abs + ": " + explain(e), e);
        }
        return db;
    }

    private static boolean looksLikeSqlite(Path p) {
        try {
            if (Files.size(p) == 0) {
                return true;
            }
            byte[] head = new byte[16];
            try (var in = Files.newInputStream(p)) {
                int n = in.readNBytes(head, 0, 16);
                return n == 16 && new String(head, 0, 15, java.nio.charset.StandardCharsets.US_ASCII).equals("SQLite format 3");
            }
        } catch (IOException e) {
            throw new StoreException("Cannot read database " + p + ": " + e.getMessage(), e);
        }
    }

    private void configure() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
        }
        int version = userVersion();
        refuseNewerSchema(version);
        refuseForeignDatabase(version);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA foreign_keys = ON");
        }
    }

    /** An SQLite file of another program (schema version 0 but tables of its own) is refused and left as it is. */
    private void refuseForeignDatabase(int version) throws SQLException {
        if (version != 0) {
            return;
        }
        try (Statement s = connection.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            if (rs.next() && rs.getInt(1) > 0) {
                throw new StoreException(file + " is an SQLite database of another program, not a QArt Align "
                        + "database; it was left untouched");
            }
        }
    }

    private void refuseNewerSchema(int current) {
        if (current > SCHEMA_VERSION) {
            throw new StoreException("Database " + file + " was written by a newer version of QArt Align (schema "
                    + current + ", this app knows up to " + SCHEMA_VERSION + "); it was left untouched. "
                    + "Update the app to open it.");
        }
    }

    private void migrate() throws SQLException {
        int current = userVersion();
        if (current == SCHEMA_VERSION) {
            return;
        }
        List<String> migrations = Schema.MIGRATIONS;
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            for (int v = current; v < SCHEMA_VERSION; v++) {
                for (String sql : migrations.get(v).split(";\\s*\\n")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
            }
            s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    public int userVersion() {
        return read(c -> {
            try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    public Path file() {
        return file;
    }

    /** The folder that relative image paths are resolved against. */
    public Path folder() {
        return file.getParent();
    }

    /** Work that reads and writes; committed as one transaction or rolled back whole. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public synchronized <T> T transaction(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackKeeping(e);
                throw e;
            } finally {
                backToAutoCommit();
            }
        } catch (SQLException e) {
            throw new StoreException("Database " + file + ": " + explain(e), e);
        }
    }

    /** Rolls back; when SQLite already rolled back itself (SQLITE_FULL does), the original error is what counts. */
    private void rollbackKeeping(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException alreadyRolledBack) {
            cause.addSuppressed(alreadyRolledBack);
        }
    }

    private void backToAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException noTransactionLeft) {
            // SQLite ended the transaction itself after an error; the connection is back in autocommit regardless
        }
    }

    /** The SQLite error in words a labeler can act on; the transaction was rolled back, so nothing partial is kept. */
    static String explain(Exception e) {
        if (e instanceof SQLException sql) {
            int primary = sql.getErrorCode() & 0xff;
            switch (primary) {
                case 13:
                    return "the disk is full; nothing of this change was saved (free some space and retry)";
                case 8:
                    return "the database file or its folder is read-only; nothing was saved "
                            + "(check the file permissions or open a copy)";
                case 11:
                    return "the database file is corrupt (" + sql.getMessage() + "); restore a safety copy "
                            + "with `restore --list`";
                case 26:
                    return "the file is not an SQLite database";
                case 5:
                    return "the database stayed locked by another process for " + BUSY_TIMEOUT_MS / 1000
                            + " s; nothing was saved, retry";
                default:
                    break;
            }
        }
        return e.getMessage();
    }

    /** Maps one row of a result set. */
    public interface RowMapper<T> {
        T map(java.sql.ResultSet rs) throws SQLException;
    }

    /** Runs a prepared query with positional arguments and maps every row. */
    public <T> java.util.List<T> list(String sql, RowMapper<T> mapper, Object... args) {
        return read(c -> {
            java.util.List<T> out = new java.util.ArrayList<>();
            try (java.sql.PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    s.setObject(i + 1, args[i]);
                }
                try (java.sql.ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                }
            }
            return out;
        });
    }

    public synchronized <T> T read(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Database " + file + ": " + explain(e), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a broken connection has nothing left to save
        }
    }
}
