package org.qartalign.ui.common;

import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app's dialogs are not modal to the window system (JDK-8332222 un-maximised the main window under openbox), so
 * the owner must refuse input itself while one shows, and take it again when it closes.
 */
@ExtendWith(ApplicationExtension.class)
class DialogsTest {
    @Test
    void theOwnerRefusesInputAndClosingWhileADialogShowsAndTakesThemAgainAfter(FxRobot robot) {
        AtomicInteger presses = new AtomicInteger();
        Stage[] owner = new Stage[1];
        Button[] target = new Button[1];
        @SuppressWarnings("unchecked")
        Dialog<ButtonType>[] box = new Dialog[1];
        robot.interact(() -> {
            box[0] = new Dialog<>();
            Dialog<ButtonType> dialog = box[0];
            target[0] = new Button("owner");
            target[0].setOnKeyPressed(e -> presses.incrementAndGet());
            owner[0] = new Stage();
            owner[0].setScene(new Scene(target[0], 300, 200));
            owner[0].show();
            dialog.getDialogPane().setContent(new Label("a question that wants some room to be read in full"));
            dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
            Dialogs.show(dialog, owner[0]);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Dialog<ButtonType> dialog = box[0];
        assertEquals(Modality.NONE, dialog.getModality());
        assertTrue(dialog.isShowing());

        robot.interact(() -> Event.fireEvent(target[0], key()));
        assertEquals(0, presses.get(), "a key on the owner while the dialog shows is swallowed");
        WindowEvent close = new WindowEvent(owner[0], WindowEvent.WINDOW_CLOSE_REQUEST);
        robot.interact(() -> Event.fireEvent(owner[0], close));
        assertTrue(owner[0].isShowing(), "the owner cannot be closed under its dialog");

        double[] pane = new double[1];
        robot.interact(() -> pane[0] = dialog.getDialogPane().prefWidth(-1));
        double paneWidth = pane[0];
        assertTrue(dialog.getWidth() >= paneWidth, dialog.getWidth() + " < " + paneWidth);
        assertTrue(dialog.getWidth() > 200 || paneWidth <= 200, "sized to its content, not left at 200x200");

        robot.interact(dialog::close);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dialog.isShowing());
        robot.interact(() -> Event.fireEvent(target[0], key()));
        assertEquals(1, presses.get(), "the owner takes input again once the dialog is closed");
        robot.interact(owner[0]::close);
    }

    /** Stands in for a native chooser, which un-maximises the app's windows under openbox (JDK-8332222). */
    @Test
    void aMaximisedWindowIsMaximisedAgainAfterAChooser(FxRobot robot) {
        Stage[] main = new Stage[1];
        robot.interact(() -> {
            main[0] = new Stage();
            main[0].setScene(new Scene(new Label("main"), 300, 200));
            main[0].show();
            main[0].setMaximized(true);
        });
        String[] answer = new String[1];
        robot.interact(() -> answer[0] = Dialogs.choose(main[0], w -> {
            ((Stage) w).setMaximized(false);
            return "chosen";
        }));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("chosen", answer[0]);
        assertTrue(main[0].isMaximized());
        robot.interact(main[0]::close);
    }

    private static KeyEvent key() {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.A, false, false, false, false);
    }
}
