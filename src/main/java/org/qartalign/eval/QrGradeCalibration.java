package org.qartalign.eval;

/**
 * The default map from a grade's continuous score (0..4) to a scan probability: a logistic curve fixed in advance
 * from what the grades mean, not fitted to any labels (docs/README-scan-eval.md, "qr-grade's calibration").
 * The reference decoder reads every symbol graded D (score 1) or better, and phones read more than a verifier's
 * reference decoder; so the midpoint sits inside the F band, at score 0.6, and a D gets about 0.8. The slope
 * (4 per grade) keeps the curve from claiming certainty: probabilities stay within [0.03, 0.97], because a grade
 * measured on a file is not a phone.
 */
public final class QrGradeCalibration {
    public static final double MIDPOINT = 0.6;
    public static final double SLOPE = 4.0;
    public static final double FLOOR = 0.03;
    public static final double CEILING = 0.97;

    private QrGradeCalibration() {
    }

    public static double scanProbability(double score) {
        double p = 1 / (1 + Math.exp(-SLOPE * (score - MIDPOINT)));
        return Math.max(FLOOR, Math.min(CEILING, p));
    }
}
