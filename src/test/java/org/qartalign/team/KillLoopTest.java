package org.qartalign.team;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.Label;
import org.qartalign.labeling.CrashLabeler;
import org.qartalign.labeling.LabelingWorkflow;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetSplit;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;
import org.qartalign.testing.TestDatasets;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills child processes with SIGKILL at random points while they write labels, import manifests and merge
 * databases; after every kill the database passes SQLite's integrity check, every acknowledged label is there, and
 * an import or a merge is either whole or absent.
 */
class KillLoopTest {
    static final int LABEL_KILLS = 30;
    static final int IMPORT_KILLS = 10;
    static final int MERGE_KILLS = 10;

    @TempDir
    Path dir;

    private final Random random = new Random(2026);
    /** (labeler, code) to "scanned aesthetic" of the last acknowledged answer. */
    private final Map<String, String> acknowledged = new HashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger kills = new java.util.concurrent.atomic.AtomicInteger();

    static String integrity(Database db) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private static int count(Database db, String sql, String arg) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (arg != null) {
                    s.setString(1, arg);
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Reads the child's lines until {@code killAt} says to kill; returns true when it was killed, not finished. */
    private boolean runAndKill(Process child, java.util.function.Predicate<String> killAt, List<String> lines)
            throws Exception {
        boolean killed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (killAt.test(line)) {
                    child.destroyForcibly();
                    killed = true;
                    break;
                }
            }
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        // POSIX: a child ended by SIGKILL (9) exits with status 128 + 9
        if (killed && child.exitValue() == 128 + 9) {
            kills.incrementAndGet();
            return true;
        }
        return false;
    }

