package org.qartalign.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import java.util.Queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The labeling view model without a toolkit: key presses reach the writer late, as they do when a save is slow. */
class LabelingViewModelTest {
    @TempDir
    Path dir;
    Database db;

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void keyPressesQueuedBehindASlowSaveNeverLandOnACodeTheLabelerHasNotSeen() {
        LabelingWorkflow w = start();
        Queue<Runnable> writer = new ArrayDeque<>();
        LabelingViewModel vm = new LabelingViewModel(w, new UiExecutors(Runnable::run, writer::add, Runnable::run),
                code -> new LabelingViewModel.LoadedImage(null, null));
        drain(writer);
        String a = vm.codeIdProperty().get();
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
