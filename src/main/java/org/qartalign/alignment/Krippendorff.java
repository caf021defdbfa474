package org.qartalign.alignment;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Krippendorff's alpha over units rated by varying numbers of raters (missing ratings allowed), built on the
 * coincidence matrix as in Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability". Each unit's
 * contribution to the coincidence matrix is prepared once, so an alpha under bootstrap weights costs one
 * weighted sum over units.
 */
public final class Krippendorff {
    public enum Level { NOMINAL, ORDINAL, INTERVAL }

    private final double[] categories;
    private final int[] unitOf;
    /** Per pairable unit: the categories present and their counts. */
    private final int[][] cats;
    private final int[][] counts;

    /**
     * @param units the values given to each unit (any number, NaN = missing); units with fewer than two
     *              values are not pairable and are ignored
     * @param unitOf the bootstrap unit (code) each unit belongs to, or null for the identity
     */
    public Krippendorff(double[][] units, int[] unitOf) {
        TreeSet<Double> values = new TreeSet<>();
        for (double[] u : units) {
            for (double v : u) {
                if (!Double.isNaN(v)) {
                    values.add(v);
                }
            }
        }
        categories = values.stream().mapToDouble(Double::doubleValue).toArray();
        int pairable = 0;
        for (double[] u : units) {
            if (present(u) >= 2) {
                pairable++;
            }
        }
        this.unitOf = new int[pairable];
        cats = new int[pairable][];
        counts = new int[pairable][];
        int j = 0;
        for (int i = 0; i < units.length; i++) {
            if (present(units[i]) < 2) {
                continue;
            }
            int[] c = new int[categories.length];
            for (double v : units[i]) {
                if (!Double.isNaN(v)) {
                    c[Arrays.binarySearch(categories, v)]++;
                }
            }
            int k = 0;
            for (int x : c) {
                k += x > 0 ? 1 : 0;
            }
            cats[j] = new int[k];
            counts[j] = new int[k];
            k = 0;
            for (int x = 0; x < c.length; x++) {
                if (c[x] > 0) {
                    cats[j][k] = x;
                    counts[j][k++] = c[x];
                }
            }
            this.unitOf[j] = unitOf == null ? i : unitOf[i];
            j++;
        }
    }

    private static int present(double[] u) {
        int n = 0;
        for (double v : u) {
            n += Double.isNaN(v) ? 0 : 1;
        }
        return n;
    }

    /** Number of pairable units (two or more values). */
    public int pairableUnits() {
        return cats.length;
    }

    /** Alpha at each level in {@code levels} order under integer weights per bootstrap unit (null = all 1); NaN when undefined. */
    public double[] alphas(int[] weights, Level... levels) {
        int q = categories.length;
        double[] o = new double[q * q];
        for (int u = 0; u < cats.length; u++) {
            int w = weights == null ? 1 : weights[unitOf[u]];
            if (w == 0) {
                continue;
            }
            int[] c = cats[u];
            int[] n = counts[u];
            int m = 0;
            for (int x : n) {
                m += x;
            }
            double f = (double) w / (m - 1);
            for (int a = 0; a < c.length; a++) {
                for (int b = 0; b < c.length; b++) {
                    double pairs = a == b ? (double) n[a] * (n[a] - 1) : (double) n[a] * n[b];
                    o[c[a] * q + c[b]] += f * pairs;
                }
            }
        }
        double[] nc = new double[q];
        double n = 0;
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                nc[a] += o[a * q + b];
            }
            n += nc[a];
        }
        double[] out = new double[levels.length];
        for (int l = 0; l < levels.length; l++) {
            out[l] = alpha(o, nc, n, levels[l]);
        }
        return out;
    }

    public double alpha(Level level) {
        return alphas(null, level)[0];
    }

    private double alpha(double[] o, double[] nc, double n, Level level) {
        int q = categories.length;
        if (n <= 1) {
            return Double.NaN;
        }
        double[] cum = new double[q + 1];
        for (int a = 0; a < q; a++) {
            cum[a + 1] = cum[a] + nc[a];
        }
        double observed = 0;
        double expected = 0;
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                if (a == b) {
                    continue;
                }
                double d2 = switch (level) {
                    case NOMINAL -> 1;
                    case INTERVAL -> (categories[a] - categories[b]) * (categories[a] - categories[b]);
                    case ORDINAL -> {
                        int lo = Math.min(a, b);
                        int hi = Math.max(a, b);
                        double s = cum[hi + 1] - cum[lo] - (nc[a] + nc[b]) / 2;
                        yield s * s;
                    }
                };
                observed += o[a * q + b] * d2;
                expected += nc[a] * nc[b] * d2;
            }
        }
        if (expected == 0) {
            return Double.NaN;
        }
        return 1 - (n - 1) * observed / expected;
    }
}
