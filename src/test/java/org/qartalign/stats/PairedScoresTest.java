package org.qartalign.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedScoresTest {
    static final double[] X = {3.2, 1.5, 4.0, 4.0, 2.2, 5.0, 1.5, 3.3, 2.9, 4.4};
    static final double[] H = {3, 2, 4, 5, 2, 4, 1, 3, 3, 5};

    /**
     * Reference: scipy 1.10.1 (Debian python3-scipy), ties in both inputs:
     * <pre>
     * spearmanr(x,h).correlation = 0.9128833351182057
     * kendalltau(x,h).correlation = 0.8058373793340822   (tau-b)
     * pearsonr(x,h)[0] = 0.8973438897068842
     * </pre>
     */
    @Test
    void matchesScipyWithTies() {
        double[] r = new PairedScores(X, H, null).compute(null);
        assertEquals(10, r[0]);
        assertEquals(0.9128833351182057, r[1], 1e-12);
        assertEquals(0.8058373793340822, r[2], 1e-12);
        assertEquals(0.8973438897068842, r[3], 1e-12);
    }

    /**
     * Bootstrap weights equal the resample itself:
     * <pre>
     * idx=[0,0,1,3,3,3,5,6,8,9,9]; xs=[x[i] for i in idx]; hs=[h[i] for i in idx]
     * spearmanr = 0.807543836582448  kendalltau = 0.6833434069749785  pearsonr = 0.8835279263840136
     * </pre>
     */
    @Test
    void weightsMatchScipyOnTheResample() {
        int[] w = {2, 1, 0, 3, 0, 1, 1, 0, 1, 2};
        double[] r = new PairedScores(X, H, null).compute(w);
        assertEquals(11, r[0]);
        assertEquals(0.807543836582448, r[1], 1e-12);
        assertEquals(0.6833434069749785, r[2], 1e-12);
        assertEquals(0.8835279263840136, r[3], 1e-12);
    }

    /** scipy returns nan (ConstantInputWarning) for spearmanr/kendalltau([1,2,3],[2,2,2]). */
    @Test
    void constantInputIsUndefined() {
        double[] r = new PairedScores(new double[] {1, 2, 3}, new double[] {2, 2, 2}, null).compute(null);
        assertTrue(Double.isNaN(r[1]) && Double.isNaN(r[2]) && Double.isNaN(r[3]));
        double[] one = new PairedScores(new double[] {1}, new double[] {2}, null).compute(null);
        assertTrue(Double.isNaN(one[1]) && Double.isNaN(one[2]) && Double.isNaN(one[3]));
    }
}