    @Test
    void everyAcknowledgedWriteSurvivesFiftyKillsAndNothingIsHalfWritten() throws Exception {
        Path file;
        try (Database db = TestDatasets.withCodes(dir.resolve("main"), 60)) {
            file = db.file();
        }
        int labelKills = 0;
        // two labelers at a time: the kills land while another process is writing too, and the loop runs twice as fast
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; labelKills < LABEL_KILLS && round < LABEL_KILLS; round++) {
                List<java.util.concurrent.Future<Boolean>> running = new ArrayList<>();
                List<List<String>> outputs = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    String labeler = "k" + (2 * round + k) % 6;
                    int killAfter = 1 + random.nextInt(5);
                    long pauseMs = random.nextInt(4);
                    List<String> lines = new ArrayList<>();
                    outputs.add(lines);
                    int[] acks = {0};
                    Process child = Children.start(CrashLabeler.class, file.toString(), labeler);
                    running.add(pool.submit(() -> runAndKill(child,
                            line -> line.startsWith("ACK ") && ++acks[0] == killAfter && pause(pauseMs), lines)));
                }
                for (int k = 0; k < 2; k++) {
                    labelKills += running.get(k).get() ? 1 : 0;
                    String labeler = "k" + (2 * round + k) % 6;
                    for (String line : outputs.get(k)) {
                        if (line.startsWith("ACK ")) {
                            String[] p = line.split(" ");
                            acknowledged.put(labeler + " " + p[1], p[2] + " " + p[3]);
                        }
                    }
                }
                checkLabels(file);
            }
        } finally {
            pool.shutdownNow();
        }

        Path manifests = dir.resolve("manifests");
        Files.createDirectories(manifests);
        TestDatasets.writeQr("https://example.org/imported", manifests.resolve("img.png"));
        int importKills = 0;
        for (int round = 0; importKills < IMPORT_KILLS && round < 3 * IMPORT_KILLS; round++) {
            Path manifest = manifests.resolve("round" + round + ".jsonl");
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 120; i++) {
                text.append("{\"id\": \"imp").append(round).append('-').append(i)
                        .append("\", \"prompt\": \"a kite over dunes, round ").append(round)
                        .append("\", \"url\": \"https://example.org/imported\", \"image\": \"img.png\"}\n");
            }
            Files.writeString(manifest, text);
            // the child stops inside its write transaction after a random number of rows and says so: the kill always
            // lands mid-transaction, however fast the machine
            String row = String.valueOf(1 + random.nextInt(121));
            List<String> lines = new ArrayList<>();
            boolean killed = runAndKill(Children.start(FaultChild.class, "import", file.toString(), manifest.toString(),
                    row), line -> line.equals("IN-TX"), lines);
            importKills += killed ? 1 : 0;
            boolean acked = lines.stream().anyMatch(l -> l.startsWith("ACK "));
            try (Database db = Database.open(file)) {
                assertEquals("ok", integrity(db));
                int n = count(db, "SELECT count(*) FROM code WHERE id LIKE ?", "imp" + round + "-%");
                assertTrue(n == 0 || n == 120, "an import is all or nothing, found " + n + " of 120");
                if (acked) {
                    assertEquals(120, n, "an acknowledged import is kept");
                }
            }
            checkLabels(file);
        }

        Path other;
        try (Database db = Database.open(file)) {
            other = new DatasetSplit(db).write("zed", 0, 1, dir.resolve("zed/labels.db"), false);
        }
        try (Database db = Database.open(other)) {
            LabelingWorkflow w = TeamLabeling.start(db, "zed", TeamLabeling.ticking(Instant.parse("2026-06-01T08:00:00Z")));
            TeamLabeling.randomSession(w, new Random(1), 80);
        }
        int otherLabels;
        try (Database db = Database.open(other)) {
            otherLabels = new LabelRepository(db).count();
        }
        int base;
        try (Database db = Database.open(file)) {
            base = new LabelRepository(db).count();
        }
        // the split copy already holds the labels main had when it was split: only the others are new
        Path trial = dir.resolve("trial.db");
        copyConsistently(file, trial);
        int newLabels;
        try (Database db = Database.open(trial)) {
            newLabels = new org.qartalign.store.LabelMerge(db).mergeFrom(other).labelsAdded();
        }
        assertTrue(newLabels > 0 && newLabels <= otherLabels, "labels to merge: " + newLabels);
        int mergeKills = 0;
        for (int round = 0; mergeKills < MERGE_KILLS && round < 3 * MERGE_KILLS; round++) {
            Path target = dir.resolve("merge" + round + ".db");
            copyConsistently(file, target);
            String row = String.valueOf(1 + random.nextInt(newLabels));
            List<String> lines = new ArrayList<>();
            boolean killed = runAndKill(Children.start(FaultChild.class, "merge", target.toString(), other.toString(),
                    row), line -> line.equals("IN-TX"), lines);
            mergeKills += killed ? 1 : 0;
            boolean acked = lines.stream().anyMatch(l -> l.startsWith("ACK "));
            try (Database db = Database.open(target)) {
                assertEquals("ok", integrity(db));
                int n = new LabelRepository(db).count() - base;
                assertTrue(n == 0 || n == newLabels, "a merge is all or nothing, found " + n + " of " + newLabels);
                if (acked) {
                    assertEquals(newLabels, n, "an acknowledged merge is kept");
                }
            }
        }
        System.out.println("KillLoopTest: kills survived " + kills + " (labels " + labelKills + ", imports "
                + importKills + ", merges " + mergeKills + "), acknowledged labels " + acknowledged.size()
                + ", labels lost 0");
        assertTrue(kills.get() >= LABEL_KILLS + IMPORT_KILLS + MERGE_KILLS, "kills: " + kills);
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    private void checkLabels(Path file) {
        try (Database db = Database.open(file)) {
            assertEquals("ok", integrity(db));
            Map<String, Label> heads = new HashMap<>();
            Map<Long, String> names = new HashMap<>();
            new LabelerRepository(db).all().forEach(l -> names.put(l.id(), l.name()));
            for (Label h : new LabelRepository(db).heads()) {
                heads.put(names.get(h.labelerId()) + " " + h.codeId(), h);
            }
            for (Map.Entry<String, String> e : acknowledged.entrySet()) {
                Label h = heads.get(e.getKey());
                assertNotNull(h, "acknowledged label " + e.getKey() + " is lost");
                assertEquals(e.getValue(), h.scanned() + " " + h.aesthetic(), e.getKey());
            }
        }
    }

    /** A byte copy of the main file alone would miss what is still in the WAL; VACUUM INTO copies a snapshot. */
    private static void copyConsistently(Path from, Path to) {
        try (Database db = Database.open(from)) {
            db.read(c -> {
                try (var s = c.prepareStatement("VACUUM INTO ?")) {
                    s.setString(1, to.toString());
                    s.execute();
                }
                return null;
            });
        }
    }
}
