package org.qartalign.ui.label;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.image.Image;
import org.qartalign.core.FailureReason;
import org.qartalign.labeling.LabelingWorkflow;
import org.qartalign.ui.common.UiExecutors;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * State of the labeling screen. Answers go to the label writer thread in key-press order; each is stored before the
 * screen moves on. The next code's image is decoded ahead of time so it appears without a visible delay.
 */
public final class LabelingViewModel {
    /** An image ready to show, or the reason it cannot be shown. */
    public record LoadedImage(Image image, String error) {
    }

    /** Decodes a code's image off the UI thread. */
    public interface ImageLoader {
        LoadedImage load(String codeId);
    }

    /** Default time a new code must be on screen before keys count for it; a user setting overrides it. */
    public static final long DEFAULT_GUARD_MS = InputGate.DEFAULT_GUARD_MS;
    private final LabelingWorkflow workflow;
    private final UiExecutors executors;
    private final ImageLoader loader;
    private final Map<String, CompletableFuture<LoadedImage>> prefetched = new HashMap<>();
    private Consumer<Throwable> onError = e -> { };

    private final StringProperty codeId = new SimpleStringProperty();
    private final ObjectProperty<Image> image = new SimpleObjectProperty<>();
    private final StringProperty imageError = new SimpleStringProperty();
    private final ObjectProperty<Boolean> scanned = new SimpleObjectProperty<>();
    private final ObjectProperty<FailureReason> reason = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> aesthetic = new SimpleObjectProperty<>();
    private final IntegerProperty done = new SimpleIntegerProperty();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty paceText = new SimpleStringProperty("");
    private final BooleanProperty finished = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final IntegerProperty dropped = new SimpleIntegerProperty();
    private final InputGate gate;
    /** The code whose image (or error) has arrived on the UI thread; null while it loads. */
    private String loadedCode;

    public LabelingViewModel(LabelingWorkflow workflow, UiExecutors executors, ImageLoader loader) {
        this(workflow, executors, loader, InputGate.DEFAULT_GUARD_MS, System::nanoTime);
    }

    /**
     * @param guardMillis how long a new code must be on screen before keys count for it (see {@link InputGate})
     * @param nanos       the clock of the guard time
     */
    public LabelingViewModel(LabelingWorkflow workflow, UiExecutors executors, ImageLoader loader, long guardMillis,
                             LongSupplier nanos) {
        this.workflow = workflow;
        this.executors = executors;
        this.loader = loader;
        this.gate = new InputGate(nanos, guardMillis);
        executors.labelWriter().execute(this::publish);
    }

    public void setOnError(Consumer<Throwable> onError) {
        this.onError = onError;
    }

    /** Called by the screen once the current code's image (or its error message) has been drawn. */
    public void painted(String shownCodeId) {
        if (shownCodeId != null && shownCodeId.equals(codeId.get()) && shownCodeId.equals(loadedCode)) {
            gate.painted(shownCodeId);
        }
    }

    /** True when a key pressed now counts for the code on screen (it has been painted for the guard time). */
    public boolean inputOpen() {
        return gate.bind(codeId.get()) != null;
    }

    public long guardMillis() {
        return gate.guardMillis();
    }

    public void answerScan(boolean didScan) {
        answer(didScan ? "S" : "N", () -> {
            if (Objects.equals(workflow.scanned(), didScan)) {
                return unchanged(didScan ? "S" : "N");
            }
            workflow.answerScan(didScan);
            return true;
        });
    }

    public void answerReason(FailureReason why) {
        String key = switch (why) {
            case NO_DETECTION -> "D";
            case WRONG_URL -> "W";
            case MANY_TRIES -> "T";
        };
        answer(key, () -> {
            if (!Boolean.FALSE.equals(workflow.scanned())) {
                return tell(key + " gives the reason after N (not scanned); nothing saved.");
            }
            if (workflow.reason() == why) {
                return unchanged(key);
            }
            workflow.answerReason(why);
            return true;
        });
    }

    public void answerAesthetic(int score) {
        answer(String.valueOf(score), () -> {
            if (Objects.equals(workflow.aesthetic(), score)) {
                return unchanged(String.valueOf(score));
            }
            workflow.answerAesthetic(score);
            return true;
        });
    }

    public void skip() {
        act("K", false, () -> {
            workflow.skip();
            return true;
        });
    }

    public void flag() {
        act("F", false, () -> {
            workflow.flag();
            return true;
        });
    }

    public void undo() {
        act("Backspace", false, () -> {
            if (!workflow.undo()) {
                return tell("Nothing to undo in this session.");
            }
            return true;
        });
    }

    /** A key that is no answer key: says which keys are. */
    public void unusedKey(String key) {
        message.set(key + " is not an answer key. S/Y scanned, N not scanned, 1-5 beauty, K skip, F flag, "
                + "Backspace undo, ? help.");
    }

    private void answer(String key, Change change) {
        act(key, true, change);
    }

