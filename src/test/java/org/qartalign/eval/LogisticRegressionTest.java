package org.qartalign.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The learned-scan model and its validation figures against scikit-learn 1.2.1 (Debian's python3-sklearn), computed
 * with {@code /usr/bin/python3} by the script quoted in each test.
 */
class LogisticRegressionTest {
    static final int[] Y = {0, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1};

    static double[][] rows() {
        double[][] x = new double[20][];
        for (int i = 0; i < 20; i++) {
            x[i] = new double[] {i / 19.0, Math.sin(i), (i * 7) % 5};
        }
        return x;
    }

    /**
     * <pre>
     * X = [[i/19, sin(i), (i*7) % 5] for i in range(20)]; Z = StandardScaler().fit_transform(X)
     * m = LogisticRegression(C=0.5, solver="newton-cholesky", tol=1e-14, max_iter=100000).fit(Z, y)
     * m.intercept_ = 0.458069995777, m.coef_ = [0.719818297398, 0.234321733692, -0.192418238734]
     * m.predict_proba(Z)[[0, 7, 19], 1] = [0.38765761348, 0.524035883034, 0.825997173177]
     * </pre>
     * (the default lbfgs solver stops 2e-6 short of the optimum: intercept 0.45806824724; newton-cg agrees with
     * newton-cholesky to 1e-10)
     */
    @Test
    void standardisedL2FitMatchesScikitLearnsLogisticRegressionWithTheSameC() {
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            y[i] = Y[i];
        }
        ScanModel m = ScanModel.fit(List.of("a", "b", "c"), new int[0], rows(), y, 1 / 0.5);
        assertEquals(0.458069995777, m.intercept(), 1e-10);
        assertArrayEquals(new double[] {0.719818297398, 0.234321733692, -0.192418238734}, m.coefficients(), 1e-10);
        double[][] x = rows();
        assertEquals(0.38765761348, m.probability(x[0]), 1e-10);
        assertEquals(0.524035883034, m.probability(x[7]), 1e-10);
        assertEquals(0.825997173177, m.probability(x[19]), 1e-10);
    }

    @Test
    void aFractionalTargetIsTheSameAsOneWeightedRowPerAnswer() {
        double[][] x = {{0.0}, {1.0}, {2.0}, {3.0}};
        double[] y = {0, 2 / 3.0, 1 / 3.0, 1};
        LogisticRegression.Fit soft = LogisticRegression.fit(x, y, null, 0.7);
        double[][] rows = {{0.0}, {1.0}, {1.0}, {1.0}, {2.0}, {2.0}, {2.0}, {3.0}};
        double[] answers = {0, 1, 1, 0, 1, 0, 0, 1};
        double[] w = {1, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1};
        LogisticRegression.Fit split = LogisticRegression.fit(rows, answers, w, 0.7);
        assertEquals(split.intercept(), soft.intercept(), 1e-10);
        assertEquals(split.coefficients()[0], soft.coefficients()[0], 1e-10);
    }

    @Test
    void aMissingValueIsImputedWithTheTrainingMeanAndFlagged() {
        double[][] x = {{1, 5, 0}, {Double.NaN, 6, Double.NaN}, {3, 7, 1}, {4, Double.NaN, 2}, {Double.NaN, 9, Double.NaN},
                {6, 1, 3}};
        double[] y = {0, 1, 0, 1, 1, 0};
        int[] indicators = ScanModel.indicatorsFor(3, List.of(x));
        assertArrayEquals(new int[] {0, 1}, indicators, "c is missing where a is: one indicator for both");
        ScanModel m = ScanModel.fit(List.of("a", "b", "c"), indicators, x, y, 1);
        assertEquals((1 + 3 + 4 + 6) / 4.0, m.impute()[0], 1e-12);
        assertEquals((5 + 6 + 7 + 9 + 1) / 5.0, m.impute()[1], 1e-12);
        assertEquals(List.of("a", "b", "c", "a missing", "b missing"), m.inputNames());
        assertEquals(2 / 6.0, m.mean()[3], 1e-12, "share of rows with a missing");
        assertTrue(m.coefficients()[3] > 0, "missing a goes with y = 1 in both rows");
    }

    /**
     * <pre>
     * p = [0.1,0.4,0.35,0.8,0.7,0.2,0.9,0.6,0.55,0.3,0.65,0.4]; y = [0,0,1,1,1,0,1,0,1,0,1,1]
     * roc_auc_score(y, p) = 0.8714285714285714; brier_score_loss(y, p) = 0.15895833333333334
     * LogisticRegression(penalty=None, solver="newton-cg", tol=1e-14).fit(log(p/(1-p)), y): intercept 0.651482880202,
     *   coef 1.913306404591 (lbfgs stops at 1.913308)
     * Hanley-McNeil: q1 = A/(2-A), q2 = 2A^2/(1+A), se = sqrt((A(1-A) + (n1-1)(q1-A^2) + (n2-1)(q2-A^2)) / (n1 n2)),
     *   A - 1.96 se = 0.6626047096964585 (A + 1.96 se = 1.08 is clipped to 1)
     * </pre>
     */
    @Test
    void aucBrierAndCalibrationMatchScikitLearn() {
        double[] p = {0.1, 0.4, 0.35, 0.8, 0.7, 0.2, 0.9, 0.6, 0.55, 0.3, 0.65, 0.4};
        int[] yi = {0, 0, 1, 1, 1, 0, 1, 0, 1, 0, 1, 1};
        boolean[] y = new boolean[yi.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = yi[i] == 1;
        }
        ScanValidation.Figures f = ScanValidation.of(p, y);
        assertEquals(0.8714285714285714, f.auc().value(), 1e-12);
        assertEquals(0.6626047096964585, f.auc().low(), 1e-9);
        assertEquals(1.0, f.auc().high(), 0.0);
        assertEquals(0.15895833333333334, f.brier().value(), 1e-12);
        assertEquals(0.651482880202, f.calibrationIntercept(), 1e-8);
        assertEquals(1.913306404591, f.calibrationSlope(), 1e-8);
        assertEquals(12, f.calibration().stream().mapToInt(ScanValidation.Bin::codes).sum());
        ScanValidation.Bin forties = f.calibration().stream().filter(b -> b.from() == 0.4).findFirst().orElseThrow();
        assertEquals(2, forties.codes(), "0.4 and 0.4 fall in [0.4, 0.5)");
        assertEquals(0.5, forties.observed(), 0.0);
    }
}
