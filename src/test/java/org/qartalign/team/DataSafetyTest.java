package org.qartalign.team;

import org.qartalign.testing.CliRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.store.Database;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;
import org.qartalign.store.SafetyCopies;
import org.qartalign.testing.TestDatasets;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14's holes, each attacked through the command line as a user would: every one gets exit 2 and a message
 * naming the file, row or field, and the stored data is unchanged (canonical dump, or raw bytes where the promise
 * is "not a byte").
 */
class DataSafetyTest {
    @TempDir
    Path dir;
    private Path db;

    @BeforeEach
    void database() {
        try (Database d = TestDatasets.withCodes(dir.resolve("main"), 3)) {
            db = d.file();
            long ana = new LabelerRepository(d).getOrCreate("ana", false).id();
            new LabelRepository(d).append(label("u1", "c000", ana, 4));
            new LabelRepository(d).append(label("u2", "c001", ana, 2));
        }
    }

    @AfterAll
    static void printTally() {
        System.out.println(HostileTally.line("DataSafetyTest"));
    }

    private static Label label(String uuid, String code, long labeler, int aesthetic) {
        return new Label(uuid, code, labeler, null, LabelKind.ANSWER, true, null, aesthetic,
                Instant.parse("2026-06-01T10:00:00Z"), 1500L, Instant.parse("2026-06-01T10:00:05Z"), "", null);
    }

