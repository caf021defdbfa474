package org.qartalign.alignment;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapTest {
    private static Estimate meanEstimate(double[] v, long seed) {
        return meanEstimate(v, seed, BootstrapWorkers.sameThread(), null);
    }

    /** The bootstrap mean; {@code threads} (if given) collects the threads that computed replicates. */
    private static Estimate meanEstimate(double[] v, long seed, BootstrapWorkers workers, Set<String> threads) {
        Bootstrap b = new Bootstrap(v.length, 400, seed, 0.95, workers);
        Bootstrap.Handle h = b.add(Bootstrap.statistic(1, (w, o, off) -> {
            if (w != null && threads != null) {
                threads.add(Thread.currentThread().getName());
                // Hold the first replicates until a second thread has one, so the run really is spread out.
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (threads.size() < 2 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            }
            double s = 0;
            double n = 0;
            for (int i = 0; i < v.length; i++) {
                int wi = w == null ? 1 : w[i];
                s += wi * v[i];
                n += wi;
            }
            o[off] = s / n;
        }));
        return b.run().estimate(h.at(0), "none");
    }

    @Test
    void seededIntervalsAroundTheMean() {
        double[] v = {1, 4, 2, 8, 5, 7, 3, 3, 9, 0};
        Estimate a = meanEstimate(v, 5);
        assertEquals(a, meanEstimate(v, 5));
        assertNotEquals(a, meanEstimate(v, 6));
        assertEquals(4.2, a.value(), 1e-12);
        assertTrue(a.lo() < 4.2 && a.hi() > 4.2 && a.lo() > 0 && a.hi() < 9);
    }

    @Test
    void theSameIntervalsOnOneThreadAsSpreadOverSeveral() {
        double[] v = {1, 4, 2, 8, 5, 7, 3, 3, 9, 0};
        Estimate oneThread = meanEstimate(v, 5);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            assertEquals(oneThread, meanEstimate(v, 5, new BootstrapWorkers(pool, 3), threads));
            assertTrue(threads.size() >= 2, "replicates ran on " + threads);
            assertEquals(oneThread, meanEstimate(v, 5, new BootstrapWorkers(pool, 8), null), "more tasks than threads");
            assertEquals(oneThread, meanEstimate(v, 5, BootstrapWorkers.over(pool), null));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExecutorThatNeverRunsTheTasksOnlySlowsTheRun() {
        double[] v = {1, 4, 2, 8, 5, 7, 3, 3, 9, 0};
        assertEquals(meanEstimate(v, 5), meanEstimate(v, 5, new BootstrapWorkers(task -> { }, 4), null));
    }

    @Test
    void aFailingStatisticFailsTheRunOnAnyThread() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Bootstrap b = new Bootstrap(5, 50, 1, 0.95, new BootstrapWorkers(pool, 2));
            b.add(Bootstrap.statistic(1, (w, o, off) -> {
                if (w != null) {
                    throw new IllegalStateException("broken statistic");
                }
            }));
            assertEquals("broken statistic", assertThrows(IllegalStateException.class, b::run).getMessage());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void replicateDrawsNUnits() {
        Bootstrap b = new Bootstrap(37, 3, 1, 0.9);
        for (int r = 0; r < 3; r++) {
            assertEquals(37, Arrays.stream(b.draw(r)).sum());
        }
    }

    /** numpy: np.percentile([0.1,0.4,0.35,0.9,0.2,0.6,0.75], 2.5 / 97.5) = 0.115, 0.8775 (linear). */
    @Test
    void quantilesInterpolateLikeNumpy() {
        double[] s = {0.1, 0.4, 0.35, 0.9, 0.2, 0.6, 0.75};
        Arrays.sort(s);
        assertEquals(0.115, Bootstrap.quantile(s, 0.025), 1e-12);
        assertEquals(0.8775, Bootstrap.quantile(s, 0.975), 1e-12);
    }

    @Test
    void undefinedValuesBecomeNullWithANote() {
        Bootstrap b = new Bootstrap(3, 10, 1, 0.95);
        Bootstrap.Handle h = b.add(Bootstrap.statistic(1, (w, o, off) -> o[off] = Double.NaN));
        Estimate e = b.run().estimate(h.at(0), "undefined: one class");
        assertNull(e.value());
        assertEquals("undefined: one class", e.note());
    }
}
