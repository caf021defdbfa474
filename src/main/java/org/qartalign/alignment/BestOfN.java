package org.qartalign.alignment;

/**
 * Exact expectations over all N-subsets of a pair's candidate codes, in closed form so that no subset is
 * enumerated: the pick is the best-ranked candidate present, ties among equally ranked candidates broken at
 * random (by symmetry the expected truth of a tied pick is the mean truth of its tie group).
 */
public final class BestOfN {
    private BestOfN() {
    }

    /** C(a, n) / C(m, n): the chance that a uniformly random n-subset of m items avoids m - a given items. */
    static double avoidChance(int a, int n, int m) {
        if (a < n) {
            return 0;
        }
        double r = 1;
        for (int i = 0; i < n; i++) {
            r *= (double) (a - i) / (m - i);
        }
        return r;
    }

    /**
     * Expected truth of the pick.
     *
     * @param groups the truth values (1 scans, 0 not) of each tie group of candidates, best group first
     */
    public static double evalPick(double[][] groups, int n) {
        int m = 0;
        for (double[] g : groups) {
            m += g.length;
        }
        if (n < 1 || n > m) {
            throw new IllegalArgumentException("N = " + n + " must be between 1 and " + m);
        }
        double e = 0;
        int better = 0;
        for (double[] g : groups) {
            double mean = 0;
            for (double v : g) {
                mean += v;
            }
            mean /= g.length;
            double chance = avoidChance(m - better, n, m) - avoidChance(m - better - g.length, n, m);
            e += chance * mean;
            better += g.length;
        }
        return e;
    }

    /** Chance that a random N-subset holds at least one scanning code: the oracle's pick. */
    public static double oracle(int m, int positives, int n) {
        return 1 - avoidChance(m - positives, n, m);
    }
}
