package org.qartalign.ui.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one background-task helper: exactly one outcome handler, then finally, on the UI executor. */
class TasksTest {
    private final List<String> events = new ArrayList<>();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final Queue<Runnable> ui = new ArrayDeque<>();
    private final UiExecutors queued = new UiExecutors(background::add, Runnable::run, ui::add);

    private void drain() {
        while (!background.isEmpty() || !ui.isEmpty()) {
            if (!background.isEmpty()) {
                background.poll().run();
            } else {
                ui.poll().run();
            }
        }
    }

    @Test
    void successRunsItsHandlerThenFinallyOnTheUiExecutor() {
        Tasks.create(() -> 42)
                .onSuccess(v -> events.add("success " + v))
                .onError(Throwable.class, e -> events.add("error"))
                .andFinally(() -> events.add("finally"))
                .run(queued);
        assertTrue(events.isEmpty(), "nothing runs before the executors do");
        background.poll().run();
        assertTrue(events.isEmpty(), "handlers wait for the UI executor");
        drain();
        assertEquals(List.of("success 42", "finally"), events);
    }

    @Test
    void anErrorReachesTheFirstMatchingTypedHandlerAndFinallyStillRuns() {
        Tasks.create(() -> {
                    throw new StackOverflowError("deep");
                })
                .onError(IOException.class, e -> events.add("io"))
                .onError(Error.class, e -> events.add("error " + e.getMessage()))
                .onError(Throwable.class, e -> events.add("any"))
                .andFinally(() -> events.add("finally"))
                .run(UiExecutors.sameThread());
        assertEquals(List.of("error deep", "finally"), events);
    }

    @Test
    void aCheckedExceptionIsHandledByItsType() {
        Tasks.create(() -> {
                    throw new IOException("disk full");
                })
                .onSuccess(v -> events.add("success"))
                .onError(IOException.class, e -> events.add("io " + e.getMessage()))
                .andFinally(() -> events.add("finally"))
                .run(UiExecutors.sameThread());
        assertEquals(List.of("io disk full", "finally"), events);
    }

    @Test
    void anUnhandledErrorStillRunsFinally() {
        Tasks.create(() -> {
                    throw new IllegalStateException("nobody listens");
                })
                .andFinally(() -> events.add("finally"))
                .run(UiExecutors.sameThread());
        assertEquals(List.of("finally"), events);
    }

    @Test
    void cancelIsSeenByTheWorkAndCancellationExceptionRunsOnCancelled() {
        Tasks.Running running = Tasks.create(task -> {
                    events.add("work sees cancelled=" + task.cancelled() + " flag=" + task.cancelFlag().get());
                    throw new CancellationException();
                })
                .onSuccess(v -> events.add("success"))
                .onCancelled(() -> events.add("cancelled"))
                .onError(Throwable.class, e -> events.add("error"))
                .andFinally(() -> events.add("finally"))
                .run(queued);
        running.cancel();
        drain();
        assertEquals(List.of("work sees cancelled=true flag=true", "cancelled", "finally"), events);
    }

    @Test
    void workThatStopsEarlyOnCancelAndReturnsIsASuccess() {
        Tasks.Running running = Tasks.create(task -> task.cancelled() ? "stopped early" : "all done")
                .onSuccess(events::add)
                .onCancelled(() -> events.add("cancelled"))
                .run(queued);
        running.cancel();
        drain();
        assertEquals(List.of("stopped early"), events);
    }

    @Test
    void progressReachesTheUiCoalescedToTheLatestAndBeforeTheOutcome() {
        Tasks.create(task -> {
                    for (int i = 1; i <= 100; i++) {
                        task.progress(i / 100.0, "step " + i);
                    }
                    return "done";
                })
                .onProgress(p -> events.add(p.message() + " " + p.fraction()))
                .onSuccess(events::add)
                .run(queued);
        background.poll().run();
        assertEquals(2, ui.size(), "one progress update queued for 100 reports, then the outcome");
        drain();
        assertEquals(List.of("step 100 1.0", "done"), events);
    }
}
