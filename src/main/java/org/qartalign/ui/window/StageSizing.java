package org.qartalign.ui.window;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Puts the main window where {@link WindowPlacement} says and remembers where the user leaves it. The size is set on
 * the stage itself, before and again right after it is shown: with a window manager, a size that comes only from the
 * scene is lost when the scene's root changes before the window is mapped, and GTK falls back to 200x200
 * (JDK-8316423, JavaFX 21).
 */
public final class StageSizing {
    private final Stage stage;
    private final UserSettings settings;
    private WindowPlacement normal;

    private StageSizing(Stage stage, UserSettings settings) {
        this.stage = stage;
        this.settings = settings;
    }

    /** Call before {@code stage.show()}. */
    public static StageSizing install(Stage stage, UserSettings settings) {
        StageSizing s = new StageSizing(stage, settings);
        WindowPlacement p = WindowPlacement.restore(WindowPlacement.load(settings),
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList());
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        stage.setMinWidth(Math.min(WindowPlacement.MIN_WIDTH, primary.getWidth()));
        stage.setMinHeight(Math.min(WindowPlacement.MIN_HEIGHT, primary.getHeight()));
        s.normal = p;
        s.apply(p);
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(() -> s.apply(p)));
        stage.xProperty().addListener((o, x, y) -> s.track());
        stage.yProperty().addListener((o, x, y) -> s.track());
        stage.widthProperty().addListener((o, x, y) -> s.track());
        stage.heightProperty().addListener((o, x, y) -> s.track());
        stage.maximizedProperty().addListener((o, x, y) -> s.track());
        return s;
    }

    private void apply(WindowPlacement p) {
        stage.setX(p.x());
        stage.setY(p.y());
        stage.setWidth(p.width());
        stage.setHeight(p.height());
        stage.setMaximized(p.maximized());
    }

    /** Keeps the last un-maximised bounds, so un-maximising next time restores a sensible window. */
    private void track() {
        if (!stage.isShowing() || stage.isIconified()) {
            return;
        }
        if (stage.isMaximized()) {
            normal = new WindowPlacement(normal.x(), normal.y(), normal.width(), normal.height(), true);
        } else if (stage.getWidth() >= stage.getMinWidth() && stage.getHeight() >= stage.getMinHeight()) {
            normal = new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        }
    }

    /** Writes the placement to the user's settings; the app calls it once, as it stops. */
    public void save() {
        try {
            normal.store(settings);
            settings.save();
        } catch (RuntimeException e) {
            System.err.println("warning: the window size is not remembered: " + e.getMessage());
        }
    }
}
