package org.qartalign.team;

import org.qartalign.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.store.Database;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;
import org.qartalign.store.SafetyCopies;
import org.qartalign.testing.TestDatasets;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetyCopiesTest {
    @TempDir
    Path dir;

    private static void label(Database db, String code) {
        long who = new LabelerRepository(db).getOrCreate("ana", false).id();
        new LabelRepository(db).append(new Label(UUID.randomUUID().toString(), code, who, null, LabelKind.ANSWER, true,
                null, 4, Instant.now(), 10L, Instant.now(), "", null));
    }

    @Test
    void atMostOneCopyPerIntervalAndOnlyTheNewestFiveKept() {
        try (Database db = TestDatasets.withCodes(dir, 5)) {
            Instant t = Instant.parse("2026-05-01T10:00:00Z");
            int taken = 0;
            for (int i = 0; i < 16; i++) {
                SafetyCopies copies = new SafetyCopies(db.file(), Clock.fixed(t.plus(Duration.ofMinutes(4L * i)),
                        ZoneOffset.UTC));
                if (copies.takeIfDue(db).isPresent()) {
                    taken++;
                }
            }
            assertEquals(6, taken, "one per 10 minutes over 60 minutes: at 0, 12, 24, 36, 48, 60");
            List<Path> kept = new SafetyCopies(db.file()).list();
            assertEquals(SafetyCopies.KEEP, kept.size());
            assertTrue(kept.get(0).getFileName().toString().startsWith("labels-20260501T110000"), kept.toString());
            assertTrue(kept.get(0).getParent().getFileName().toString().equals("labels.db.backups"));
        }
    }

    @Test
    void restoreBringsACopyBackAndKeepsTheReplacedFile() {
        Path file;
        try (Database db = TestDatasets.withCodes(dir, 5)) {
            file = db.file();
            label(db, "c001");
        }
        CliRun first = CliRun.of("import", "--db", file.toString(), dir.resolve("missing.jsonl").toString());
        assertEquals(2, first.exit(), "a writing command takes a safety copy even when the import then fails");
        try (Database db = Database.open(file)) {
            label(db, "c002");
            assertEquals(2, new LabelRepository(db).count());
        }
        CliRun list = CliRun.of("restore", "--db", file.toString(), "--list");
        assertEquals(1, list.out().lines().count(), list.out());
        CliRun restore = CliRun.of("restore", "--db", file.toString());
        assertEquals(0, restore.exit(), restore.err());
        assertTrue(restore.out().contains("the replaced file is kept as"), restore.out());
        try (Database db = Database.open(file)) {
            assertEquals(1, new LabelRepository(db).count(), "the label written after the copy is not in it");
        }
        List<Path> copies = new SafetyCopies(file).list();
        assertEquals(2, copies.size());
        CliRun back = CliRun.of("restore", "--db", file.toString(), "--from", copies.get(0).toString());
        assertEquals(0, back.exit(), back.err());
        try (Database db = Database.open(file)) {
            assertEquals(2, new LabelRepository(db).count(), "restoring the kept copy undoes the restore");
        }
        CliRun missing = CliRun.of("restore", "--db", file.toString(), "--from", dir.resolve("nope.db").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("--from: "), missing.err());
    }
}
