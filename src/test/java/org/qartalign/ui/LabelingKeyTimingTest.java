package org.qartalign.ui;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.FailureReason;
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

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real key timing against the real label writer thread: keys 10 ms apart, 120 ms double taps, keys typed straight
 * through code changes, and the keyboard after clicks on the sidebar. Stored labels are checked code by code.
 */
@ExtendWith(ApplicationExtension.class)
class LabelingKeyTimingTest {
    @TempDir
    Path dir;
    Database db;
    Labeler labeler;
    UiExecutors executors;
    final AtomicReference<LabelingViewModel> model = new AtomicReference<>();
    final FxRobot robot = new FxRobot();

    @AfterEach
    void close() {
        robot.interact(() -> robot.listWindows().forEach(w -> ((Stage) w).close()));
        if (executors != null) {
            executors.shutdown();
        }
        if (db != null) {
            db.close();
        }
    }

    /** The labeling screen inside the real main window (sidebar with a theme toggle and a dialog). */
    private void open(int codes, long guardMillis) {
        db = TestDatasets.withCodes(dir, codes);
        executors = UiExecutors.forApp(Platform::runLater);
        LabelerRepository labelers = new LabelerRepository(db);
        labeler = labelers.getOrCreate("ana", false);
        LabelingSession session = labelers.startSession(labeler.id(), "iPhone 15", "Camera", 50, "test");
        robot.interact(() -> {
            LabelingWorkflow w = new LabelingWorkflow(db, labeler, session, Clock.systemUTC());
            LabelingViewModel vm = new LabelingViewModel(w, executors, QArtAlignApp.imageLoader(db), guardMillis,
                    System::nanoTime);
            model.set(vm);
            MainWindow window = new MainWindow();
            window.addMode("label", "Label", () -> new LabelingView(vm, 190));
            window.addMode("dashboard", "Dashboard", Label::new);
            Stage stage = new Stage();
            window.addAction("policy-settings", "Labeling policy", () -> {
                Stage dialog = new Stage();
                dialog.initOwner(stage);
                dialog.setScene(new Scene(new Label("policy"), 200, 100));
                dialog.setOnShown(e -> Platform.runLater(dialog::close));
                dialog.showAndWait();
            });
            window.addAction("theme-toggle", "Dark theme", () -> window.getStyleClass().add("dark"));
            Scene scene = new Scene(window, 1100, 720);
            scene.getStylesheets().add(QArtAlignApp.class.getResource("app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            window.open("label");
        });
        awaitInput();
    }

    /** Waits as a labeler does: until the next code is painted and its guard time is over. */
    private void awaitInput() {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> model.get().inputOpen()
                    || model.get().finishedProperty().get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("input never opened", e);
        }
    }

    /**
     * Presses and releases each key, the given milliseconds apart, through the toolkit's robot without waiting for
     * the screen in between (TestFX's robot waits for the FX queue after each key, which spaces keys 100-250 ms).
     */
    private void typeAt(long millis, KeyCode... keys) {
        javafx.scene.robot.Robot[] fx = new javafx.scene.robot.Robot[1];
        robot.interact(() -> fx[0] = new javafx.scene.robot.Robot());
        long start = System.nanoTime();
        for (int i = 0; i < keys.length; i++) {
            KeyCode k = keys[i];
            long due = start + i * millis * 1_000_000L;
            while (System.nanoTime() < due) {
                sleep(1);
            }
            Platform.runLater(() -> {
                fx[0].keyPress(k);
                fx[0].keyRelease(k);
            });
        }
        sleep(millis);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every key handed to the writer is stored and shown. */
    private void drain() {
        model.get().flush();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static KeyCode[] keys(String group) {
        return group.chars().mapToObj(c -> switch (c) {
            case 's' -> KeyCode.S;
            case 'n' -> KeyCode.N;
            case 'y' -> KeyCode.Y;
            case 'd' -> KeyCode.D;
            case 'w' -> KeyCode.W;
            default -> KeyCode.getKeyCode(String.valueOf((char) c));
        }).toArray(KeyCode[]::new);
    }

    private String shownCode() {
        return model.get().codeIdProperty().get();
    }

    private String answerOf(String code) {
        org.qartalign.core.Label h = new LabelRepository(db).heads(labeler.id()).stream()
                .filter(l -> l.codeId().equals(code)).findFirst().orElse(null);
        if (h == null) {
            return "";
        }
        String scan = h.scanned() == null ? "" : h.scanned() ? "s" : "n";
        String why = h.reason() == FailureReason.NO_DETECTION ? "d" : h.reason() == FailureReason.WRONG_URL ? "w" : "";
        return scan + why + (h.aesthetic() == null ? "" : h.aesthetic());
    }

    private int versions(String code) {
        return new LabelRepository(db).history(code).size();
    }

    private String message() {
        return robot.lookup("#message").queryAs(Label.class).getText();
    }

    @Test
    void keysTenMillisecondsApartAllLandOnTheCodeThatWasOnScreen() {
        open(12, 200);
        String[] groups = {"s4", "n2", "y5", "nw1", "s3", "s2", "nd4", "y1", "s5", "n3"};
        List<String> codes = new ArrayList<>();
        for (String g : groups) {
            codes.add(shownCode());
            typeAt(10, keys(g));
            drain();
            awaitInput();
        }
        String[] expected = {"s4", "n2", "s5", "nw1", "s3", "s2", "nd4", "s1", "s5", "n3"};
        for (int i = 0; i < groups.length; i++) {
            assertEquals(expected[i], answerOf(codes.get(i)), "code " + i + " (" + codes.get(i) + ")");
        }
        assertEquals(10, codes.stream().distinct().count());
        assertEquals("10 / 12", robot.lookup("#progress-text").queryAs(Label.class).getText());
    }

    @Test
    void keysTypedStraightThroughACodeChangeAreDroppedWithACueAndNeverCarriedOver() {
        open(12, 1000);
        String a = shownCode();
        typeAt(10, keys("s4n2y5nw1s3s2nd4y1s5n3"));
        drain();
        String b = shownCode();
        assertEquals("s4", answerOf(a));
        assertEquals(2, versions(a), "S and 4, nothing more");
        assertEquals(0, versions(b), "no key reached the code that was not yet on screen for the guard time");
        assertTrue(message().startsWith("Not saved:"), message());
        assertTrue(robot.lookup("#message").query().getStyleClass().contains("dropped"), "the message flashes");
        awaitInput();
        typeAt(10, keys("n3"));
        drain();
        assertEquals("n3", answerOf(b), "only what was typed once the code was shown");
        assertEquals(2, versions(b));
    }

    @Test
    void aDoubleTapOneHundredTwentyMillisecondsApartDoesNotScoreTheNextCode() {
        open(6, 200);
        String a = shownCode();
        typeAt(120, keys("s44"));
        drain();
        String b = shownCode();
        assertEquals("s4", answerOf(a));
        assertEquals(0, versions(b), "the unseen next code got no 4");
        assertTrue(message().startsWith("Not saved: 4"), message());
        awaitInput();
        typeAt(120, keys("nn3"));
        drain();
        assertEquals("n3", answerOf(b));
        assertEquals(2, versions(b), "N twice is one version");
    }

    @Test
    void theKeyboardStillLabelsAfterClicksOnTheSidebarADialogAndTheCode() {
        open(6, 200);
        String a = shownCode();
        robot.clickOn("#theme-toggle");
        typeAt(10, keys("s4"));
        drain();
        assertEquals("s4", answerOf(a), "after the theme switch");
        awaitInput();
        String b = shownCode();
        robot.clickOn("#policy-settings");
        WaitForAsyncUtils.waitForFxEvents();
        typeAt(10, keys("n2"));
        drain();
        assertEquals("n2", answerOf(b), "after the dialog closed");
        awaitInput();
        String c = shownCode();
        robot.clickOn("#nav-label");
        robot.clickOn("#code-image");
        typeAt(10, keys("y5"));
        drain();
        assertEquals("s5", answerOf(c), "after clicks on the sidebar and the code");
    }

    @Test
    void anUnusedKeyGivesAHintAndTheMmScaleIsOnScreen() {
        open(3, 200);
        typeAt(10, KeyCode.DIGIT7);
        assertTrue(message().startsWith("7 is not an answer key"), message());
        typeAt(10, KeyCode.DIGIT0);
        assertTrue(message().startsWith("0 is not an answer key"), message());
        Node scale = robot.lookup("#mm-scale").query();
        assertTrue(scale.isVisible());
        Bounds onScreen = scale.localToScreen(scale.getBoundsInLocal());
        Bounds window = robot.lookup("#main-window").query().localToScreen(
                robot.lookup("#main-window").query().getBoundsInLocal());
        assertTrue(window.contains(onScreen), "the whole scale is inside the window");
    }
}
