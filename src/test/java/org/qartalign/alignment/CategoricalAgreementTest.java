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
     * Varying raters per unit (2 to 4), binary; reference from Gwet (2014) eqs. for generalised Fleiss and AC1:
     * <pre>
     * r = np.array([[0,3],[0,2],[1,2],[0,4],[1,1],[0,3],[2,1],[0,2]])
     * ri = r.sum(1); pa = np.mean((r*(r-1)).sum(1)/(ri*(ri-1))); pi = (r/ri[:,None]).mean(0)
     * pe_f = (pi**2).sum(); pe_g = (pi*(1-pi)).sum()/(2-1)
     * -> pa 0.7083333333333333 fleiss 0.04273504273504319 ac1 0.5805243445692883
     * </pre>
     * A unit with one rating is left out.
     */
    @Test
    void varyingRatersAgainstGwetFormulas() {
        int[][] counts = {{0, 3}, {0, 2}, {1, 2}, {0, 4}, {1, 1}, {0, 3}, {2, 1}, {0, 2}, {1, 0}};
        CategoricalAgreement a = new CategoricalAgreement(counts, 2, null);
        assertEquals(8, a.pairableUnits());
        double[] r = a.compute(null);
        assertEquals(0.7083333333333333, r[0], 1e-12);
        assertEquals(0.04273504273504319, r[1], 1e-12);
        assertEquals(0.5805243445692883, r[2], 1e-12);
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
