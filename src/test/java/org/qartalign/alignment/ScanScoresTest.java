package org.qartalign.alignment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanScoresTest {
    static final boolean[] Y = {true, true, false, true, false, false, true, true, false, true, true, false};
    static final double[] P = {0.9, 0.8, 0.8, 0.6, 0.55, 0.3, 0.5, 0.7, 0.1, 0.5, 0.2, 0.5};

    /**
     * Reference: sklearn 1.2.1 (Debian python3-sklearn), threshold 0.5 with ties in the probabilities:
     * <pre>
     * y = [1,1,0,1,0,0,1,1,0,1,1,0]; p = [0.9,0.8,0.8,0.6,0.55,0.3,0.5,0.7,0.1,0.5,0.2,0.5]
     * pred = [1 if q>=0.5 else 0 for q in p]
     * cohen_kappa_score(y,pred)=0.2727272727272727  matthews_corrcoef(y,pred)=0.29277002188455997
     * roc_auc_score(y,p)=0.6714285714285714  brier_score_loss(y,p)=0.22770833333333337
     * accuracy 0.6666666666666666 precision 0.6666666666666666 recall 0.8571428571428571 f1 0.75
     * ECE (10 equal-width bins, numpy by hand) = 0.2208333333333333
     * </pre>
     */
    @Test
    void matchesSklearn() {
        ScanScores s = new ScanScores(P, Y, null);
        Confusion c = s.confusion(null, 0.5);
        assertEquals(0.2727272727272727, c.cohenKappa(), 1e-12);
        assertEquals(0.29277002188455997, c.mcc(), 1e-12);
        assertEquals(0.6666666666666666, c.accuracy(), 1e-12);
        assertEquals(0.6666666666666666, c.precision(), 1e-12);
        assertEquals(0.8571428571428571, c.recall(), 1e-12);
        assertEquals(0.75, c.f1(), 1e-12);
        assertEquals(0.6714285714285714, s.rocAuc(null), 1e-12);
        assertEquals(0.22770833333333337, s.brier(null), 1e-12);
        assertEquals(0.2208333333333333, ScanScores.ece(s.calibrationSums(null)), 1e-12);
    }

    /** Wikipedia, "Cohen's kappa": 50 proposals, yes/yes 20, no/no 15, A yes B no 5, A no B yes 10: kappa 0.4. */
    @Test
    void wikipediaKappaExamples() {
        assertEquals(0.4, new Confusion(20, 5, 15, 10).cohenKappa(), 1e-12);
        // The "same agreement, different kappa" pair from the same article: 0.1304 and 0.2593.
        assertEquals(0.1304, new Confusion(45, 15, 15, 25).cohenKappa(), 0.00005);
        assertEquals(0.2593, new Confusion(25, 35, 35, 5).cohenKappa(), 0.00005);
    }

    @Test
    void singleClassLeavesKappaMccAndAucUndefined() {
        ScanScores s = new ScanScores(new double[] {0.2, 0.9, 0.6}, new boolean[] {true, true, true}, null);
        assertTrue(Double.isNaN(s.rocAuc(null)));
        Confusion c = s.confusion(null, 0.5);
        assertTrue(Double.isNaN(c.mcc()));
        assertTrue(Double.isNaN(c.specificity()));
        assertEquals(2.0 / 3, c.recall(), 1e-12);
        assertTrue(Double.isNaN(new Confusion(0, 0, 0, 0).accuracy()));
    }

    @Test
    void weightsEqualReplicatedObservations() {
        int[] w = {3, 0, 1, 2, 0, 1, 1, 0, 2, 1, 0, 1};
        int n = 0;
        for (int x : w) {
            n += x;
        }
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        int j = 0;
        for (int i = 0; i < w.length; i++) {
            for (int r = 0; r < w[i]; r++) {
                p[j] = P[i];
                y[j++] = Y[i];
            }
        }
        ScanScores weighted = new ScanScores(P, Y, null);
        ScanScores plain = new ScanScores(p, y, null);
        assertEquals(plain.rocAuc(null), weighted.rocAuc(w), 1e-12);
        assertEquals(plain.brier(null), weighted.brier(w), 1e-12);
        assertEquals(plain.confusion(null, 0.5), weighted.confusion(w, 0.5));
        assertEquals(ScanScores.ece(plain.calibrationSums(null)), ScanScores.ece(weighted.calibrationSums(w)), 1e-12);
    }

    @Test
    void confusionAtAnyThresholdMatchesAFullPass() {
        ScanScores s = new ScanScores(P, Y, null);
        for (double t : new double[] {0, 0.05, 0.1, 0.3, 0.5, 0.55, 0.56, 0.8, 0.9, 0.95, 1}) {
            assertEquals(s.confusion(null, t), s.confusionAt(t), "threshold " + t);
        }
    }

    @Test
    void rocCurveRunsFromOriginToOneOne() {
        var curve = new ScanScores(P, Y, null).rocCurve(100);
        assertEquals(0.0, curve.get(0).tpr());
        assertEquals(1.0, curve.get(curve.size() - 1).tpr());
        assertEquals(1.0, curve.get(curve.size() - 1).fpr());
    }
}
