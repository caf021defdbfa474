package org.qartalign.alignment;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Where a bootstrap computes its replicates: the app's (or the CLI's) executor, sized once, and how many tasks
 * to spread the replicates over. The calling thread always takes part, so a busy or saturated executor only
 * makes the run slower, never stuck; results do not depend on either value.
 */
public record BootstrapWorkers(Executor executor, int parallelism) {
    public BootstrapWorkers {
        if (executor == null || parallelism < 1) {
            throw new IllegalArgumentException("bootstrap workers need an executor and a parallelism of 1 or more");
        }
    }

    /** Every replicate on the calling thread. */
    public static BootstrapWorkers sameThread() {
        return new BootstrapWorkers(Runnable::run, 1);
    }

    /** As many tasks as the pool has threads (one for an executor of unknown size). */
    public static BootstrapWorkers over(Executor executor) {
        int size = executor instanceof ThreadPoolExecutor pool ? Math.max(pool.getCorePoolSize(), 1)
                : executor instanceof ForkJoinPool pool ? pool.getParallelism() : 1;
        return new BootstrapWorkers(executor, size);
    }
}