    /**
     * Hands a key press to the writer, bound to the code that was painted on screen when the key went down. A key
     * before the code has been on screen for the guard time belongs to no code and is dropped with a message; so is
     * a key that reaches the writer after its code was completed (a double tap). Neither is carried over.
     */
    private void act(String key, boolean isAnswer, Change change) {
        String bound = gate.bind(codeId.get());
        if (bound == null) {
            if (codeId.get() != null) {
                drop("Not saved: " + key + " came before this code had been on screen for " + gate.guardMillis()
                        + " ms. Press it again if it was meant for this code.");
            }
            return;
        }
        if (isAnswer && imageError.get() != null) {
            drop("Not saved: this image cannot be shown, so it cannot be answered. "
                    + "F flags it as broken, K skips it, Backspace undoes the previous answer.");
            return;
        }
        executors.labelWriter().execute(() -> {
            if (!bound.equals(workflow.current().orElse(null))) {
                executors.ui().execute(() -> drop("Not saved: " + key + " came after that code was complete."));
                return;
            }
            run(change);
        });
    }

    private void drop(String why) {
        message.set(why);
        dropped.set(dropped.get() + 1);
    }

    private boolean unchanged(String key) {
        return tell(key + " again: nothing changed, nothing saved.");
    }

    private boolean tell(String text) {
        executors.ui().execute(() -> message.set(text));
        return false;
    }

    /** One key's effect on the workflow, run on the writer thread; false when it changed (and stored) nothing. */
    private interface Change {
        boolean apply();
    }

    private void run(Change change) {
        try {
            if (!change.apply()) {
                return;
            }
            publish();
        } catch (RuntimeException e) {
            publish();
            executors.ui().execute(() -> {
                message.set("Could not save the answer: " + e.getMessage());
                onError.accept(e);
            });
        }
    }

    /** Waits until every queued answer is stored (closing the window must not drop the last key press). */
    public void flush() {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        executors.labelWriter().execute(done::countDown);
        try {
            done.await(15, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs on the label writer thread: snapshot the workflow, then show it on the UI thread. */
    private void publish() {
        String current = workflow.current().orElse(null);
        String next = workflow.next().orElse(null);
        Boolean s = workflow.scanned();
        FailureReason r = workflow.reason();
        Integer a = workflow.aesthetic();
        int d = workflow.done();
        int t = workflow.total();
        double perHour = workflow.answersPerHour();
        Duration left = workflow.timeLeft().orElse(null);
        CompletableFuture<LoadedImage> currentImage = current == null ? null : prefetch(current);
        if (next != null) {
            prefetch(next);
        }
        prefetched.keySet().removeIf(id -> !id.equals(current) && !id.equals(next));
        executors.ui().execute(() -> {
            boolean changed = current == null ? codeId.get() != null : !current.equals(codeId.get());
            codeId.set(current);
            scanned.set(s);
            reason.set(r);
            aesthetic.set(a);
            done.set(d);
            total.set(t);
            progress.set(t == 0 ? 0 : (double) d / t);
            progressText.set(String.format("%,d / %,d", d, t));
            paceText.set(current == null ? "nothing left to label" : pace(perHour, left));
            finished.set(current == null);
            if (changed) {
                message.set("");
                gate.cleared();
                loadedCode = null;
                image.set(null);
                imageError.set(null);
                if (currentImage != null) {
                    currentImage.thenAccept(img -> executors.ui().execute(() -> {
                        if (current.equals(codeId.get())) {
                            loadedCode = current;
                            image.set(img.image());
                            imageError.set(img.error());
                        }
                    }));
                }
            }
        });
    }

    private CompletableFuture<LoadedImage> prefetch(String id) {
        return prefetched.computeIfAbsent(id, k -> CompletableFuture.supplyAsync(() -> {
            try {
                return loader.load(k);
            } catch (RuntimeException e) {
                return new LoadedImage(null, String.valueOf(e.getMessage()));
            }
        }, executors.background()));
    }

    public static String pace(double perHour, Duration left) {
        if (perHour <= 0 || left == null) {
            return "pace: after the first answer";
        }
        long h = left.toHours();
        long m = left.toMinutesPart();
        String leftText = h > 0 ? h + " h " + m + " min" : m == 0 ? "under 1 min" : m + " min";
        return String.format("%.0f answers/hour · %s left", perHour, leftText);
    }

    public ReadOnlyStringProperty codeIdProperty() {
        return codeId;
    }

    public ReadOnlyObjectProperty<Image> imageProperty() {
        return image;
    }

    public ReadOnlyStringProperty imageErrorProperty() {
        return imageError;
    }

    public ReadOnlyObjectProperty<Boolean> scannedProperty() {
        return scanned;
    }

    public ReadOnlyObjectProperty<FailureReason> reasonProperty() {
        return reason;
    }

    public ReadOnlyObjectProperty<Integer> aestheticProperty() {
        return aesthetic;
    }

    public ReadOnlyIntegerProperty doneProperty() {
        return done;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText;
    }

    public ReadOnlyStringProperty paceTextProperty() {
        return paceText;
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Counts keys dropped as too early, too late or not allowed: the screen flashes its message on each. */
    public ReadOnlyIntegerProperty droppedProperty() {
        return dropped;
    }

    public String labelerName() {
        return workflow.labeler().name();
    }

    public double displayMm() {
        return workflow.session().displayMm();
    }
}
