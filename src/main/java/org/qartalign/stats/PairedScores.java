package org.qartalign.stats;

/**
 * Paired numeric observations (an eval's aesthetic score and a human score) with Pearson's r, Spearman's rho
 * (Pearson on average ranks) and Kendall's tau-b: the one home of rank correlations for eval and alignment. Sort orders are prepared once; under bootstrap weights an
 * observation of weight w counts as w tied copies, so every figure equals the one computed on the resample.
 */
public final class PairedScores {
    private final double[] x;
    private final double[] y;
    private final int[] unitOf;
    private final int[] xOrder;
    private final int[] xGroups;
    private final int[] yOrder;
    private final int[] yGroups;
    /** Dense rank (0-based) of each y, for the Fenwick tree in Kendall's tau. */
    private final int[] yDense;
    private final int yDistinct;
    /** Indices by x ascending, ties in x broken by y ascending, and the x tie groups in that order. */
    private final int[] xyOrder;
    private final int[] xyGroups;

    public PairedScores(double[] x, double[] y, int[] unitOf) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("paired scores differ in length");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("paired score " + i + " is missing or not finite");
            }
        }
        this.x = x;
        this.y = y;
        this.unitOf = unitOf;
        xOrder = Ranks.orderAscending(x);
        xGroups = Ranks.groupStarts(x, xOrder);
        yOrder = Ranks.orderAscending(y);
        yGroups = Ranks.groupStarts(y, yOrder);
        yDense = new int[y.length];
        for (int g = 0; g < yGroups.length - 1; g++) {
            for (int k = yGroups[g]; k < yGroups[g + 1]; k++) {
                yDense[yOrder[k]] = g;
            }
        }
        yDistinct = Math.max(0, yGroups.length - 1);
        xyOrder = java.util.stream.IntStream.range(0, x.length).boxed()
                .sorted((a, b) -> x[a] != x[b] ? Double.compare(x[a], x[b]) : Double.compare(y[a], y[b]))
                .mapToInt(Integer::intValue).toArray();
        xyGroups = Ranks.groupStarts(x, xyOrder);
    }

    /** Spearman's rho of unweighted pairs, or NaN when either side is constant or there are fewer than two. */
    public static double spearman(double[] a, double[] b) {
        return new PairedScores(a, b, null).spearman(null);
    }

    /** Mean of |predicted - actual|. */
    public static double meanAbsoluteError(double[] predicted, double[] actual) {
        if (predicted.length != actual.length) {
            throw new IllegalArgumentException(predicted.length + " predictions against " + actual.length + " values");
        }
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(predicted[i] - actual[i]);
        }
        return s / actual.length;
    }

    public int size() {
        return x.length;
    }

    private double[] weights(int[] w) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = w == null ? 1 : w[unitOf == null ? i : unitOf[i]];
        }
        return out;
    }

    /** {n, Spearman, Kendall tau-b, Pearson}; each NaN when undefined (fewer than two points, constant input). */
    public double[] compute(int[] w) {
        double[] wt = weights(w);
        double n = 0;
        for (double v : wt) {
            n += v;
        }
        double pearson = pearson(x, y, wt);
        double[] rx = new double[x.length];
        double[] ry = new double[x.length];
        Ranks.averageRanks(xOrder, xGroups, wt, rx);
        Ranks.averageRanks(yOrder, yGroups, wt, ry);
        double spearman = pearson(rx, ry, wt);
        return new double[] {n, spearman, kendallTauB(wt), pearson};
    }

    /** Spearman's rho alone, skipping the costlier Kendall's tau. */
    public double spearman(int[] w) {
        double[] wt = weights(w);
        double[] rx = new double[x.length];
        double[] ry = new double[x.length];
        Ranks.averageRanks(xOrder, xGroups, wt, rx);
        Ranks.averageRanks(yOrder, yGroups, wt, ry);
        return pearson(rx, ry, wt);
    }

    static double pearson(double[] a, double[] b, double[] w) {
        double n = 0;
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < a.length; i++) {
            n += w[i];
            sa += w[i] * a[i];
            sb += w[i] * b[i];
        }
        if (n < 2) {
            return Double.NaN;
        }
        double ma = sa / n;
        double mb = sb / n;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            saa += w[i] * da * da;
            sbb += w[i] * db * db;
            sab += w[i] * da * db;
        }
        // Relative cut-off: a spread this small against the values' size is rounding, i.e. a constant input.
        double scaleA = Math.max(1e-300, ma * ma * n);
        double scaleB = Math.max(1e-300, mb * mb * n);
        if (saa <= 1e-24 * scaleA || sbb <= 1e-24 * scaleB || saa == 0 || sbb == 0) {
            return Double.NaN;
        }
        double r = sab / Math.sqrt(saa * sbb);
        return Math.max(-1, Math.min(1, r));
    }

    private double kendallTauB(double[] wt) {
        double[] tree = new double[yDistinct + 1];
        double seen = 0;
        double s = 0;
        double tiesX = 0;
        for (int g = 0; g < xyGroups.length - 1; g++) {
            double groupWeight = 0;
            for (int k = xyGroups[g]; k < xyGroups[g + 1]; k++) {
                int i = xyOrder[k];
                if (wt[i] == 0) {
                    continue;
                }
                double below = prefix(tree, yDense[i]);
                double atOrBelow = prefix(tree, yDense[i] + 1);
                double above = seen - atOrBelow;
                s += wt[i] * (below - above);
                groupWeight += wt[i];
            }
            for (int k = xyGroups[g]; k < xyGroups[g + 1]; k++) {
                int i = xyOrder[k];
                if (wt[i] != 0) {
                    add(tree, yDense[i] + 1, wt[i]);
                }
            }
            seen += groupWeight;
            tiesX += groupWeight * (groupWeight - 1) / 2;
        }
        double[] yWeight = new double[yDistinct];
        for (int i = 0; i < y.length; i++) {
            yWeight[yDense[i]] += wt[i];
        }
        double tiesY = 0;
        for (double v : yWeight) {
            tiesY += v * (v - 1) / 2;
        }
        double n0 = seen * (seen - 1) / 2;
        double d = (n0 - tiesX) * (n0 - tiesY);
        return d <= 0 ? Double.NaN : s / Math.sqrt(d);
    }

    /** Sum of tree entries for dense ranks below {@code end} (Fenwick tree, 1-based). */
    private static double prefix(double[] tree, int end) {
        double s = 0;
        for (int i = end; i > 0; i -= i & -i) {
            s += tree[i];
        }
        return s;
    }

    private static void add(double[] tree, int pos, double v) {
        for (int i = pos; i < tree.length; i += i & -i) {
            tree[i] += v;
        }
    }
}
