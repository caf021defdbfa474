package org.qartalign.ui.common;

import org.qartalign.alignment.BootstrapWorkers;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executors the UI hands work to: one app-wide pool for background work, sized once here and handed to
 * everything that computes in parallel (never a pool made ad hoc), one serial writer for labels (so key presses are
 * stored in the order they were pressed, off the UI thread), and the UI thread itself. The pool is a fork-join pool
 * so work running on it may itself wait for parallel parts (a report's bootstrap) without starving the pool.
 * Tests pass same-thread executors to make the view models deterministic.
 */
public record UiExecutors(Executor background, Executor labelWriter, Executor ui) {

    public static UiExecutors forApp(Executor uiThread) {
        return new UiExecutors(backgroundPool(Math.max(2, Runtime.getRuntime().availableProcessors())),
                Executors.newSingleThreadExecutor(daemon("qart-label-writer")), uiThread);
    }

    public static UiExecutors sameThread() {
        return new UiExecutors(Runnable::run, Runnable::run, Runnable::run);
    }

    /** The background pool as the report's bootstrap uses it: every pool thread, plus the calling one. */
    public BootstrapWorkers bootstrapWorkers() {
        return background instanceof ForkJoinPool pool ? new BootstrapWorkers(pool, pool.getParallelism())
                : BootstrapWorkers.over(background);
    }

    public void shutdown() {
        for (Executor e : new Executor[] {background, labelWriter}) {
            if (e instanceof ExecutorService s) {
                s.shutdown();
            }
        }
    }

    private static ForkJoinPool backgroundPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        return new ForkJoinPool(threads, pool -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName("qart-background-" + n.incrementAndGet());
            return t;
        }, null, false);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
