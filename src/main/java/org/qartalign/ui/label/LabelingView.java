package org.qartalign.ui.label;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.qartalign.core.FailureReason;
import javafx.util.Duration;
import org.qartalign.ui.common.Forms;
import org.qartalign.ui.common.Styles;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

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
    private final Label message = new Label();
    private final PauseTransition unflash = new PauseTransition(Duration.seconds(1.5));
    private long lastKeyNanos;
    /** Set once the code on screen takes keys (painted, guard time over); tests and styles can wait for it. */
    public static final PseudoClass READY = PseudoClass.getPseudoClass("ready");
    private final PauseTransition ready;
    private BiConsumer<String, Long> onPainted = (code, nanos) -> { };

    public LabelingView(LabelingViewModel model, double codePixels) {
        this.model = model;
        this.ready = new PauseTransition(Duration.millis(Math.max(1, model.guardMillis())));
        model.codeIdProperty().addListener((o, a, b) -> pseudoClassStateChanged(READY, false));
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
        Label error = Forms.errorText("image-error");
        error.setMaxWidth(Math.max(320, codePixels * 1.5));
        error.textProperty().bind(Bindings.createStringBinding(() -> model.imageErrorProperty().get() == null ? ""
                : "This image cannot be shown.\n" + model.imageErrorProperty().get()
                + "\nPress F to flag it as broken, or K to skip it.", model.imageErrorProperty()));
        error.visibleProperty().bind(model.imageErrorProperty().isNotNull());
        Label finished = new Label("Every code is labeled. Thank you!");
        finished.setId("finished-text");
        finished.getStyleClass().add(Styles.TITLE);
        finished.visibleProperty().bind(model.finishedProperty());
        Node scale = MmScale.of(model.displayMm(), codePixels / model.displayMm());
        scale.visibleProperty().bind(model.finishedProperty().not());
        VBox codeAndScale = new VBox(14, code, scale);
        codeAndScale.setAlignment(Pos.CENTER);
        StackPane stage = new StackPane(codeAndScale, error, finished);
        stage.getStyleClass().add(Styles.CODE_STAGE);
        stage.setMinSize(codePixels + 40, codePixels + 80);
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
            lastKeyNanos = System.nanoTime();
            onKey(e);
        });
        addEventFilter(KeyEvent.KEY_RELEASED, e -> held.remove(e.getCode()));
        // A click anywhere on the screen (a chip, the code, the background) gives the keys back to labeling.
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
        model.imageProperty().addListener((o, a, b) -> awaitPaint());
        model.imageErrorProperty().addListener((o, a, b) -> awaitPaint());
        sceneProperty().addListener((o, a, b) -> awaitPaint());
        message.getStyleClass().add("labeling-message");
        model.droppedProperty().addListener((o, a, b) -> flash(message));
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
            default -> {
                handled = false;
                if (k.isLetterKey() || k.isDigitKey()) {
                    model.unusedKey(k.getName());
                }
            }
        }
        if (handled) {
            e.consume();
        }
    }

    /**
     * Tells the model once the current code's image (or its error) is on screen: at the second pulse after it was
     * set, when the first pulse's frame has been rendered. Keys for the code count only from then on.
     */
    private void awaitPaint() {
        String code = model.codeIdProperty().get();
        Scene scene = getScene();
        if (scene == null || code == null
                || (model.imageProperty().get() == null && model.imageErrorProperty().get() == null)) {
            return;
        }
        int[] pulses = {2};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (--pulses[0] > 0) {
                Platform.requestNextPulse();
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            if (getScene() == scene && code.equals(model.codeIdProperty().get())) {
                model.painted(code);
                onPainted.accept(code, System.nanoTime() - lastKeyNanos);
                ready.setOnFinished(e -> pseudoClassStateChanged(READY, code.equals(model.codeIdProperty().get())));
                ready.playFromStart();
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    /** Benchmark hook: called with each code once it is painted and the nanoseconds since the last key press. */
    public void setOnPainted(BiConsumer<String, Long> onPainted) {
        this.onPainted = onPainted;
    }

    private void flash(Label l) {
        if (!l.getStyleClass().contains("dropped")) {
            l.getStyleClass().add("dropped");
        }
        unflash.setOnFinished(e -> l.getStyleClass().remove("dropped"));
        unflash.playFromStart();
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
                                T  it opened the URL, but only after many tries
                                   (stored as not scanned, reason many_tries)
                  1 - 5       how beautiful the code is (1 ugly, 5 beautiful)

                The next code comes as soon as both answers are given. Keys count
                for a new code only once it has been on screen for %d ms: a key
                before that (a double tap, a key meant for the previous code) is
                not saved, and the message below the keys says so.

                  Backspace   undo the previous answer (goes back to that code)
                  K           skip this code (it comes back at the end)
                  F           flag a broken image (a code that cannot be shown
                              takes only F, K and Backspace)
                  ?           show or hide this help (Esc closes it)

                The bar under the code is a scale in mm: hold a ruler to it.
                Every answer is saved the moment you press the key.""".formatted(model.guardMillis());
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
