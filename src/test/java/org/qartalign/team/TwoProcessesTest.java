package org.qartalign.team;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.Label;
import org.qartalign.core.Labeler;
import org.qartalign.labeling.CrashLabeler;
import org.qartalign.store.Database;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;
import org.qartalign.testing.TestDatasets;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two processes label into one database at the same time: both finish, nothing is lost, nothing deadlocks. */
class TwoProcessesTest {
    @TempDir
    Path dir;

    @Test
    void twoLabelersInTwoProcessesLoseNothing() throws Exception {
        Path file;
        try (Database db = TestDatasets.withCodes(dir, 50)) {
            file = db.file();
        }
        List<String> names = List.of("ana", "ben");
        Process[] children = new Process[2];
        for (int i = 0; i < 2; i++) {
            children[i] = Children.start(CrashLabeler.class, file.toString(), names.get(i));
        }
        @SuppressWarnings("unchecked")
        Map<String, String>[] acked = new Map[] {new HashMap<>(), new HashMap<>()};
        Thread[] readers = new Thread[2];
        boolean[] done = new boolean[2];
        for (int i = 0; i < 2; i++) {
            int k = i;
            readers[i] = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(children[k].getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.startsWith("ACK ")) {
                            String[] p = line.split(" ");
                            acked[k].put(p[1], p[2] + " " + p[3]);
                        } else if (line.equals("DONE")) {
                            done[k] = true;
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            readers[i].start();
        }
        for (int i = 0; i < 2; i++) {
            assertTrue(children[i].waitFor(60, TimeUnit.SECONDS), "no deadlock: " + names.get(i) + " finished");
            readers[i].join();
            assertEquals(0, children[i].exitValue(), names.get(i) + " exited cleanly (no SQLITE_BUSY)");
            assertTrue(done[i], names.get(i) + " labeled every code");
        }
        try (Database db = Database.open(file)) {
            assertEquals("ok", KillLoopTest.integrity(db));
            for (int i = 0; i < 2; i++) {
                String name = names.get(i);
                Labeler l = new LabelerRepository(db).all().stream().filter(x -> x.name().equals(name)).findFirst()
                        .orElseThrow();
                Map<String, Label> heads = new HashMap<>();
                for (Label h : new LabelRepository(db).heads(l.id())) {
                    heads.put(h.codeId(), h);
                }
                assertEquals(50, acked[i].size());
                for (Map.Entry<String, String> e : acked[i].entrySet()) {
                    Label h = heads.get(e.getKey());
                    assertNotNull(h, names.get(i) + "'s label for " + e.getKey() + " is lost");
                    assertEquals(e.getValue(), h.scanned() + " " + h.aesthetic());
                }
            }
        }
    }
}
