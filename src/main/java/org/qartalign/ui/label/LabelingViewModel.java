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
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

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

    public LabelingViewModel(LabelingWorkflow workflow, UiExecutors executors, ImageLoader loader) {
        this.workflow = workflow;
        this.executors = executors;
        this.loader = loader;
        executors.labelWriter().execute(this::publish);
    }

    public void setOnError(Consumer<Throwable> onError) {
        this.onError = onError;
    }

    public void answerScan(boolean didScan) {
        act(() -> workflow.answerScan(didScan));
    }

    public void answerReason(FailureReason why) {
        act(() -> {
            if (Boolean.FALSE.equals(workflow.scanned())) {
                workflow.answerReason(why);
            }
        });
    }

    public void answerAesthetic(int score) {
        act(() -> workflow.answerAesthetic(score));
    }

    public void skip() {
        act(workflow::skip);
    }

    public void flag() {
        act(workflow::flag);
    }

    public void undo() {
        String onScreen = codeId.get();
        executors.labelWriter().execute(() -> {
            if (!java.util.Objects.equals(onScreen, workflow.current().orElse(null))) {
                return;
            }
            run(() -> {
                if (!workflow.undo()) {
                    executors.ui().execute(() -> message.set("Nothing to undo in this session."));
                }
            });
        });
    }

    /**
     * Hands a key press to the writer, bound to the code on screen when it was pressed: if the writer has moved on
     * (a slow save, a held key), the press is dropped rather than applied to a code the labeler has not seen.
     */
    private void act(Runnable change) {
        String onScreen = codeId.get();
        executors.labelWriter().execute(() -> {
            String current = workflow.current().orElse(null);
            if (current == null || !current.equals(onScreen)) {
                return;
            }
            run(change);
        });
    }

    private void run(Runnable change) {
        try {
            change.run();
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
            paceText.set(pace(perHour, left));
            finished.set(current == null);
            if (changed) {
                message.set("");
                image.set(null);
                imageError.set(null);
                if (currentImage != null) {
                    currentImage.thenAccept(img -> executors.ui().execute(() -> {
                        if (current.equals(codeId.get())) {
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

    static String pace(double perHour, Duration left) {
        if (perHour <= 0 || left == null) {
            return "pace: after the first answer";
        }
        long h = left.toHours();
        long m = left.toMinutesPart();
        String leftText = h > 0 ? h + " h " + m + " min" : Math.max(1, m) + " min";
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

    public String labelerName() {
        return workflow.labeler().name();
    }

    public double displayMm() {
        return workflow.session().displayMm();
    }
}
