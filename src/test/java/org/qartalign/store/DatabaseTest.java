package org.qartalign.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void aNewDatabaseGetsTheSchemaWalAndForeignKeys() {
        try (Database db = Database.open(dir.resolve("new.db"))) {
            assertEquals(Database.SCHEMA_VERSION, db.userVersion());
            assertEquals("wal", pragma(db, "journal_mode"));
            assertEquals("1", pragma(db, "foreign_keys"));
            assertEquals("2", pragma(db, "synchronous"), "synchronous=FULL is 2");
        }
    }

    @Test
    void aVersionOneDatabaseIsMigratedForwardKeepingItsRows() throws Exception {
        Path file = dir.resolve("v1.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : Schema.MIGRATIONS.get(0).split(";\\s*\\n")) {
                s.execute(sql);
            }
            s.execute("PRAGMA user_version = 1");
            s.execute("INSERT INTO pair (prompt, url) VALUES ('a fox in snow, watercolour', 'https://x.org/a')");
        }
        try (Database db = Database.open(file)) {
            assertEquals(Database.SCHEMA_VERSION, db.userVersion());
            assertEquals(1, new DatasetRepository(db).countPairs());
            new SettingRepository(db).put("ui.theme", "dark");
            assertEquals("dark", new SettingRepository(db).get("ui.theme").orElseThrow());
        }
    }

    @Test
    void aFailedMigrationIsRolledBackWhole() throws Exception {
        Path file = dir.resolve("clash.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE code (whatever TEXT)");
        }
        assertThrows(StoreException.class, () -> Database.open(file));
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "no table of the half-done migration is left behind");
        }
    }

    @Test
    void reopeningACurrentDatabaseKeepsItsData() throws Exception {
        Path file = dir.resolve("v1.db");
        try (Database db = Database.open(file)) {
            new SettingRepository(db).put("k", "v");
        }
        try (Database db = Database.open(file)) {
            assertEquals("v", new SettingRepository(db).get("k").orElseThrow());
        }
    }

    @Test
    void aDatabaseFromANewerAppIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("newer.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE future (x)");
            s.execute("PRAGMA user_version = " + (Database.SCHEMA_VERSION + 5));
        }
        byte[] before = Files.readAllBytes(file);
        StoreException e = assertThrows(StoreException.class, () -> Database.open(file));
        assertTrue(e.getMessage().contains("newer version"), e.getMessage());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedWithItsName() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "these are not the labels you are looking for");
        StoreException e = assertThrows(StoreException.class, () -> Database.open(file));
        assertTrue(e.getMessage().contains("notes.txt") && e.getMessage().contains("not an SQLite file"), e.getMessage());
        assertEquals("these are not the labels you are looking for", Files.readString(file));
    }

    private static String pragma(Database db, String name) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
