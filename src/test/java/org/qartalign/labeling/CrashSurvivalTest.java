package org.qartalign.labeling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.Label;
import org.qartalign.store.Database;
import org.qartalign.store.LabelRepository;
import org.qartalign.testing.TestDatasets;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A child JVM labels through the same workflow the screen uses and is killed with SIGKILL mid-stream. */
class CrashSurvivalTest {
    private static final int SIGKILL = 9;

    @TempDir
    Path dir;

    @org.junit.jupiter.api.condition.DisabledOnOs(value = org.junit.jupiter.api.condition.OS.WINDOWS,
            disabledReason = "SIGKILL and the 128 + signal exit status are POSIX")
    @Test
    void everyAcknowledgedLabelSurvivesAKillNine() throws Exception {
        Path file;
        try (Database db = TestDatasets.withCodes(dir, 400)) {
            file = db.file();
        }
        Map<String, String> acknowledged = new HashMap<>();
        int[] killAfter = {7, 23, 41};
        for (int round = 0; round < killAfter.length; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CrashLabeler.class.getName(), file.toString(), "crash")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int acks = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        String[] parts = line.split(" ");
                        acknowledged.put(parts[1], parts[2] + " " + parts[3]);
                        if (++acks == killAfter[round]) {
                            child.destroyForcibly();
                            break;
                        }
                    }
                }
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            // POSIX only: Java reports a child ended by signal N as exit status 128 + N (SIGKILL is 9)
            assertEquals(128 + SIGKILL, child.exitValue(), "ended by SIGKILL, not by itself, in round " + round);
        }
        try (Database db = Database.open(file)) {
            assertEquals("ok", db.read(c -> {
                try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    return rs.getString(1);
                }
            }));
            Map<String, Label> heads = new HashMap<>();
            for (Label h : new LabelRepository(db).heads()) {
                heads.put(h.codeId(), h);
            }
            assertTrue(acknowledged.size() >= 71, "acknowledged " + acknowledged.size());
            for (Map.Entry<String, String> e : acknowledged.entrySet()) {
                Label h = heads.get(e.getKey());
                assertNotNull(h, "acknowledged label for " + e.getKey() + " is lost");
                assertTrue(h.complete(), e.getKey());
                assertEquals(e.getValue(), h.scanned() + " " + h.aesthetic(), e.getKey());
            }
            List<Label> all = new LabelRepository(db).all();
            assertTrue(all.size() >= 2 * acknowledged.size());
        }
    }
}
