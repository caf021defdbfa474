package org.qartalign.stats;

import java.util.stream.IntStream;

/** Sort orders and tie groups, computed once and reused by every bootstrap replicate. */
public final class Ranks {
    private Ranks() {
    }

    /** Indices of {@code v} by ascending value (stable). */
    public static int[] orderAscending(double[] v) {
        int[] order = IntStream.range(0, v.length).toArray();
        mergeSort(order, new int[v.length], 0, v.length, v);
        return order;
    }

    /** A stable merge sort of indices by value, without boxing (sort orders are built for up to 10^5+ codes). */
    private static void mergeSort(int[] a, int[] tmp, int lo, int hi, double[] v) {
        if (hi - lo < 2) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid, v);
        mergeSort(a, tmp, mid, hi, v);
        if (Double.compare(v[a[mid - 1]], v[a[mid]]) <= 0) {
            return;
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || i < mid && Double.compare(v[tmp[i]], v[tmp[j]]) <= 0) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    /** Start positions in {@code order} of each run of equal values, plus a final entry = length. */
    public static int[] groupStarts(double[] v, int[] order) {
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
    public static void averageRanks(int[] order, int[] groupStart, double[] weight, double[] ranks) {
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
