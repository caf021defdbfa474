package org.qartalign.cli;

import org.qartalign.alignment.BootstrapWorkers;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** The CLI's one pool for a report's bootstrap: one daemon thread per core, sized here and nowhere else. */
final class ReportWorkers {
    private ReportWorkers() {
    }

    static <T> T onEveryCore(Function<BootstrapWorkers, T> work) {
        int cores = Runtime.getRuntime().availableProcessors();
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(cores, r -> {
            Thread t = new Thread(r, "qart-report-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            return work.apply(new BootstrapWorkers(pool, cores));
        } finally {
            pool.shutdownNow();
        }
    }
}
