package org.qartalign.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WilsonIntervalTest {
    /*
     * Expected values from SciPy 1.17 (Debian python3-scipy):
     *   from scipy.stats import binomtest
     *   binomtest(k, n).proportion_ci(confidence_level=0.95, method='wilson')
     */
    @Test
    void matchesScipyWilsonInterval() {
        check(7, 21, 0.1719475260508348, 0.5462654802574476);
        check(0, 21, 0.0, 0.15463901892484694);
        check(21, 21, 0.8453609810751531, 1.0);
        check(1, 3, 0.06149194472039626, 0.7923403991979523);
    }

    @Test
    void refusesImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(3, 2, WilsonInterval.Z95));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(0, 0, WilsonInterval.Z95));
    }

    private static void check(int k, int n, double lo, double hi) {
        WilsonInterval ci = WilsonInterval.of(k, n, WilsonInterval.Z95);
        assertEquals(lo, ci.lower(), 1e-9, k + "/" + n + " lower");
        assertEquals(hi, ci.upper(), 1e-9, k + "/" + n + " upper");
    }
}
