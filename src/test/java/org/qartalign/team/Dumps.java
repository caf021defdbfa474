package org.qartalign.team;

import org.qartalign.store.Database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A canonical dump of a database, like sqlite3's {@code .dump}: every table's schema and every row with SQLite's
 * own {@code quote()} of each value, in rowid order, plus {@code user_version}; hashed with SHA-256. Two databases
 * with the same hash hold the same data.
 */
final class Dumps {
    private Dumps() {
    }

    static String sha256(Database db) {
        return db.read(Dumps::dump);
    }

    /** The dump hash of a file, read through a read-only connection that writes nothing. */
    static String sha256(Path file) {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties())) {
            return dump(c);
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    /** The SHA-256 of a file's raw bytes (with its -wal, if any): unchanged means not a byte written. */
    static String bytes(Path file) throws IOException {
        MessageDigest md = digest();
        md.update(Files.readAllBytes(file));
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        if (Files.exists(wal)) {
            md.update(Files.readAllBytes(wal));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String dump(Connection c) throws SQLException {
        StringBuilder out = new StringBuilder();
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, sql FROM sqlite_master ORDER BY type, name")) {
            while (rs.next()) {
                out.append(rs.getString(2)).append(";\n");
                if (rs.getString(2) != null && rs.getString(2).startsWith("CREATE TABLE")) {
                    tables.add(rs.getString(1));
                }
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            out.append("user_version ").append(rs.next() ? rs.getInt(1) : 0).append('\n');
        }
        for (String table : tables) {
            List<String> columns = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
                while (rs.next()) {
                    columns.add("quote(\"" + rs.getString(2) + "\")");
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT " + String.join(" || ',' || ", columns) + " FROM \"" + table + "\" ORDER BY rowid")) {
                while (rs.next()) {
                    out.append("INSERT INTO ").append(table).append(" VALUES(").append(rs.getString(1)).append(");\n");
                }
            }
        }
        return HexFormat.of().formatHex(digest().digest(out.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
