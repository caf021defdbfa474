package org.qartalign.ui;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.labeling.OverlapPolicy;
import org.qartalign.store.Database;
import org.qartalign.ui.common.UiExecutors;
import org.qartalign.ui.settings.OverlapSettingsViewModel;
import org.qartalign.ui.settings.OverlapSettingsDialog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class OverlapSettingsDialogTest {
    @TempDir
    Path dir;
    @AutoClose
    Database db;

    private void open(FxRobot robot) {
        db = Database.open(dir.resolve("labels.db"));
        robot.interact(() -> {
            Button b = new Button("policy");
            b.setId("open-policy");
            Stage stage = new Stage();
            b.setOnAction(e -> OverlapSettingsDialog.show(stage, new OverlapSettingsViewModel(db, UiExecutors.sameThread())));
            stage.setScene(new Scene(b, 200, 100));
            stage.show();
        });
        robot.clickOn("#open-policy");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void replace(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryTextInputControl().setText(text));
    }

    @Test
    void theDialogStoresThePolicyThatConfigureReads(FxRobot robot) {
        open(robot);
        assertEquals("3", robot.lookup("#policy-overlap-labelers").queryTextInputControl().getText());
        replace(robot, "#policy-overlap-share", "0.3");
        replace(robot, "#policy-overlap-labelers", "4");
        robot.clickOn("#policy-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new OverlapPolicy(1, 0.3, 4, 0.05), OverlapPolicy.load(db));
    }

    @Test
    void aBadValueKeepsTheDialogOpenWithTheFieldNamedAndStoresNothing(FxRobot robot) {
        open(robot);
        replace(robot, "#policy-overlap-labelers", "1");
        robot.clickOn("#policy-save");
        WaitForAsyncUtils.waitForFxEvents();
        String error = robot.lookup("#policy-error").queryAs(Label.class).getText();
        assertTrue(error.contains("overlap-labelers") && error.contains("got 1"), error);
        assertEquals(OverlapPolicy.DEFAULT, OverlapPolicy.load(db));
        robot.interact(() -> robot.lookup("#policy-error").query().getScene().getWindow().hide());
    }
}
