package org.qartalign.alignment;

import org.qartalign.stats.WilsonInterval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Percentile bootstrap over units (codes, or pairs for best-of-N). A replicate is a vector of integer weights:
 * how often each unit was drawn among n draws with replacement. Every registered statistic reads the same
 * replicate, so one resample serves all figures, and statistics built from sums cost one pass per replicate.
 * Replicate b draws from its own generator seeded from (seed, b), so results do not depend on how the replicates
 * are spread over the {@link BootstrapWorkers}.
 */
public final class Bootstrap {
    /** A statistic (or several computed together) of weighted units; NaN marks an undefined value. */
    public interface Statistic {
        /** How many values {@link #compute} writes. */
        int width();

        /** Writes {@link #width()} values at {@code out[offset...]}; {@code weights} null means every unit once. */
        void compute(int[] weights, double[] out, int offset);
    }

    /** The computation behind {@link #statistic}. */
    public interface Computation {
        void compute(int[] weights, double[] out, int offset);
    }

    public static Statistic statistic(int width, Computation c) {
        return new Statistic() {
            @Override
            public int width() {
                return width;
            }

            @Override
            public void compute(int[] weights, double[] out, int offset) {
                c.compute(weights, out, offset);
            }
        };
    }

    private final int units;
    private final int replicates;
    private final long seed;
    private final double confidence;
    private final BootstrapWorkers workers;
    private final List<Statistic> statistics = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();
    private int width;

    /** A bootstrap computed on the calling thread. */
    public Bootstrap(int units, int replicates, long seed, double confidence) {
        this(units, replicates, seed, confidence, BootstrapWorkers.sameThread());
    }

    public Bootstrap(int units, int replicates, long seed, double confidence, BootstrapWorkers workers) {
        if (replicates < 0) {
            throw new IllegalArgumentException("--bootstrap must be 0 or more, got " + replicates);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("--confidence must be between 0 and 1, got " + confidence);
        }
        this.units = units;
        this.replicates = replicates;
        this.seed = seed;
        this.confidence = confidence;
        this.workers = workers;
    }

    /** Registers a statistic and returns a handle to read its values after {@link #run()}. */
    public Handle add(Statistic s) {
        statistics.add(s);
        offsets.add(width);
        Handle h = new Handle(width, s.width());
        width += s.width();
        return h;
    }

    /** Where a statistic's values sit in the result. */
    public record Handle(int offset, int width) {
        public int at(int i) {
            if (i < 0 || i >= width) {
                throw new IndexOutOfBoundsException(i);
            }
            return offset + i;
        }
    }

    /** Point values and the sorted finite replicate values of every registered statistic. */
    public final class Result {
        private final double[] point;
        private final double[][] sortedReplicates;

        private Result(double[] point, double[][] sortedReplicates) {
            this.point = point;
            this.sortedReplicates = sortedReplicates;
        }

        public double point(int index) {
            return point[index];
        }

        /** The estimate at {@code index}, with a note when the value or the interval is undefined. */
        public Estimate estimate(int index, String undefinedNote) {
            double v = point[index];
            if (!Double.isFinite(v)) {
                return Estimate.undefined(undefinedNote);
            }
            double[] r = sortedReplicates[index];
            if (replicates == 0) {
                return new Estimate(v, null, null, null, "no bootstrap (--bootstrap 0)");
            }
            if (r.length == 0) {
                return new Estimate(v, null, null, null, "undefined in every bootstrap replicate");
            }
            double a = (1 - confidence) / 2;
            String note = r.length < replicates
                    ? (replicates - r.length) + " of " + replicates + " replicates undefined and left out" : null;
            return new Estimate(v, quantile(r, a), quantile(r, 1 - a), null, note);
        }

        /** A proportion's estimate, adding its Wilson interval from the point counts. */
        public Estimate proportion(int index, double successes, double n, String undefinedNote) {
            Estimate e = estimate(index, undefinedNote);
            WilsonInterval w = WilsonInterval.orNull(successes, n, confidence);
            return w == null ? e : e.withWilson(w.lower(), w.upper());
        }
    }

    /** Linear-interpolated quantile of sorted values (numpy's default "linear" method). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    public Result run() {
        double[] point = new double[width];
        evaluate(null, point);
        double[][] values = new double[width][replicates];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(replicates);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable claimAndCompute = () -> {
            for (int b = next.getAndIncrement(); b < replicates; b = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        double[] out = new double[width];
                        evaluate(draw(b), out);
                        for (int k = 0; k < width; k++) {
                            values[k][b] = out[k];
                        }
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }
        };
        try {
            for (int t = 1; t < Math.min(workers.parallelism(), replicates); t++) {
                workers.executor().execute(claimAndCompute);
            }
        } catch (RejectedExecutionException e) {
            // A shut-down or full executor leaves the remaining replicates to this thread.
        }
        claimAndCompute.run();
        try {
            // Only replicates a helper has claimed are still running; one that never started claimed none.
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bootstrap interrupted", e);
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
        double[][] sorted = new double[width][];
        for (int k = 0; k < width; k++) {
            sorted[k] = Arrays.stream(values[k]).filter(Double::isFinite).sorted().toArray();
        }
        return new Result(point, sorted);
    }

    private void evaluate(int[] w, double[] out) {
        for (int s = 0; s < statistics.size(); s++) {
            statistics.get(s).compute(w, out, offsets.get(s));
        }
    }

    /** The weights of replicate b: n draws with replacement from n units. */
    int[] draw(int b) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + b);
        int[] w = new int[units];
        for (int i = 0; i < units; i++) {
            w[rng.nextInt(units)]++;
        }
        return w;
    }

}
