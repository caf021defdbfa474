package org.qartalign.stats;

/** The Mann-Whitney ROC AUC, unweighted: the chance a positive outscores a negative, ties counting half. */
public final class Auc {
    private Auc() {
    }

    /** NaN when either class is empty. Sums of half-integers, so exact up to 2^52 pairs. */
    public static double of(double[] score, boolean[] positive) {
        int[] order = Ranks.orderAscending(score);
        int[] groups = Ranks.groupStarts(score, order);
        double negBelow = 0;
        double sum = 0;
        double pos = 0;
        for (int g = 0; g < groups.length - 1; g++) {
            double p = 0;
            double n = 0;
            for (int k = groups[g]; k < groups[g + 1]; k++) {
                if (positive[order[k]]) {
                    p++;
                } else {
                    n++;
                }
            }
            sum += p * (negBelow + 0.5 * n);
            negBelow += n;
            pos += p;
        }
        return pos == 0 || negBelow == 0 ? Double.NaN : sum / (pos * negBelow);
    }
}
