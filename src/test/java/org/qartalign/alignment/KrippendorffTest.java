package org.qartalign.alignment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KrippendorffTest {
    private static final double N = Double.NaN;

    /**
     * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section E: 4 coders (A-D) x 12 units
     * with missing values; the paper states alpha nominal 0.743, ordinal 0.815, interval 0.849.
     */
    static double[][] paperUnits() {
        double[][] coders = {
            {1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N},
            {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3},
            {N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N},
            {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N},
        };
        double[][] units = new double[12][4];
        for (int u = 0; u < 12; u++) {
            for (int c = 0; c < 4; c++) {
                units[u][c] = coders[c][u];
            }
        }
        return units;
    }

    @Test
    void matchesThePublishedExample() {
        Krippendorff k = new Krippendorff(paperUnits(), null);
        assertEquals(11, k.pairableUnits(), "unit 12 has a single value and is not pairable");
        assertEquals(0.743, k.alpha(Krippendorff.Level.NOMINAL), 0.0005);
        assertEquals(0.815, k.alpha(Krippendorff.Level.ORDINAL), 0.0005);
        assertEquals(0.849, k.alpha(Krippendorff.Level.INTERVAL), 0.0005);
    }

    @Test
    void weightsEqualReplicatedUnits() {
        double[][] units = paperUnits();
        int[] w = {2, 0, 1, 1, 3, 1, 0, 1, 2, 1, 1, 0};
        int total = 0;
        for (int x : w) {
            total += x;
        }
        double[][] replicated = new double[total][];
        int j = 0;
        for (int u = 0; u < units.length; u++) {
            for (int r = 0; r < w[u]; r++) {
                replicated[j++] = units[u];
            }
        }
        Krippendorff weighted = new Krippendorff(units, null);
        Krippendorff plain = new Krippendorff(replicated, null);
        for (Krippendorff.Level level : Krippendorff.Level.values()) {
            assertEquals(plain.alpha(level), weighted.alphas(w, level)[0], 1e-12, level.name());
        }
    }

    @Test
    void undefinedWhenEveryoneGivesOneValueOrNoUnitIsPairable() {
        assertTrue(Double.isNaN(new Krippendorff(new double[][] {{1, 1}, {1, 1, 1}}, null)
                .alpha(Krippendorff.Level.NOMINAL)), "a single category leaves expected disagreement 0");
        assertTrue(Double.isNaN(new Krippendorff(new double[][] {{1, N}, {2}}, null)
                .alpha(Krippendorff.Level.INTERVAL)), "no unit with two values");
    }

    @Test
    void perfectAgreementIsOne() {
        Krippendorff k = new Krippendorff(new double[][] {{1, 1}, {2, 2, 2}, {5, N, 5}}, null);
        assertEquals(1.0, k.alpha(Krippendorff.Level.ORDINAL), 1e-12);
    }
}
