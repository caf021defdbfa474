package org.qartalign.ui;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The window's chrome: a sidebar of modes (Label, Dashboard, Dataset; Ctrl+1..3) and the current mode's view.
 * Each mode's view is built the first time it is opened.
 */
public final class MainWindow extends BorderPane {
    private final Map<String, Supplier<Node>> factories = new LinkedHashMap<>();
    private final Map<String, Node> built = new LinkedHashMap<>();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final ToggleGroup group = new ToggleGroup();
    private final VBox nav = new VBox(4);
    private final VBox navBottom = new VBox(4);

    public MainWindow() {
        setId("main-window");
        Label brand = new Label("QArt Align");
        brand.getStyleClass().add("brand");
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        VBox sidebar = new VBox(6, brand, nav, grow, navBottom);
        sidebar.getStyleClass().add("sidebar");
        sidebar.setPadding(new Insets(14, 10, 14, 10));
        sidebar.setPrefWidth(150);
        // A narrow window squeezes the mode's view, never the sidebar (it collapsed to a 25 px strip at 1024x600).
        sidebar.setMinWidth(Region.USE_PREF_SIZE);
        setLeft(sidebar);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null && a != null) {
                a.setSelected(true);
            }
        });
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                refocusWhenActivated(scene.getWindow());
                scene.windowProperty().addListener((w, x, window) -> refocusWhenActivated(window));
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode().isDigitKey()) {
                int i = e.getCode().ordinal() - (e.getCode().ordinal() >= KeyCode.NUMPAD0.ordinal()
                        ? KeyCode.NUMPAD1.ordinal() : KeyCode.DIGIT1.ordinal());
                if (i >= 0 && i < buttons.size()) {
                    open(buttons.keySet().toArray(String[]::new)[i]);
                    e.consume();
                }
            }
        });
    }

    /** Adds a mode to the sidebar; its view is made on first opening. */
    public void addMode(String id, String title, Supplier<Node> view) {
        ToggleButton b = new ToggleButton(title);
        b.setId("nav-" + id);
        b.getStyleClass().add("nav-button");
        b.setToggleGroup(group);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        // Not focus-traversable: a click on the sidebar must not take the keys away from the labeling screen.
        b.setFocusTraversable(false);
        b.setOnAction(e -> open(id));
        buttons.put(id, b);
        factories.put(id, view);
        nav.getChildren().add(b);
    }

    /** Adds a small action at the bottom of the sidebar (theme, About). */
    public void addAction(String id, String title, Runnable action) {
        Button b = new Button(title);
        b.setId(id);
        b.getStyleClass().add("nav-action");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            action.run();
            // After a dialog closes or the theme changes, the keys go back to the current mode's view.
            Platform.runLater(this::focusView);
        });
        navBottom.getChildren().add(b);
    }

    /** When the window comes back to the front (a dialog closed, another app left), the keys go to the view. */
    private void refocusWhenActivated(Window window) {
        if (window != null) {
            window.focusedProperty().addListener((f, was, focused) -> {
                if (focused) {
                    Platform.runLater(this::focusView);
                }
            });
        }
    }

    /** Gives the keyboard to the current mode's view unless a control inside it already has it. */
    public void focusView() {
        Node view = getCenter();
        Scene scene = getScene();
        if (view == null || scene == null) {
            return;
        }
        Node owner = scene.getFocusOwner();
        for (Node n = owner; n != null; n = n.getParent()) {
            if (n == view) {
                return;
            }
        }
        view.requestFocus();
    }

    public void open(String id) {
        Node view = built.computeIfAbsent(id, k -> factories.get(k).get());
        buttons.get(id).setSelected(true);
        setCenter(view);
        view.requestFocus();
    }

    /** Replaces a mode's view (the labeling mode moves from its start form to the labeling screen). */
    public void replace(String id, Node view) {
        built.put(id, view);
        if (buttons.get(id).isSelected()) {
            setCenter(view);
            view.requestFocus();
        }
    }
}
