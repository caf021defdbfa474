package org.qartalign.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NormalTest {
    /**
     * Expected values from scipy.stats.norm (Debian python3-scipy, /usr/bin/python3):
     * norm.ppf(p) for p in (0.975, 0.95, 0.995, 0.025, 0.9999, 0.001); norm.cdf(1.0), norm.cdf(-2.5).
     */
    @Test
    void quantilesMatchScipyToDoublePrecisionAlmost() {
        assertEquals(1.959963984540054, Normal.quantile(0.975), 1e-13);
        assertEquals(1.6448536269514722, Normal.quantile(0.95), 1e-13);
        assertEquals(2.5758293035489004, Normal.quantile(0.995), 1e-12);
        assertEquals(-1.9599639845400545, Normal.quantile(0.025), 1e-13);
        assertEquals(3.719016485455709, Normal.quantile(0.9999), 1e-11);
        assertEquals(-3.090232306167813, Normal.quantile(0.001), 1e-12);
        assertEquals(0.0, Normal.quantile(0.5), 1e-15);
    }

    @Test
    void cdfMatchesScipy() {
        assertEquals(0.8413447460685429, Normal.cdf(1.0), 1e-15);
        assertEquals(0.006209665325776132, Normal.cdf(-2.5), 1e-15);
    }
}
