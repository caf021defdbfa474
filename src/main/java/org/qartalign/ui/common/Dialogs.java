package org.qartalign.ui.common;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.input.InputEvent;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.util.Optional;

/**
 * How the app shows a dialog over its window. Two JavaFX 21 bugs under an X11 window manager (openbox, KDE) shape it:
 * <ul>
 *   <li>A modal dialog makes GTK freeze its owner's size constraints, and the window manager then un-maximises the
 *   owner to its restored size: the main window shrank from 1366 to 1152 px whenever a dialog opened (JDK-8332222,
 *   fixed in JavaFX 23). So the dialog is not modal to the window system; while it shows, the owner's scene swallows
 *   input and close requests and hands the focus back to the dialog, which is what modality means to the user.</li>
 *   <li>A dialog whose size comes only from its scene can open at 200x200 with no room for its title bar
 *   (JDK-8316423). So it is sized to its content again once shown, kept on the screen and centred on its owner.</li>
 * </ul>
 */
public final class Dialogs {
    /** Room left around a dialog that would not fit the screen. */
    private static final double SCREEN_MARGIN = 40;

    private Dialogs() {
    }

    /** Shows the dialog over {@code owner}, sized to its content, and waits for the answer. */
    public static <R> Optional<R> showAndWait(Dialog<R> dialog, Window owner) {
        prepare(dialog, owner, true);
        return dialog.showAndWait();
    }

    /** As {@link #showAndWait}, for a dialog that sets its own size (call its sizing after this). */
    public static <R> Optional<R> showAndWaitSized(Dialog<R> dialog, Window owner) {
        prepare(dialog, owner, false);
        return dialog.showAndWait();
    }

    /** Shows the dialog over {@code owner}, sized to its content, without waiting. */
    public static void show(Dialog<?> dialog, Window owner) {
        prepare(dialog, owner, true);
        dialog.show();
    }

    /**
     * Runs a native file or folder chooser over {@code owner}. Those are modal to the window system and cannot be
     * otherwise, so JDK-8332222 un-maximises the app's maximised windows (the owner's owner too, when a chooser opens
     * over a dialog); they are maximised again once the chooser closes.
     */
    public static <T> T choose(Window owner, java.util.function.Function<Window, T> chooser) {
        java.util.List<Stage> maximized = Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.isMaximized()).map(w -> (Stage) w).toList();
        try {
            return chooser.apply(owner);
        } finally {
            Platform.runLater(() -> maximized.stream().filter(Stage::isShowing).forEach(stage -> {
                // JavaFX may still believe the stage is maximised: toggle so the request reaches the window manager.
                stage.setMaximized(false);
                stage.setMaximized(true);
            }));
        }
    }

    private static void prepare(Dialog<?> dialog, Window owner, boolean fit) {
        if (dialog.getOwner() == null && owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.NONE);
        Scene ownerScene = owner == null ? null : owner.getScene();
        if (ownerScene != null) {
            EventHandler<InputEvent> swallowInput = Event::consume;
            EventHandler<WindowEvent> swallowClose = Event::consume;
            ChangeListener<Boolean> giveFocusBack = (o, was, focused) -> {
                if (focused && dialog.isShowing() && dialog.getDialogPane().getScene() != null) {
                    Platform.runLater(() -> {
                        Window w = dialog.getDialogPane().getScene().getWindow();
                        if (w != null && w.isShowing()) {
                            w.requestFocus();
                        }
                    });
                }
            };
            ChangeListener<Boolean> block = (o, was, showing) -> {
                if (showing) {
                    ownerScene.addEventFilter(InputEvent.ANY, swallowInput);
                    owner.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, swallowClose);
                    owner.focusedProperty().addListener(giveFocusBack);
                } else {
                    ownerScene.removeEventFilter(InputEvent.ANY, swallowInput);
                    owner.removeEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, swallowClose);
                    owner.focusedProperty().removeListener(giveFocusBack);
                }
            };
            dialog.showingProperty().addListener(block);
        }
        if (fit) {
            dialog.showingProperty().addListener((o, was, showing) -> {
                if (showing) {
                    fit(dialog, owner);
                    Platform.runLater(() -> fit(dialog, owner));
                }
            });
        }
    }

    /**
     * Gives a window that sets its own size that size, within the screen (less a margin) and centred on it, before
     * and again right after it is shown: a size that comes only from the scene can be lost under a window manager,
     * leaving 200x200 with the title bar off screen (JDK-8316423).
     */
    public static void sizeCentred(Stage stage, double width, double height) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(width, screen.getWidth() - SCREEN_MARGIN);
        double h = Math.min(height, screen.getHeight() - SCREEN_MARGIN);
        Runnable size = () -> {
            stage.setWidth(w);
            stage.setHeight(h);
            stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
            stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
        };
        size.run();
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(size));
    }

    /** Sizes the dialog's window to its content, within the screen, centred on the owner. */
    static void fit(Dialog<?> dialog, Window owner) {
        Scene scene = dialog.getDialogPane().getScene();
        if (scene == null || !(scene.getWindow() instanceof Stage stage)) {
            return;
        }
        stage.sizeToScene();
        Rectangle2D screen = screenOf(owner);
        double maxW = Math.max(200, screen.getWidth() - SCREEN_MARGIN);
        double maxH = Math.max(200, screen.getHeight() - SCREEN_MARGIN);
        double paneW = dialog.getDialogPane().prefWidth(-1);
        double chromeW = Math.max(0, stage.getWidth() - scene.getWidth());
        double width = Math.min(maxW, Math.max(stage.getWidth(), paneW + chromeW));
        double paneH = dialog.getDialogPane().prefHeight(width - chromeW);
        double chromeH = Math.max(0, stage.getHeight() - scene.getHeight());
        double height = Math.min(maxH, Math.max(stage.getHeight(), paneH + chromeH));
        stage.setWidth(width);
        stage.setHeight(height);
        double cx = owner == null ? screen.getMinX() + screen.getWidth() / 2 : owner.getX() + owner.getWidth() / 2;
        double cy = owner == null ? screen.getMinY() + screen.getHeight() / 2 : owner.getY() + owner.getHeight() / 2;
        stage.setX(clamp(cx - width / 2, screen.getMinX(), screen.getMaxX() - width));
        stage.setY(clamp(cy - height / 2, screen.getMinY(), screen.getMaxY() - height));
    }

    private static Rectangle2D screenOf(Window owner) {
        if (owner != null) {
            var screens = Screen.getScreensForRectangle(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()),
                    Math.max(1, owner.getHeight()));
            if (!screens.isEmpty()) {
                return screens.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(v, Math.max(lo, hi)));
    }
}
