package org.qartalign.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one way the UI runs background work: the work runs on {@link UiExecutors#background()}, and its outcome is
 * handed to exactly one handler on {@link UiExecutors#ui()}: success, the first error handler whose type matches
 * (any {@link Throwable}, {@link Error}s included, so no spinner stays on), or cancelled; then the finally handler,
 * always.
 * Progress reported by the work reaches the UI thread coalesced, so a fast loop cannot flood it.
 * In the manner of Cryptomator's {@code ui/common/Tasks}; tests pass {@link UiExecutors#sameThread()}.
 */
public final class Tasks {
    private Tasks() {
    }

    /** Background work; it may report progress and should return early once {@link Context#cancelled()}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Context context) throws Exception;
    }

    /** What a running piece of work can see of its task. */
    public interface Context {
        /** Fraction 0-1 (negative for "unknown") and a line saying what is happening. */
        void progress(double fraction, String message);

        boolean cancelled();

        /** The cancel request as a flag, for code below the UI that takes one. */
        AtomicBoolean cancelFlag();
    }

    /** Progress as the UI shows it. */
    public record Progress(double fraction, String message) {
    }

    public static <T> Builder<T> create(Work<T> work) {
        return new Builder<>(work);
    }

    /** Work that needs no context. */
    public static <T> Builder<T> create(java.util.concurrent.Callable<T> work) {
        return new Builder<>(c -> work.call());
    }

    public static final class Builder<T> {
        private final Work<T> work;
        private Consumer<? super T> onSuccess = v -> { };
        private final List<ErrorHandler<?>> onError = new ArrayList<>();
        private Runnable onCancelled = () -> { };
        private Consumer<Progress> onProgress = p -> { };
        private Runnable andFinally = () -> { };

        private Builder(Work<T> work) {
            this.work = work;
        }

        public Builder<T> onSuccess(Consumer<? super T> handler) {
            this.onSuccess = handler;
            return this;
        }

        /** Handles errors of this type; handlers are tried in the order they were added. */
        public <E extends Throwable> Builder<T> onError(Class<E> type, Consumer<? super E> handler) {
            onError.add(new ErrorHandler<>(type, handler));
            return this;
        }

        /**
         * Runs when the work gave up by throwing {@link CancellationException}; work that stops early on cancel and
         * returns what it did is a success.
         */
        public Builder<T> onCancelled(Runnable handler) {
            this.onCancelled = handler;
            return this;
        }

        public Builder<T> onProgress(Consumer<Progress> handler) {
            this.onProgress = handler;
            return this;
        }

        public Builder<T> andFinally(Runnable handler) {
            this.andFinally = handler;
            return this;
        }

        /** Starts the work now; the returned handle cancels it. */
        public Running run(UiExecutors executors) {
            Running running = new Running(executors, onProgress);
            List<ErrorHandler<?>> errors = List.copyOf(onError);
            executors.background().execute(() -> {
                Runnable outcome;
                try {
                    T value = work.run(running);
                    outcome = () -> onSuccess.accept(value);
                } catch (CancellationException e) {
                    outcome = onCancelled;
                } catch (Throwable e) {
                    outcome = () -> handle(errors, e);
                }
                Runnable then = outcome;
                executors.ui().execute(() -> {
                    try {
                        then.run();
                    } finally {
                        andFinally.run();
                    }
                });
            });
            return running;
        }
    }

    private static void handle(List<ErrorHandler<?>> handlers, Throwable e) {
        for (ErrorHandler<?> h : handlers) {
            if (h.type().isInstance(e)) {
                h.accept(e);
                return;
            }
        }
        // No handler for this kind: say so where a developer looks, the finally handler still resets the screen.
        System.err.println("Background task failed: " + e);
        e.printStackTrace();
    }

    private record ErrorHandler<E extends Throwable>(Class<E> type, Consumer<? super E> handler) {
        void accept(Throwable e) {
            handler.accept(type.cast(e));
        }
    }

    /** A started task: cancel it, or ask whether it was. */
    public static final class Running implements Context {
        private final AtomicBoolean cancel = new AtomicBoolean();
        private final AtomicReference<Progress> pending = new AtomicReference<>();
        private final UiExecutors executors;
        private final Consumer<Progress> onProgress;

        private Running(UiExecutors executors, Consumer<Progress> onProgress) {
            this.executors = executors;
            this.onProgress = onProgress;
        }

        public void cancel() {
            cancel.set(true);
        }

        @Override
        public boolean cancelled() {
            return cancel.get();
        }

        @Override
        public AtomicBoolean cancelFlag() {
            return cancel;
        }

        @Override
        public void progress(double fraction, String message) {
            if (pending.getAndSet(new Progress(fraction, message)) == null) {
                executors.ui().execute(() -> onProgress.accept(pending.getAndSet(null)));
            }
        }
    }
}
