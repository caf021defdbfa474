package org.qartalign.team;

import org.qartalign.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.alignment.Alignment;
import org.qartalign.alignment.AlignmentReport;
import org.qartalign.alignment.ReportOptions;
import org.qartalign.core.Label;
import org.qartalign.labeling.LabelingQueue;
import org.qartalign.labeling.LabelingWorkflow;
import org.qartalign.labeling.OverlapPolicy;
import org.qartalign.store.Database;
import org.qartalign.store.LabelRepository;
import org.qartalign.testing.TestDatasets;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetestAndPolicyTest {
    @TempDir
    Path dir;

    @Test
    void configureStoresAValidatedPolicyAndKeepsUnnamedOptions() {
        Path db = dir.resolve("labels.db");
        CliRun set = CliRun.of("configure", "--db", db.toString(), "--overlap-share", "0.3", "--overlap-labelers", "4");
        assertEquals(0, set.exit(), set.err());
        assertTrue(set.out().contains("saved: labels per code 1, overlap share 0.3 x 4 labelers, retest share 0.05"),
                set.out());
        CliRun bad = CliRun.of("configure", "--db", db.toString(), "--retest-share", "0.9");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--retest-share must be between 0 and 0.5, got 0.9"), bad.err());
        CliRun notANumber = CliRun.of("configure", "--db", db.toString(), "--labels-per-code", "two");
        assertEquals(2, notANumber.exit());
        assertTrue(notANumber.err().contains("--labels-per-code"), notANumber.err());
        try (Database d = Database.open(db)) {
            assertEquals(new OverlapPolicy(1, 0.3, 4, 0.05), OverlapPolicy.load(d));
        }
        CliRun show = CliRun.of("configure", "--db", db.toString());
        assertTrue(show.out().startsWith("current: labels per code 1, overlap share 0.3 x 4"), show.out());
        try (Database d = Database.open(db)) {
            new org.qartalign.store.SettingRepository(d).put("overlap.overlap_share", "lots");
        }
        CliRun broken = CliRun.of("configure", "--db", db.toString());
        assertEquals(2, broken.exit());
        assertTrue(broken.err().contains("setting overlap.overlap_share is 'lots', not a number"), broken.err());
        CliRun fixed = CliRun.of("configure", "--db", db.toString(), "--overlap-share", "0.25");
        assertEquals(0, fixed.exit(), fixed.err());
        assertTrue(fixed.out().contains("saved: labels per code 1, overlap share 0.25 x 3 labelers"), fixed.out());
    }

    /** Answers depend only on the code, so a consistent labeler agrees with themself on every re-test. */
    private static boolean scanOf(String code) {
        return code.hashCode() % 3 != 0;
    }

    private static int scoreOf(String code) {
        return 1 + Math.floorMod(code.hashCode(), 5);
    }

    @Test
    void hiddenRetestsComeBackLaterAsTheirOwnChainsAndReachTheReport() {
        try (Database db = TestDatasets.withCodes(dir, 90)) {
            new OverlapPolicy(1, 0.2, 3, 0.25).save(db);
            LabelingWorkflow w = TeamLabeling.start(db, "ana", TeamLabeling.ticking(Instant.parse("2026-03-01T09:00:00Z")));
            List<String> shown = new ArrayList<>();
            while (w.current().isPresent()) {
                String code = w.current().get();
                shown.add(code);
                w.answerScan(scanOf(code));
                w.answerAesthetic(scoreOf(code));
            }
            assertEquals(90, w.done(), "re-tests do not count as progress");
            Map<String, Integer> firstSeen = new HashMap<>();
            int retests = 0;
            for (int i = 0; i < shown.size(); i++) {
                Integer first = firstSeen.putIfAbsent(shown.get(i), i);
                if (first != null) {
                    retests++;
                    assertTrue(i - first - 1 >= LabelingQueue.RETEST_GAP, shown.get(i) + " came back after "
                            + (i - first - 1) + " other codes");
                }
            }
            List<Label> retestLabels = new LabelRepository(db).all().stream().filter(l -> l.hasFlag("retest")).toList();
            assertTrue(retests >= 5, "about a quarter of the codes with 20 left after them, got " + retests);
            assertEquals(2 * retests, retestLabels.size(), "scan and score versions of each re-test");
            assertTrue(retestLabels.stream().filter(l -> l.supersedes() == null).count() == retests,
                    "each re-test starts its own chain");
            AlignmentReport r = Alignment.report(db, new ReportOptions(0, 1, 0.5, 0.95, List.of(), null, false));
            AlignmentReport.TestRetest tr = r.scan().human().testRetest();
            assertEquals(retests, tr.pairs());
            assertEquals(1.0, tr.scanAgreement().value(), 1e-12);
            assertEquals(1.0, tr.scoreSpearman().value(), 1e-12);
            assertEquals(90, r.scan().human().labels(), "main figures count each code once");
        }
    }

    @Test
    void undoingAnAnswerWithdrawsItsScheduledRetest() {
        try (Database db = TestDatasets.withCodes(dir, 40)) {
            new OverlapPolicy(1, 0.0, 3, 0.5).save(db);
            LabelingWorkflow w = TeamLabeling.start(db, "ben", TeamLabeling.ticking(Instant.parse("2026-03-01T09:00:00Z")));
            List<String> undone = new ArrayList<>();
            while (w.current().isPresent()) {
                String code = w.current().get();
                w.answerScan(true);
                w.answerAesthetic(4);
                if (undone.size() < 5 && !undone.contains(code)) {
                    assertTrue(w.undo());
                    undone.add(code);
                    w.skip();
                }
            }
            long retestChains = new LabelRepository(db).all().stream()
                    .filter(l -> l.hasFlag("retest") && l.supersedes() == null).count();
            long distinct = new LabelRepository(db).all().stream().filter(l -> l.hasFlag("retest"))
                    .map(Label::codeId).distinct().count();
            assertEquals(distinct, retestChains, "never two re-test chains for one code");
        }
    }
}