    /** Runs a command that must be refused: exit 2, the message contains every part, and the files are as before. */
    private static CliRun refused(List<Path> unchanged, String[] args, String... parts) throws Exception {
        List<String> before = new ArrayList<>();
        for (Path p : unchanged) {
            before.add(Dumps.bytes(p));
        }
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exit(), String.join(" ", args) + " -> " + r.out() + r.err());
        for (String part : parts) {
            assertTrue(r.err().contains(part), String.join(" ", args) + " said: " + r.err());
        }
        assertFalse(r.err().contains("\tat org."), "no stack trace: " + r.err());
        for (int i = 0; i < unchanged.size(); i++) {
            assertEquals(before.get(i), Dumps.bytes(unchanged.get(i)), unchanged.get(i) + " unchanged after "
                    + String.join(" ", args));
        }
        HostileTally.attack(true, true);
        return r;
    }

    private static void sql(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** A byte-for-byte copy of the main database, in rollback-journal mode so edits touch only that file. */
    private Path copyOfMain(String name) throws Exception {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy.getParent());
        sql(db, "VACUUM INTO '" + copy + "'");
        sql(copy, "PRAGMA journal_mode = DELETE");
        return copy;
    }

    @Test
    void anOutputThatIsTheDatabaseItsCompanionFilesOrItsSafetyCopiesIsRefusedBeforeWriting() throws Exception {
        String d = db.toString();
        Path backups = db.resolveSibling("labels.db.backups");
        Files.createDirectories(backups);
        Path link = dir.resolve("innocent.html");
        Files.createSymbolicLink(link, db);
        refused(List.of(db), new String[] {"export", "--db", d, "--out", d}, "is the database itself",
                "nothing was written");
        refused(List.of(db), new String[] {"report", "--db", d, "--bootstrap", "0", "--format", "html", "--out", d},
                "is the database itself");
        refused(List.of(db), new String[] {"report", "--db", d, "--bootstrap", "0", "--format", "json", "--out",
                link.toString()}, "is the database itself");
        refused(List.of(db), new String[] {"export", "--db", d, "--out", d + "-wal"}, "labels.db-wal");
        refused(List.of(db), new String[] {"export", "--db", d, "--out", d + "-shm"}, "labels.db-shm");
        refused(List.of(db), new String[] {"export", "--db", d, "--out", backups.resolve("labels-1.db").toString()},
                "safety-copy folder");
        assertFalse(Files.exists(Path.of(d + "-wal")), "no -wal file was created");
    }

    @Test
    void replacingAFileBesideTheDatabaseTakesASafetyCopyFirst() throws Exception {
        Path beside = db.resolveSibling("codes.csv");
        Files.writeString(beside, "yesterday's export\n");
        CliRun r = CliRun.of("export", "--db", db.toString(), "--format", "csv", "--out", beside.toString());
        assertEquals(0, r.exit(), r.err());
        List<Path> copies = new SafetyCopies(db).list();
        assertEquals(1, copies.size(), "a safety copy before replacing a file next to the database");
        assertEquals(Dumps.sha256(db), Dumps.sha256(copies.get(0)));
    }

    @Test
    void restoreIsRefusedWhileALabelerProcessIsWritingAndItsLabelsAreKept() throws Exception {
        try (Database d = Database.open(db)) {
            new SafetyCopies(db).take(d);
        }
        Process writer = Children.start(LiveWriter.class, db.toString());
        List<String> acked = new ArrayList<>();
        CliRun r;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            while (acked.size() < 5) {
                acked.add(out.readLine().substring(4));
            }
            r = CliRun.of("restore", "--db", db.toString());
            for (int i = 0; i < 5; i++) {
                acked.add(out.readLine().substring(4));
            }
            writer.getOutputStream().close();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acked.add(line.substring(4));
                }
            }
        } finally {
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("is open in another process") && r.err().contains("Nothing was changed"), r.err());
        try (Database d = Database.open(db)) {
            Set<String> stored = new LabelRepository(d).all().stream().map(Label::uuid).collect(Collectors.toSet());
            assertTrue(stored.containsAll(acked), "every label the writer was told is saved is in the database");
            assertEquals(1, new SafetyCopies(db).list().size(), "the refused restore took no copy either");
        }
        HostileTally.attack(true, false);
        CliRun again = CliRun.of("restore", "--db", db.toString());
        assertEquals(0, again.exit(), "with the writer gone, restore goes ahead: " + again.err());
        try (Database d = Database.open(db)) {
            assertEquals(2, new LabelRepository(d).count(), "the copy taken before the writer started");
        }
    }

    @Test
    void aRestoreSourceIsCheckedReadOnlyBeforeAnythingIsTouched() throws Exception {
        String d = db.toString();
        Path empty = Files.createFile(dir.resolve("empty.db"));
        Path text = Files.writeString(dir.resolve("notes.db"), "my notes\n");
        Path foreign = dir.resolve("foreign.db");
        sql(foreign, "CREATE TABLE photos (id INTEGER)", "PRAGMA user_version = 2");
        Path bad = copyOfMain("bad/labels.db");
        sql(bad, "PRAGMA ignore_check_constraints = 1", "UPDATE label SET aesthetic = 42 WHERE uuid = 'u1'");
        refused(List.of(db, empty), new String[] {"restore", "--db", d, "--from", empty.toString()},
                empty.toString(), "is empty (0 bytes)", "Nothing was restored");
        assertEquals(0, Files.size(empty), "the source was not written into");
        refused(List.of(db, text), new String[] {"restore", "--db", d, "--from", text.toString()},
                "not an SQLite file");
        refused(List.of(db, foreign), new String[] {"restore", "--db", d, "--from", foreign.toString()},
                "another program", "no table pair");
        refused(List.of(db, bad), new String[] {"restore", "--db", d, "--from", bad.toString()},
                "label u1: aesthetic is 42, expected a whole number 1-5");
        Path folder = db.resolveSibling("labels.db.backups");
        Files.createDirectories(folder);
        Path newest = Files.createFile(folder.resolve("labels-99991231T235959.999Z.db"));
        refused(List.of(db, newest), new String[] {"restore", "--db", d}, newest.toString(), "is empty (0 bytes)");
    }

    @Test
    void mergingALabelUuidWithOtherContentIsRefusedNamingTheUuid() throws Exception {
        Path theirs = copyOfMain("ben/labels.db");
        sql(theirs, "UPDATE label SET aesthetic = 5 WHERE uuid = 'u2'");
        refused(List.of(db, theirs), new String[] {"merge", "--db", db.toString(), theirs.toString()},
                theirs + " was not merged", "u2 (aesthetic 2 here, 5 there)", "Nothing was written");
    }

    @Test
    void rowsThatBreakTheSchemaAreRefusedByMergeAndReportNamingTheRowAndTheSourceFile() throws Exception {
        String[][] edits = {
                {"UPDATE label SET scanned = 7, aesthetic = 42 WHERE uuid = 'u1'", "label u1: scanned is 7, expected 0 or 1"},
                {"UPDATE label SET submitted_at = 'yesterday' WHERE uuid = 'u1'", "label u1: submitted_at is 'yesterday'"},
                {"UPDATE label SET scan_ms = 'fast' WHERE uuid = 'u1'", "label u1: scan_ms is 'fast', expected a whole number"},
                {"UPDATE label SET labeler_id = 99 WHERE uuid = 'u1'", "label u1: labeler_id 99 points at no labeler"},
                {"UPDATE label SET kind = 'bogus' WHERE uuid = 'u1'", "label u1: kind is 'bogus'"},
        };
        for (int i = 0; i < edits.length; i++) {
            Path source = copyOfMain("edited" + i + "/labels.db");
            sql(source, "PRAGMA ignore_check_constraints = 1", edits[i][0]);
            String named = edits[i][1];
            refused(List.of(db, source), new String[] {"merge", "--db", db.toString(), source.toString()},
                    source + " was not merged", named);
            refused(List.of(source), new String[] {"report", "--db", source.toString(), "--bootstrap", "0"},
                    source.toString(), named);
        }
    }

    @Test
    void readOnlyCommandsAndSourcesNeverChangeAByte() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        refused(List.of(empty), new String[] {"report", "--db", empty.toString(), "--bootstrap", "0"},
                "is empty (0 bytes)");
        refused(List.of(empty), new String[] {"export", "--db", empty.toString()}, "is empty (0 bytes)");
        refused(List.of(db, empty), new String[] {"merge", "--db", db.toString(), empty.toString()},
                "is empty (0 bytes)");
        assertEquals(0, Files.size(empty));

        Path foreign = dir.resolve("foreign.db");
        sql(foreign, "CREATE TABLE photos (id INTEGER)", "PRAGMA user_version = 2");
        Path manifest = Files.writeString(dir.resolve("m.jsonl"), "");
        refused(List.of(foreign), new String[] {"import", "--db", foreign.toString(), manifest.toString()},
                "another program");
        refused(List.of(foreign), new String[] {"report", "--db", foreign.toString()}, "another program");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign);
             var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            assertEquals("delete", rs.getString(1), "not switched to WAL");
        }

        Path old = copyOfMain("old/labels.db");
        sql(old, "DROP INDEX eval_by_evaluator", "DROP TABLE setting", "PRAGMA user_version = 1");
        String oldBytes = Dumps.bytes(old);
        assertEquals(0, CliRun.of("report", "--db", old.toString(), "--bootstrap", "0").exit());
        assertEquals(0, CliRun.of("merge", "--db", db.toString(), old.toString()).exit());
        assertEquals(0, CliRun.of("restore", "--db", db.toString(), "--from", old.toString()).exit());
        assertEquals(oldBytes, Dumps.bytes(old), "a schema-1 source is read, never migrated in place");
        HostileTally.attack(false, true);
        try (Database d = Database.open(db)) {
            assertEquals(Database.SCHEMA_VERSION, d.userVersion(), "the restored database is on the current schema");
            assertEquals(2, new LabelRepository(d).count());
        }
    }

    @Test
    void failedOrKilledSafetyCopiesLeaveNoPartialFilesBehind() throws Exception {
        SafetyCopies copies = new SafetyCopies(db);
        Files.createDirectories(copies.folder());
        for (int i = 0; i < 3; i++) {
            Files.createFile(copies.folder().resolve("labels-2026060" + i + "T000000.000Z.db.partial"));
        }
        try (Database d = Database.open(db)) {
            copies.take(d);
        }
        try (var files = Files.list(copies.folder())) {
            assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".partial")).toList());
        }
        HostileTally.attack(false, true);
    }

    @Test
    void aFolderAsDatabaseAndAPipeAsImageAreNamedForWhatTheyAre() throws Exception {
        refused(List.of(), new String[] {"report", "--db", dir.toString()}, "is a folder; name the database file");
        Path fifo = dir.resolve("pipe.png");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor(), "mkfifo");
        Path manifest = Files.writeString(dir.resolve("pipe.jsonl"),
                "{\"id\": \"p1\", \"prompt\": \"p\", \"url\": \"https://example.org/u\", \"image\": \"pipe.png\"}\n");
        String before = Dumps.sha256(db);
        CliRun r = CliRun.of("import", "--db", db.toString(), manifest.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(manifest + ":1: image is not a regular file (a device or a pipe)"), r.err());
        assertEquals(before, Dumps.sha256(db));
        HostileTally.attack(true, true);
    }
}
