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
    /** A migrated private copy behind a read-only open of an older schema; deleted on close. */
    private final Path scratch;
    /** Depth of {@link #transaction} calls on this thread's stack: an inner call joins the outer transaction. */
    private int transactionDepth;

    private Database(Path file, Connection connection, Path scratch) {
        this.file = file;
        this.connection = connection;
        this.scratch = scratch;
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
        if (Files.isDirectory(abs)) {
            throw new StoreException(abs + " is a folder, not a database file; name the file inside it "
                    + "(e.g. " + abs.resolve(DatabaseLocation.FILE_NAME) + ")");
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
            throw new StoreException("Cannot open database " + abs + ": " + explain(e), e);
        }
        Database db = new Database(abs, c, null);
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

    /**
     * Opens an existing database for reading only ({@code mode=ro}): not a byte of the file
     * changes. An older schema is migrated in a private copy, never in place; an empty, foreign or newer file is
     * refused untouched.
     */
    public static Database openReadOnly(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new StoreException(abs + " is a folder, not a database file; name the file inside it "
                    + "(e.g. " + abs.resolve(DatabaseLocation.FILE_NAME) + ")");
        }
        if (!Files.exists(abs)) {
            throw new StoreException(abs + ": no database file there");
        }
        if (!Files.isRegularFile(abs)) {
            throw new StoreException(abs + " is not a regular file (a device or a pipe), not a database");
        }
        try {
            if (Files.size(abs) == 0) {
                throw new StoreException(abs + " is empty (0 bytes), not a QArt Align database; it was left untouched");
            }
        } catch (IOException e) {
            throw new StoreException("Cannot read database " + abs + ": " + e.getMessage(), e);
        }
        if (!looksLikeSqlite(abs)) {
            throw new StoreException(abs + " is not a QArt Align database (not an SQLite file); it was left untouched");
        }
        Database ro;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
            // no -wal or -shm beside it: nobody has it open and its WAL is empty, so it is read as an immutable
            // file (no locks, no side files created); otherwise it is read alongside its writers through their WAL
            boolean alone = !Files.exists(abs.resolveSibling(abs.getFileName() + "-wal"))
                    && !Files.exists(abs.resolveSibling(abs.getFileName() + "-shm"));
            String uri = "file:" + abs.toUri().getRawPath() + (alone ? "?immutable=1" : "?mode=ro");
            ro = new Database(abs, DriverManager.getConnection("jdbc:sqlite:" + uri, config.toProperties()), null);
        } catch (SQLException e) {
            throw new StoreException("Cannot open database " + abs + ": " + explain(e), e);
        }
        try {
            int version = ro.userVersion();
            ro.refuseNewerSchema(version);
            ro.refuseForeignDatabase(version);
            ro.requireTables(version);
            if (version == SCHEMA_VERSION) {
                return ro;
            }
            Path copy = Files.createTempFile("qart-align-readonly-", ".db");
            Files.delete(copy);
            ro.read(c -> {
                try (var s = c.prepareStatement("VACUUM INTO ?")) {
                    s.setString(1, copy.toString());
                    s.execute();
                }
                return null;
            });
            ro.close();
            Database migrated;
            try {
                migrated = new Database(abs, DriverManager.getConnection("jdbc:sqlite:" + copy), copy);
                migrated.migrate();
            } catch (SQLException | RuntimeException e) {
                Files.deleteIfExists(copy);
                throw e;
            }
            return migrated;
        } catch (SQLException | IOException | RuntimeException e) {
            ro.close();
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("Cannot open database " + abs + ": " + explain(e), e);
        }
    }

    /**
     * Opens {@code file} for a restore: refused while any other connection (another process, another window) has it
     * open, and held exclusively until closed, so a writer that comes meanwhile waits, then fails loudly and retries
     * against the restored content, which is written into this same file.
     */
    static Database openExclusive(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + abs);
        } catch (SQLException e) {
            throw new StoreException("Cannot open database " + abs + ": " + explain(e), e);
        }
        Database db = new Database(abs, c, null);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 0");
            s.execute("PRAGMA locking_mode = EXCLUSIVE");
            // leaving WAL needs every other connection closed: the one check SQLite itself makes for "in use"
            try (var rs = s.executeQuery("PRAGMA journal_mode = DELETE")) {
                if (!rs.next() || !"delete".equalsIgnoreCase(rs.getString(1))) {
                    throw new SQLException("database is locked", null, 5);
                }
            }
            s.execute("BEGIN EXCLUSIVE");
            s.execute("COMMIT");
        } catch (SQLException e) {
            db.close();
            if ((e.getErrorCode() & 0xff) == 5 || (e.getErrorCode() & 0xff) == 6) {
                throw new InUseException(abs + " is open in another process (the app, or a command such as import "
                        + "or merge); close it and run restore again. Nothing was changed.", e);
            }
            throw new StoreException("Cannot open database " + abs + ": " + explain(e), e);
        }
        return db;
    }

    /** The database is open elsewhere; nothing was done. */
    static final class InUseException extends StoreException {
        InUseException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The tables each schema version must have; checked before anything is written (even the journal mode). */
    private void requireTables(int version) throws SQLException {
        if (version == 0) {
            return;
        }
        List<String> wanted = new java.util.ArrayList<>(List.of("pair", "code", "labeler", "labeling_session",
                "label", "eval_result"));
        if (version >= 2) {
            wanted.add("setting");
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        try (Statement s = connection.createStatement();
             var rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        }
        List<String> missing = wanted.stream().filter(t -> !present.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new StoreException(file + " is an SQLite database of another program, not a QArt Align database "
                    + "(schema version " + version + " but no table " + String.join(", ", missing)
                    + "); it was left untouched");
        }
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
        requireTables(version);
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

    /** Work inside one transaction that sees only repository instances, never the connection. */
    public interface Writes<T> {
        T run();
    }

    /**
     * Runs {@code work} as one transaction: every repository write it makes (through repository instances on this
     * database) commits together or not at all.
     */
    public <T> T inTransaction(Writes<T> work) {
        return transaction(c -> work.run());
    }

    /** A transaction; called while one is open on this thread, it joins that one (committed or rolled back whole). */
    public synchronized <T> T transaction(Work<T> work) {
        if (transactionDepth > 0) {
            transactionDepth++;
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw new StoreException("Database " + file + ": " + explain(e), e);
            } finally {
                transactionDepth--;
            }
        }
        try {
            transactionDepth = 1;
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackKeeping(e);
                throw e;
            } finally {
                transactionDepth = 0;
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
                case 10:
                    return "the disk could not be read or written (" + sqlCode(sql)
                            + "); nothing of this change was saved (if the disk is full, free some space and retry)";
                case 14:
                    return "the database file or its folder cannot be opened (check that the folder exists and "
                            + "is writable)";
                case 5:
                    return "the database stayed locked by another process for " + BUSY_TIMEOUT_MS / 1000
                            + " s; nothing was saved, retry";
                default:
                    break;
            }
        }
        return e.getMessage();
    }

    /** SQLite's own name for an error, e.g. SQLITE_IOERR_SHMSIZE, kept as a hint for support. */
    private static String sqlCode(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int open = m.indexOf('[');
        int close = m.indexOf(']');
        return open >= 0 && close > open ? m.substring(open + 1, close) : "error " + e.getErrorCode();
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
        if (scratch != null) {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException ignored) {
                // a private temporary copy; the temp folder is cleaned by the system
            }
        }
    }
}
