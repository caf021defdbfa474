package org.qartalign.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WilsonIntervalTest {
    /*
     * Expected values from SciPy (Debian python3-scipy, /usr/bin/python3):
     *   from scipy.stats import binomtest
     *   binomtest(k, n).proportion_ci(confidence_level=0.95, method='wilson')
     */
    @Test
    void matchesScipyWilsonInterval() {
        check(7, 21, 0.1719475260508348, 0.5462654802574476);
        check(0, 21, 0.0, 0.15463901892484694);
        check(21, 21, 0.8453609810751531, 1.0);
        check(1, 3, 0.06149194472039626, 0.7923403991979523);
        check(8, 10, 0.49016247153664183, 0.9433178485456247);
    }

    @Test
    void noTrialsHaveNoInterval() {
        assertNull(WilsonInterval.orNull(0, 0, 0.95));
    }

    @Test
    void weightedCountsAtOtherConfidences() {
        // binomtest cannot take fractional counts; the formula with z = scipy.stats.norm.ppf(0.95) = 1.6448536269514722:
        // p=2.5/7.5; c=(p+z*z/(2*n))/(1+z*z/n); h=z*sqrt(p*(1-p)/n+z*z/(4*n*n))/(1+z*z/n) -> c-h, c+h
        WilsonInterval ci = WilsonInterval.of(2.5, 7.5, 0.90);
        assertEquals(0.13081017113976318, ci.lower(), 1e-9);
        assertEquals(0.6242249221656533, ci.upper(), 1e-9);
    }

    @Test
    void refusesImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(3, 2, 0.95));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(0, 0, 0.95));
    }

    private static void check(int k, int n, double lo, double hi) {
        WilsonInterval ci = WilsonInterval.of(k, n, 0.95);
        assertEquals(lo, ci.lower(), 1e-9, k + "/" + n + " lower");
        assertEquals(hi, ci.upper(), 1e-9, k + "/" + n + " upper");
    }
}
