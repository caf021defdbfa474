package org.qartalign.ui;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.FailureReason;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.core.Labeler;
import org.qartalign.core.LabelingSession;
import org.qartalign.labeling.LabelingWorkflow;
import org.qartalign.store.Database;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;
import org.qartalign.testing.TestDatasets;
import org.qartalign.ui.common.UiExecutors;
import org.qartalign.ui.label.LabelingViewModel;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The labeling view model without a toolkit: key presses reach the writer late, as they do when a save is slow. */
class LabelingViewModelTest {
    @TempDir
    Path dir;
    @AutoClose
    Database db;

    @Test
    void keyPressesQueuedBehindASlowSaveNeverLandOnACodeTheLabelerHasNotSeen() {
        LabelingWorkflow w = start();
        Queue<Runnable> writer = new ArrayDeque<>();
        LabelingViewModel vm = new LabelingViewModel(w, new UiExecutors(Runnable::run, writer::add, Runnable::run),
                code -> new LabelingViewModel.LoadedImage(null, null), 0, System::nanoTime);
        drain(writer);
        String a = vm.codeIdProperty().get();
        vm.painted(a);
        // The labeler answers A, sees nothing move (the writer is held up) and answers again.
        vm.answerScan(true);
        vm.answerAesthetic(4);
        vm.answerScan(true);
        vm.answerAesthetic(4);
        drain(writer);
        assertEquals(1, new LabelRepository(db).heads().size(), "only A is answered");
        assertEquals(a, new LabelRepository(db).heads().get(0).codeId());
        assertEquals(1, vm.doneProperty().get());
    }

    @Test
    void aFailedUndoLeavesTheWorkflowWhereItWas() {
        LabelingWorkflow w = start();
        w.answerScan(true);
        w.answerAesthetic(3);
        String second = w.current().orElseThrow();
        db.close();
        assertThrows(RuntimeException.class, w::undo);
        assertEquals(second, w.current().orElseThrow(), "still on the code the screen shows");
        assertEquals(1, w.done());
        assertThrows(RuntimeException.class, () -> w.answerScan(false));
        assertTrue(w.scanned() == null, "a scan answer that was not stored is not kept");
        db = Database.open(dir.resolve("labels.db"));
    }

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private LabelingViewModel model(LabelingWorkflow w, LabelingViewModel.ImageLoader loader) {
        return new LabelingViewModel(w, UiExecutors.sameThread(), loader, 200, nanos::get);
    }

    private void waitMs(long ms) {
        nanos.addAndGet(ms * 1_000_000L);
    }

    private List<Label> history(String code) {
        return new LabelRepository(db).history(code);
    }

    @Test
    void aKeyBeforeTheCodeIsPaintedOrWithinTheGuardTimeIsDroppedWithAMessageAndStoresNothing() {
        LabelingViewModel vm = model(start(), code -> new LabelingViewModel.LoadedImage(null, null));
        String a = vm.codeIdProperty().get();
        vm.answerScan(true);
        assertTrue(vm.messageProperty().get().startsWith("Not saved: S came before this code"), vm.messageProperty().get());
        vm.painted(a);
        waitMs(199);
        vm.answerScan(true);
        assertEquals(2, vm.droppedProperty().get());
        assertEquals(List.of(), history(a), "nothing stored for a key inside the guard time");
        waitMs(1);
        vm.answerScan(true);
        assertEquals(1, history(a).size());
        assertEquals(Boolean.TRUE, history(a).get(0).scanned());
    }

    @Test
    void aDoubleTappedScoreNeverReachesTheNextUnseenCode() {
        LabelingViewModel vm = model(start(), code -> new LabelingViewModel.LoadedImage(null, null));
        String a = vm.codeIdProperty().get();
        vm.painted(a);
        waitMs(500);
        vm.answerScan(true);
        vm.answerAesthetic(4);
        String b = vm.codeIdProperty().get();
        assertNotEquals(a, b);
        waitMs(120);
        vm.answerAesthetic(4);
        vm.painted(b);
        waitMs(120);
        vm.answerAesthetic(4);
        assertEquals(List.of(), history(b), "the next code got nothing");
        assertEquals(2, vm.droppedProperty().get());
        assertEquals(4, new LabelRepository(db).heads().get(0).aesthetic());
    }

    @Test
    void aCodeWhoseImageCannotBeShownTakesOnlyFlagSkipAndUndo() {
        LabelingViewModel vm = model(start(), code -> new LabelingViewModel.LoadedImage(null, "image file not found"));
        String a = vm.codeIdProperty().get();
        vm.painted(a);
        waitMs(500);
        vm.answerScan(true);
        vm.answerAesthetic(3);
        vm.answerScan(false);
        assertEquals(List.of(), history(a));
        assertTrue(vm.messageProperty().get().contains("cannot be shown"), vm.messageProperty().get());
        vm.flag();
        assertEquals(List.of(LabelKind.FLAG), history(a).stream().map(Label::kind).toList());
    }

    @Test
    void aKeyThatChangesNothingWritesNothing() {
        LabelingViewModel vm = model(start(), code -> new LabelingViewModel.LoadedImage(null, null));
        String a = vm.codeIdProperty().get();
        vm.painted(a);
        waitMs(500);
        vm.answerScan(false);
        vm.answerScan(false);
        vm.answerReason(FailureReason.WRONG_URL);
        vm.answerReason(FailureReason.WRONG_URL);
        assertEquals(2, history(a).size(), "N twice and W twice: one version each");
        assertTrue(vm.messageProperty().get().contains("nothing changed"), vm.messageProperty().get());
    }

    @Test
    void afterTheLastCodeThePaceSaysNothingIsLeft() {
        LabelingViewModel vm = model(start(), code -> new LabelingViewModel.LoadedImage(null, null));
        for (int i = 0; i < 5; i++) {
            vm.painted(vm.codeIdProperty().get());
            waitMs(500);
            vm.answerScan(true);
            vm.answerAesthetic(2);
        }
        assertTrue(vm.finishedProperty().get());
        assertEquals("nothing left to label", vm.paceTextProperty().get());
        assertEquals("under 1 min left", LabelingViewModel.pace(100, java.time.Duration.ofSeconds(20)).split(" · ")[1]);
    }

    @Test
    void anUnusedKeySaysWhichKeysAnswer() {
        LabelingViewModel vm = model(start(), code -> new LabelingViewModel.LoadedImage(null, null));
        vm.unusedKey("7");
        assertTrue(vm.messageProperty().get().startsWith("7 is not an answer key"), vm.messageProperty().get());
    }

    private LabelingWorkflow start() {
        db = TestDatasets.withCodes(dir, 5);
        LabelerRepository labelers = new LabelerRepository(db);
        Labeler ana = labelers.getOrCreate("ana", false);
        LabelingSession s = labelers.startSession(ana.id(), "Pixel 8", "Camera", 50, "test");
        return new LabelingWorkflow(db, ana, s, Clock.systemUTC());
    }

    private static void drain(Queue<Runnable> q) {
        while (!q.isEmpty()) {
            q.poll().run();
        }
    }
}
