package org.qartalign.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankCorrelationTest {
    /**
     * Expected values from scipy 1.10.1 (Debian python3-scipy):
     * <pre>
     * from scipy.stats import spearmanr
     * spearmanr([3,1,4,1,5,9,2,6,5,3], [2.7,1.8,2.8,1.8,2.8,4.5,9.0,4.5,2.3,5.3]).correlation  # 0.36728395061728397
     * spearmanr([1,2,3,4,5], [5,6,7,8,7]).correlation                                          # 0.8207826816681233
     * </pre>
     */
    @Test
    void spearmanWithTiesMatchesScipy() {
        assertEquals(0.36728395061728397, PairedScores.spearman(new double[] {3, 1, 4, 1, 5, 9, 2, 6, 5, 3},
                new double[] {2.7, 1.8, 2.8, 1.8, 2.8, 4.5, 9.0, 4.5, 2.3, 5.3}), 1e-12);
        assertEquals(0.8207826816681233, PairedScores.spearman(new double[] {1, 2, 3, 4, 5},
                new double[] {5, 6, 7, 8, 7}), 1e-12);
    }

    @Test
    void aConstantSideHasNoCorrelation() {
        assertTrue(Double.isNaN(PairedScores.spearman(new double[] {1, 2, 3}, new double[] {4, 4, 4})));
    }

    @Test
    void meanAbsoluteErrorAveragesTheGaps() {
        assertEquals(1.0, PairedScores.meanAbsoluteError(new double[] {1, 3, 5}, new double[] {2, 2, 6}), 1e-12);
    }
}
