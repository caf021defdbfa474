package org.qartalign.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.qartalign.core.LabelKind;
import org.qartalign.core.Labeler;
import org.qartalign.core.LabelingSession;
import org.qartalign.labeling.LabelingWorkflow;
import org.qartalign.store.Database;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;
import org.qartalign.testing.TestDatasets;
import org.qartalign.ui.common.UiExecutors;
import org.qartalign.ui.label.LabelingView;
import org.qartalign.ui.label.LabelingViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class LabelingViewTest {
    @TempDir
    Path dir;
    @AutoClose
    Database db;
    Labeler labeler;
    final AtomicReference<LabelingViewModel> model = new AtomicReference<>();

    private void open(FxRobot robot, int codes) {
        db = TestDatasets.withCodes(dir, codes);
        show(robot);
    }

    private void show(FxRobot robot) {
        LabelerRepository labelers = new LabelerRepository(db);
        labeler = labelers.getOrCreate("ana", false);
        LabelingSession session = labelers.startSession(labeler.id(), "iPhone 15", "Camera", 50, "test");
        robot.interact(() -> {
            LabelingWorkflow w = new LabelingWorkflow(db, labeler, session, Clock.systemUTC());
            LabelingViewModel vm = new LabelingViewModel(w, UiExecutors.sameThread(), QArtAlignApp.imageLoader(db));
            model.set(vm);
            LabelingView view = new LabelingView(vm, 190);
            Stage stage = new Stage();
            Scene scene = new Scene(view, 1000, 700);
            scene.getStylesheets().add(QArtAlignApp.class.getResource("app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            view.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        awaitInput();
    }

    /** Waits, as a labeler does, until the code on screen is painted and its guard time is over. */
    private void awaitInput() {
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> model.get().inputOpen()
                    || model.get().finishedProperty().get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("input never opened for " + shownCode(), e);
        }
    }

    private void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        awaitInput();
    }

    private String shownCode() {
        return model.get().codeIdProperty().get();
    }

    private List<org.qartalign.core.Label> heads() {
        return new LabelRepository(db).heads(labeler.id());
    }

    @Test
    void aLabelerLabelsFiveCodesWithTheKeysAndEachIsStoredWithTimings(FxRobot robot) {
        open(robot, 8);
        KeyCode[][] answers = {
                {KeyCode.S, KeyCode.DIGIT4}, {KeyCode.N, KeyCode.D, KeyCode.DIGIT2}, {KeyCode.Y, KeyCode.DIGIT5},
                {KeyCode.DIGIT3, KeyCode.N}, {KeyCode.S, KeyCode.NUMPAD1}};
        String[] expectedCodes = new String[5];
        for (int i = 0; i < answers.length; i++) {
            expectedCodes[i] = shownCode();
            assertNotNull(robot.lookup("#code-image").queryAs(ImageView.class).getImage(), "image shown for code " + i);
            robot.type(answers[i]);
            settle();
        }
        List<org.qartalign.core.Label> heads = heads();
        assertEquals(5, heads.size());
        Boolean[] scanned = {true, false, true, false, true};
        int[] scores = {4, 2, 5, 3, 1};
        for (int i = 0; i < 5; i++) {
            org.qartalign.core.Label h = heads.get(i);
            assertEquals(expectedCodes[i], h.codeId());
            assertTrue(h.complete());
            assertEquals(scanned[i], h.scanned());
            assertEquals(scores[i], h.aesthetic());
            assertNotNull(h.shownAt());
            assertNotNull(h.scanMillis());
            assertTrue(!h.submittedAt().isBefore(h.shownAt()));
        }
        assertEquals(org.qartalign.core.FailureReason.NO_DETECTION, heads.get(1).reason());
        assertEquals("5 / 8", robot.lookup("#progress-text").queryAs(Label.class).getText());
    }

    @Test
    void backspaceUndoesThePreviousAnswerAndShowsThatCodeAgain(FxRobot robot) {
        open(robot, 4);
        String first = shownCode();
        robot.type(KeyCode.S, KeyCode.DIGIT2);
        settle();
        assertNotEquals(first, shownCode());
        robot.type(KeyCode.BACK_SPACE);
        settle();
        assertEquals(first, shownCode());
        assertEquals(LabelKind.RETRACT, heads().get(0).kind());
        robot.type(KeyCode.N, KeyCode.DIGIT1);
        settle();
        org.qartalign.core.Label head = heads().get(0);
        assertEquals(Boolean.FALSE, head.scanned());
        assertEquals(1, head.aesthetic());
        assertEquals(List.of(LabelKind.ANSWER, LabelKind.ANSWER, LabelKind.RETRACT, LabelKind.ANSWER, LabelKind.ANSWER),
                new LabelRepository(db).history(first).stream().map(org.qartalign.core.Label::kind).toList(),
                "every version is kept");
    }

    @Test
    void skipMovesOnWithoutALabelAnswer(FxRobot robot) {
        open(robot, 3);
        String first = shownCode();
        robot.type(KeyCode.K);
        settle();
        assertNotEquals(first, shownCode());
        assertEquals(LabelKind.SKIP, heads().get(0).kind());
        assertEquals("0 / 3", robot.lookup("#progress-text").queryAs(Label.class).getText());
    }

    @Test
    void mouseButtonsDoWhatTheKeysDo(FxRobot robot) {
        open(robot, 3);
        String first = shownCode();
        robot.clickOn("#scan-yes");
        robot.clickOn("#score-5");
        settle();
        assertNotEquals(first, shownCode());
        assertEquals(5, heads().get(0).aesthetic());
    }

    @Test
    void reopeningResumesWhereTheLabelerStopped(FxRobot robot) {
        open(robot, 6);
        robot.type(KeyCode.S, KeyCode.DIGIT3);
        settle();
        robot.type(KeyCode.N, KeyCode.DIGIT2);
        settle();
        String next = shownCode();
        robot.interact(() -> robot.listWindows().forEach(w -> ((Stage) w).close()));
        show(robot);
        assertEquals(next, shownCode());
        assertEquals("2 / 6", robot.lookup("#progress-text").queryAs(Label.class).getText());
    }

    @Test
    void aCorruptImageShowsAMessageAndCanBeFlagged(FxRobot robot) throws Exception {
        db = TestDatasets.withCodes(dir, 3);
        for (String id : List.of("c000", "c001", "c002")) {
            Files.write(db.folder().resolve("images/" + id + ".png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2});
        }
        show(robot);
        Label error = robot.lookup("#image-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains(shownCode() + ".png"), error.getText());
        assertNull(robot.lookup("#code-image").queryAs(ImageView.class).getImage());
        robot.type(KeyCode.S, KeyCode.DIGIT3);
        settle();
        assertEquals(List.of(), heads(), "no answer for a code nobody saw");
        assertTrue(robot.lookup("#message").queryAs(Label.class).getText().contains("cannot be shown"));
        robot.type(KeyCode.F);
        settle();
        assertEquals(LabelKind.FLAG, heads().get(0).kind());
        assertEquals("1 / 3", robot.lookup("#progress-text").queryAs(Label.class).getText());
    }

    @Test
    void questionMarkShowsTheHelpWithEveryKey(FxRobot robot) {
        open(robot, 2);
        assertFalse(robot.lookup("#help-overlay").query().isVisible());
        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        settle();
        assertTrue(robot.lookup("#help-overlay").query().isVisible());
        String help = robot.lookup("#help-text").queryAs(Label.class).getText();
        for (String key : List.of("S or Y", "N ", "1 - 5", "Backspace", "K ", "F ", "?")) {
            assertTrue(help.contains(key), key);
        }
        robot.type(KeyCode.ESCAPE);
        settle();
        assertFalse(robot.lookup("#help-overlay").query().isVisible());
    }
}
