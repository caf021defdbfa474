package org.qartalign.ui;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.Labeler;
import org.qartalign.store.Database;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;
import org.qartalign.testing.TestDatasets;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole app on a database: start form, a session, labeling, and the form remembering the labeler. */
class AppFlowTest {
    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();

    @AfterEach
    void closeApp() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void launch(Path db) throws Exception {
        QArtAlignApp.database = db;
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(QArtAlignApp::new);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#start-button").tryQuery().isPresent());
    }

    @Test
    void aLabelerStartsASessionLabelsACodeAndIsRememberedNextTime() throws Exception {
        Path file;
        try (Database db = TestDatasets.withCodes(dir, 5)) {
            file = db.file();
        }
        launch(file);
        robot.clickOn("#labeler-name").write("Ana Lima");
        robot.clickOn("#phone-model").write("iPhone 15");
        robot.clickOn("#scanner-app").write("Camera");
        robot.clickOn("#start-button");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#labeling-view").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "0 / 5".equals(robot.lookup("#progress-text").queryAs(Label.class).getText()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#labeling-view").query()
                .getPseudoClassStates().contains(org.qartalign.ui.label.LabelingView.READY));
        robot.type(KeyCode.S, KeyCode.DIGIT4);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "1 / 5".equals(robot.lookup("#progress-text").queryAs(Label.class).getText()));
        FxToolkit.cleanupStages();

        try (Database db = Database.open(file)) {
            Labeler ana = new LabelerRepository(db).all().get(0);
            assertEquals("Ana Lima", ana.name());
            assertEquals(1, new LabelRepository(db).heads(ana.id()).size());
            assertEquals("iPhone 15", new LabelerRepository(db).lastSession(ana.id()).orElseThrow().phoneModel());
        }
        launch(file);
        assertEquals("iPhone 15", robot.lookup("#phone-model").queryAs(javafx.scene.control.TextField.class).getText());
        assertEquals("Camera", robot.lookup("#scanner-app").queryAs(javafx.scene.control.TextField.class).getText());
        assertTrue(robot.lookup("#start-button").query().isDisabled() == false, "the remembered form is complete");
    }
}
