package org.qartalign.ui.label;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.qartalign.core.FailureReason;
import org.qartalign.ui.common.Styles;

import java.util.ArrayList;
import java.util.List;

/**
 * The labeling screen: one code at a time at a fixed physical size, every key shown on screen, mouse buttons for
 * the same actions. It binds to and forwards to {@link LabelingViewModel}; it holds no state of its own.
 */
public final class LabelingView extends BorderPane {
    private final LabelingViewModel model;
    private final StackPane helpOverlay;
    private final List<Button> scanButtons = new ArrayList<>();
    private final List<Button> reasonButtons = new ArrayList<>();
    private final List<Button> scoreButtons = new ArrayList<>();
    private final java.util.Set<KeyCode> held = java.util.EnumSet.noneOf(KeyCode.class);

    public LabelingView(LabelingViewModel model, double codePixels) {
        this.model = model;
        setId("labeling-view");
        setFocusTraversable(true);
        getStyleClass().add("labeling-view");

        Label who = new Label("Labeling as " + model.labelerName());
        who.getStyleClass().add(Styles.TITLE);
        ProgressBar bar = new ProgressBar();
        bar.setId("progress-bar");
        bar.setPrefWidth(260);
        bar.setMinWidth(60);
        bar.progressProperty().bind(model.progressProperty());
        Label count = new Label();
        count.setId("progress-text");
        count.textProperty().bind(model.progressTextProperty());
        Label pace = new Label();
        pace.setId("pace-text");
        pace.getStyleClass().add(Styles.MUTED);
        pace.textProperty().bind(model.paceTextProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        who.setMinWidth(0);
        pace.setMinWidth(0);
        count.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(14, who, grow, bar, count, pace);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10, 16, 10, 16));
        top.getStyleClass().add("top-bar");
        setTop(top);

        ImageView code = new ImageView();
        code.setId("code-image");
        code.setPreserveRatio(true);
        code.setSmooth(true);
        code.setFitWidth(codePixels);
        code.setFitHeight(codePixels);
        code.imageProperty().bind(model.imageProperty());
        Label error = new Label();
        error.setId("image-error");
        error.getStyleClass().add(Styles.ERROR_TEXT);
        error.setWrapText(true);
        error.setMaxWidth(Math.max(320, codePixels * 1.5));
        error.textProperty().bind(Bindings.createStringBinding(() -> model.imageErrorProperty().get() == null ? ""
                : "This image cannot be shown.\n" + model.imageErrorProperty().get()
                + "\nPress F to flag it as broken, or K to skip it.", model.imageErrorProperty()));
        error.visibleProperty().bind(model.imageErrorProperty().isNotNull());
        Label finished = new Label("Every code is labeled. Thank you!");
        finished.setId("finished-text");
        finished.getStyleClass().add(Styles.TITLE);
        finished.visibleProperty().bind(model.finishedProperty());
        StackPane stage = new StackPane(code, error, finished);
        stage.getStyleClass().add(Styles.CODE_STAGE);
        stage.setMinSize(codePixels + 40, codePixels + 40);
        setCenter(stage);

        setBottom(answerPanel());

