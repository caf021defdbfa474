package org.qartalign.alignment;

import java.util.stream.IntStream;

/** Sort orders and tie groups, computed once and reused by every bootstrap replicate. */
final class Ranks {
    private Ranks() {
    }

    /** Indices of {@code v} by ascending value (stable). */
    static int[] orderAscending(double[] v) {
        return IntStream.range(0, v.length).boxed()
                .sorted((a, b) -> Double.compare(v[a], v[b]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Start positions in {@code order} of each run of equal values, plus a final entry = length. */
    static int[] groupStarts(double[] v, int[] order) {
        int[] tmp = new int[order.length + 1];
        int g = 0;
        for (int k = 0; k < order.length; k++) {
            if (k == 0 || v[order[k]] != v[order[k - 1]]) {
                tmp[g++] = k;
            }
        }
        tmp[g++] = order.length;
        return java.util.Arrays.copyOf(tmp, g);
    }

    /** Average ranks (1-based) of weighted observations, written into {@code ranks}: ties share their mean rank. */
    static void averageRanks(int[] order, int[] groupStart, double[] weight, double[] ranks) {
        double before = 0;
        for (int g = 0; g < groupStart.length - 1; g++) {
            double w = 0;
            for (int k = groupStart[g]; k < groupStart[g + 1]; k++) {
                w += weight[order[k]];
            }
            double r = before + (w + 1) / 2;
            for (int k = groupStart[g]; k < groupStart[g + 1]; k++) {
                ranks[order[k]] = r;
            }
            before += w;
        }
    }
}
