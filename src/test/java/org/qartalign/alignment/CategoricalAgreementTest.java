package org.qartalign.alignment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CategoricalAgreementTest {
    /**
     * Wikipedia, "Fleiss' kappa", worked example (10 subjects, 14 raters, 5 categories): P-bar = 0.378,
     * P-bar_e = 0.213, kappa = 0.210.
     */
    @Test
    void fleissWikipediaExample() {
        int[][] counts = {
            {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
        };
        double[] r = new CategoricalAgreement(counts, 5, null).compute(null);
        assertEquals(0.378, r[0], 0.0005);
        assertEquals(0.210, r[1], 0.0005);
    }

    /**
     * Published example with missing ratings (1, 2, 3 or 4 raters per unit, 5 categories): irrCAC's dataset
     * {@code cac.raw4raters} from Gwet (2014), whose README prints {@code fleiss.kappa.raw} = 0.76117
     * (pa 0.8181818, pe 0.2387153) and {@code gwet.ac1.raw} = 0.77544 (pe 0.1903212). Unit 12 has one rating: it
     * counts in pi_k but not in p_a.
     */
    @Test
    void mixedRatersMatchIrrCacPublishedExample() {
        int[][] ratings = {{1, 1, 0, 1}, {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3}, {2, 2, 2, 2}, {1, 2, 3, 4},
            {4, 4, 4, 4}, {1, 1, 2, 1}, {2, 2, 2, 2}, {0, 5, 5, 5}, {0, 0, 1, 1}, {0, 0, 3, 0}};
        int[][] counts = new int[ratings.length][5];
        for (int i = 0; i < ratings.length; i++) {
            for (int v : ratings[i]) {
                if (v > 0) {
                    counts[i][v - 1]++;
                }
            }
        }
        CategoricalAgreement a = new CategoricalAgreement(counts, 5, null);
        assertEquals(11, a.pairableUnits());
        double[] r = a.compute(null);
        assertEquals(0.8181818, r[0], 5e-8);
        assertEquals(0.76117, r[1], 5e-6);
        assertEquals(0.77544, r[2], 5e-6);
        // The same with src/test/python/irrcac.py (irrCAC's formulas, line by line) to full precision.
        assertEquals(0.7611692754224112, r[1], 1e-12);
        assertEquals(0.775444068126995, r[2], 1e-12);
    }

    /**
     * Mixed 1/2/3 scan ratings per code, computed by {@code src/test/python/irrcac.py} (irrCAC's
     * fleiss.kappa.raw / gwet.ac1.raw formulas, /usr/bin/python3):
     * <pre>
     * [1,1,1] [1,0,-] [0,-,-] [1,1,0] [0,0,-] [1,-,-] [0,0,0] [1,1,-] [0,1,1] [-,1,-] [1,0,0] [0,0,-]
     * -> pa 0.6666666666666666 fleiss 0.3328185328185329 ac1 0.3338473400154201
     * </pre>
     * Leaving the three single-rating codes out of pi_k, as this class once did, gives other values.
     */
    @Test
    void mixedOneTwoThreeRatersMatchTheIrrCacFormulas() {
        int[][] counts = {{0, 3}, {1, 1}, {1, 0}, {1, 2}, {2, 0}, {0, 1}, {3, 0}, {0, 2}, {1, 2}, {0, 1}, {2, 1}, {2, 0}};
        CategoricalAgreement a = new CategoricalAgreement(counts, 2, null);
        assertEquals(9, a.pairableUnits());
        double[] r = a.compute(null);
        assertEquals(0.6666666666666666, r[0], 1e-12);
        assertEquals(0.3328185328185329, r[1], 1e-12);
        assertEquals(0.3338473400154201, r[2], 1e-12);
    }

    /** Same formulas (irrcac.py), 2 to 4 raters and one unit with a single rating: {1, 0} counts in pi_k only. */
    @Test
    void varyingRatersAgainstGwetFormulas() {
        int[][] counts = {{0, 3}, {0, 2}, {1, 2}, {0, 4}, {1, 1}, {0, 3}, {2, 1}, {0, 2}, {1, 0}};
        CategoricalAgreement a = new CategoricalAgreement(counts, 2, null);
        assertEquals(8, a.pairableUnits());
        double[] r = a.compute(null);
        assertEquals(0.7083333333333333, r[0], 1e-12);
        assertEquals(0.2730769230769231, r[1], 1e-12);
        assertEquals(0.5128865979381441, r[2], 1e-12);
    }

    @Test
    void bootstrapWeightsCountAUnitAsCopies() {
        int[][] counts = {{0, 3}, {1, 1}, {1, 0}, {2, 1}};
        int[][] copied = {{0, 3}, {1, 1}, {1, 1}, {1, 0}, {1, 0}, {1, 0}, {2, 1}};
        double[] weighted = new CategoricalAgreement(counts, 2, null).compute(new int[] {1, 2, 3, 1});
        double[] expanded = new CategoricalAgreement(copied, 2, null).compute(null);
        for (int k = 0; k < 3; k++) {
            assertEquals(expanded[k], weighted[k], 1e-12);
        }
    }

    @Test
    void oneCategoryLeavesKappaUndefinedButNotAc1() {
        double[] r = new CategoricalAgreement(new int[][] {{0, 2}, {0, 3}}, 2, null).compute(null);
        assertEquals(1.0, r[0]);
        assertTrue(Double.isNaN(r[1]), "Fleiss' kappa is 0/0 when every rating is the same category");
        assertEquals(1.0, r[2], 1e-12);
        assertTrue(Double.isNaN(new CategoricalAgreement(new int[][] {{1, 0}}, 2, null).compute(null)[0]));
    }
}