        helpOverlay = helpOverlay();
        helpOverlay.setVisible(false);
        stage.getChildren().add(helpOverlay);

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // A held key repeats KEY_PRESSED; only the first press of each hold is an answer.
            if (!held.add(e.getCode())) {
                e.consume();
                return;
            }
            onKey(e);
        });
        addEventFilter(KeyEvent.KEY_RELEASED, e -> held.remove(e.getCode()));
        focusedProperty().addListener((o, a, focused) -> held.clear());
        addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter())) {
                toggleHelp();
                e.consume();
            }
        });
        model.scannedProperty().addListener((o, a, b) -> refreshChips());
        model.reasonProperty().addListener((o, a, b) -> refreshChips());
        model.aestheticProperty().addListener((o, a, b) -> refreshChips());
        refreshChips();
    }

    private Node answerPanel() {
        Button yes = keyButton("scan-yes", "S", "Scanned (Y)", () -> model.answerScan(true));
        Button no = keyButton("scan-no", "N", "Not scanned", () -> model.answerScan(false));
        scanButtons.add(yes);
        scanButtons.add(no);
        Button noDetect = keyButton("reason-no-detection", "D", "no detection",
                () -> model.answerReason(FailureReason.NO_DETECTION));
        Button wrong = keyButton("reason-wrong-url", "W", "wrong or partial URL",
                () -> model.answerReason(FailureReason.WRONG_URL));
        Button tries = keyButton("reason-many-tries", "T", "opened only after many tries",
                () -> model.answerReason(FailureReason.MANY_TRIES));
        reasonButtons.addAll(List.of(noDetect, wrong, tries));
        // Its own row, always laid out, so the panel keeps its width on small screens and does not jump after N.
        FlowPane reasons = new FlowPane(8, 6, caption("Why not? (after N, optional)"), noDetect, wrong, tries);
        reasons.setId("reason-row");
        reasons.setAlignment(Pos.CENTER_LEFT);
        reasons.setPrefWrapLength(1200);
        reasons.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !Boolean.FALSE.equals(model.scannedProperty().get()), model.scannedProperty()));
        HBox scanRow = new HBox(8, caption("Did your phone open the right URL?"), yes, no);
        scanRow.setAlignment(Pos.CENTER_LEFT);

        HBox scoreRow = new HBox(8, caption("How beautiful is it? (1 ugly - 5 beautiful)"));
        scoreRow.setAlignment(Pos.CENTER_LEFT);
        for (int i = 1; i <= 5; i++) {
            int score = i;
            Button b = keyButton("score-" + i, String.valueOf(i), "", () -> model.answerAesthetic(score));
            scoreButtons.add(b);
            scoreRow.getChildren().add(b);
        }

        Button undo = keyButton("undo", "⌫", "Undo", model::undo);
        Button skip = keyButton("skip", "K", "Skip", model::skip);
        Button flag = keyButton("flag", "F", "Flag broken image", model::flag);
        Button help = keyButton("help", "?", "Help", this::toggleHelp);
        Label message = new Label();
        message.setId("message");
        message.getStyleClass().add(Styles.MUTED);
        message.textProperty().bind(model.messageProperty());
        HBox actions = new HBox(8, undo, skip, flag, help, message);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox panel = new VBox(10, scanRow, reasons, scoreRow, actions);
        panel.setPadding(new Insets(12, 16, 14, 16));
        panel.getStyleClass().add("answer-panel");
        return panel;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("caption");
        return l;
    }

    private static Button keyButton(String id, String key, String text, Runnable action) {
        Label cap = new Label(key);
        cap.getStyleClass().add(Styles.KEY_CAP);
        Button b = new Button(text, cap);
        b.setId(id);
        b.getStyleClass().add(Styles.ANSWER_CHIP);
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void refreshChips() {
        Boolean s = model.scannedProperty().get();
        mark(scanButtons.get(0), Boolean.TRUE.equals(s));
        mark(scanButtons.get(1), Boolean.FALSE.equals(s));
        FailureReason r = model.reasonProperty().get();
        for (int i = 0; i < reasonButtons.size(); i++) {
            mark(reasonButtons.get(i), r != null && r.ordinal() == i);
        }
        Integer a = model.aestheticProperty().get();
        for (int i = 0; i < scoreButtons.size(); i++) {
            mark(scoreButtons.get(i), a != null && a == i + 1);
        }
    }

    private static void mark(Button b, boolean on) {
        if (on && !b.getStyleClass().contains(Styles.ANSWER_SET)) {
            b.getStyleClass().add(Styles.ANSWER_SET);
        } else if (!on) {
            b.getStyleClass().remove(Styles.ANSWER_SET);
        }
    }

    private void onKey(KeyEvent e) {
        KeyCode k = e.getCode();
        if (helpOverlay.isVisible()) {
            if (k == KeyCode.ESCAPE || k == KeyCode.F1 || k == KeyCode.HELP) {
                toggleHelp();
            }
            e.consume();
            return;
        }
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        boolean handled = true;
        switch (k) {
            case S, Y -> model.answerScan(true);
            case N -> model.answerScan(false);
            case D -> model.answerReason(FailureReason.NO_DETECTION);
            case W -> model.answerReason(FailureReason.WRONG_URL);
            case T -> model.answerReason(FailureReason.MANY_TRIES);
            case DIGIT1, NUMPAD1 -> model.answerAesthetic(1);
            case DIGIT2, NUMPAD2 -> model.answerAesthetic(2);
            case DIGIT3, NUMPAD3 -> model.answerAesthetic(3);
            case DIGIT4, NUMPAD4 -> model.answerAesthetic(4);
            case DIGIT5, NUMPAD5 -> model.answerAesthetic(5);
            case BACK_SPACE -> model.undo();
            case K -> model.skip();
            case F -> model.flag();
            case F1, HELP -> toggleHelp();
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    private void toggleHelp() {
        helpOverlay.setVisible(!helpOverlay.isVisible());
    }

    private StackPane helpOverlay() {
        String text = """
                Scan the code on screen with your phone, then answer with the keys:

                  S or Y      the phone opened the right URL
                  N           it did not; then, optionally, why:
                                D  no detection
                                W  wrong or partial URL
                                T  only after many tries
                  1 - 5       how beautiful the code is (1 ugly, 5 beautiful)

                The next code comes as soon as both answers are given.

                  Backspace   undo the previous answer (goes back to that code)
                  K           skip this code (it comes back at the end)
                  F           flag a broken image
                  ?           show or hide this help (Esc closes it)

                Every answer is saved the moment you press the key.""";
        Label l = new Label(text);
        l.setId("help-text");
        l.getStyleClass().add("help-text");
        StackPane card = new StackPane(l);
        card.getStyleClass().add(Styles.CARD);
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane overlay = new StackPane(card);
        overlay.setId("help-overlay");
        overlay.getStyleClass().add("overlay");
        overlay.setOnMouseClicked(e -> toggleHelp());
        return overlay;
    }
}
