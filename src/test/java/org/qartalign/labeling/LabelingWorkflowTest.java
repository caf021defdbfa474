package org.qartalign.labeling;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.FailureReason;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.core.Labeler;
import org.qartalign.core.LabelingSession;
import org.qartalign.store.Database;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;
import org.qartalign.testing.TestDatasets;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelingWorkflowTest {
    @TempDir
    Path dir;
    @AutoClose
    Database db;
    MutableClock clock = new MutableClock();

    @BeforeEach
    void setUp() {
        db = TestDatasets.withCodes(dir, 12);
    }

    private LabelingWorkflow start(String name) {
        LabelerRepository labelers = new LabelerRepository(db);
        Labeler l = labelers.getOrCreate(name, false);
        LabelingSession s = labelers.startSession(l.id(), "Pixel 8", "Camera", 50, "test");
        return new LabelingWorkflow(db, l, s, clock);
    }

    @Test
    void aCodeIsStoredWithItsTimingsAndTheNextCodeFollows() {
        LabelingWorkflow w = start("ana");
        String first = w.current().orElseThrow();
        clock.advance(Duration.ofMillis(2400));
        assertFalse(w.answerScan(true));
        clock.advance(Duration.ofMillis(800));
        assertTrue(w.answerAesthetic(4));
        assertNotEquals(first, w.current().orElseThrow());
        List<Label> heads = new LabelRepository(db).heads();
        assertEquals(1, heads.size());
        Label head = heads.get(0);
        assertEquals(first, head.codeId());
        assertTrue(head.complete());
        assertEquals(Boolean.TRUE, head.scanned());
        assertEquals(4, head.aesthetic());
        assertEquals(2400L, head.scanMillis());
        assertEquals(Duration.ofMillis(3200), Duration.between(head.shownAt(), head.submittedAt()));
        assertEquals(1, w.done());
    }

    @Test
    void aKeyThatRepeatsTheAnswerWritesNoNewVersion() {
        LabelingWorkflow w = start("ana");
        String first = w.current().orElseThrow();
        w.answerScan(false);
        w.answerScan(false);
        w.answerReason(FailureReason.NO_DETECTION);
        w.answerReason(FailureReason.NO_DETECTION);
        assertEquals(2, new LabelRepository(db).history(first).size(), "N twice, D twice: one version each");
        w.answerScan(true);
        assertEquals(3, new LabelRepository(db).history(first).size(), "a changed answer is a new version");
        assertNull(w.reason(), "S clears the reason");
    }

    @Test
    void undoGoesBackToThePreviousCodeAndKeepsTheHistory() {
        LabelingWorkflow w = start("ana");
        String first = w.current().orElseThrow();
        w.answerScan(false);
        w.answerReason(FailureReason.MANY_TRIES);
        w.answerAesthetic(2);
        assertTrue(w.undo());
        assertEquals(first, w.current().orElseThrow());
        assertEquals(0, w.done());
        w.answerScan(true);
        w.answerAesthetic(5);

        List<Label> history = new LabelRepository(db).history(first);
        List<LabelKind> kinds = history.stream().map(Label::kind).toList();
        assertEquals(List.of(LabelKind.ANSWER, LabelKind.ANSWER, LabelKind.ANSWER, LabelKind.RETRACT,
                LabelKind.ANSWER, LabelKind.ANSWER), kinds, "every version is kept");
        for (int i = 1; i < history.size(); i++) {
            assertEquals(history.get(i - 1).uuid(), history.get(i).supersedes(), "one chain, version " + i);
        }
        Label head = new LabelRepository(db).heads().get(0);
        assertEquals(Boolean.TRUE, head.scanned());
        assertEquals(5, head.aesthetic());
        assertNull(head.reason());
    }

    @Test
    void undoOfAPartialAnswerClearsItOnTheSameCode() {
        LabelingWorkflow w = start("ana");
        String first = w.current().orElseThrow();
        w.answerScan(true);
        assertTrue(w.undo());
        assertEquals(first, w.current().orElseThrow());
        assertNull(w.scanned());
        assertEquals(LabelKind.RETRACT, new LabelRepository(db).heads().get(0).kind());
    }

    @Test
    void aSkippedCodeComesBackAfterAllTheOthers() {
        LabelingWorkflow w = start("ana");
        String skipped = w.current().orElseThrow();
        w.skip();
        List<String> seen = new ArrayList<>();
        while (w.current().isPresent()) {
            seen.add(w.current().get());
            w.answerScan(true);
            w.answerAesthetic(3);
        }
        assertEquals(12, seen.size());
        assertEquals(skipped, seen.get(11));
        assertEquals(12, w.done());
    }

    @Test
    void reopeningResumesWithTheSameOrderWhereTheLabelerStopped() {
        LabelingWorkflow w = start("ben");
        List<String> firstPass = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            firstPass.add(w.current().orElseThrow());
            w.answerScan(i % 2 == 0);
            w.answerAesthetic(1 + i);
        }
        String expectedNext = w.current().orElseThrow();
        String partial = expectedNext;
        w.answerScan(true);

        LabelingWorkflow again = start("ben");
        assertEquals(partial, again.current().orElseThrow(), "a half-answered code is shown again");
        assertEquals(4, again.done());
        Set<String> rest = new HashSet<>();
        while (again.current().isPresent()) {
            assertTrue(rest.add(again.current().get()));
            again.answerScan(true);
            again.answerAesthetic(3);
        }
        assertEquals(8, rest.size());
        rest.retainAll(firstPass);
        assertTrue(rest.isEmpty(), "no code is shown twice");
    }

    @Test
    void labelersGetDifferentOrders() {
        List<String> a = new ArrayList<>();
        List<String> z = new ArrayList<>();
        LabelingWorkflow wa = start("ana");
        LabelingWorkflow wz = start("zoe");
        for (int i = 0; i < 12; i++) {
            a.add(wa.current().orElseThrow());
            z.add(wz.current().orElseThrow());
            wa.skip();
            wz.skip();
        }
        assertNotEquals(a, z);
        assertEquals(new HashSet<>(a), new HashSet<>(z));
    }

    @Test
    void aFlaggedCodeCountsAsDoneAndUndoBringsItBack() {
        LabelingWorkflow w = start("ana");
        String broken = w.current().orElseThrow();
        w.flag();
        assertEquals(1, w.done());
        assertEquals(LabelKind.FLAG, new LabelRepository(db).heads().get(0).kind());
        w.undo();
        assertEquals(broken, w.current().orElseThrow());
        assertEquals(0, w.done());
        assertEquals(0, w.completedThisSession());
    }

    @Test
    void paceAndTimeLeftFollowTheSessionsAnswers() {
        LabelingWorkflow w = start("ana");
        assertTrue(w.timeLeft().isEmpty());
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(20));
            w.answerScan(true);
            w.answerAesthetic(3);
        }
        assertEquals(180.0, w.answersPerHour(), 1e-9, "3 answers in 60 s");
        assertEquals(Duration.ofSeconds(180), w.timeLeft().orElseThrow(), "9 codes left at 20 s each");
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
