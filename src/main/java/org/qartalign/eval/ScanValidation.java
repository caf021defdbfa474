package org.qartalign.eval;

import org.qartalign.stats.Normal;
import org.qartalign.stats.WilsonInterval;

import java.util.ArrayList;
import java.util.List;

/**
 * How well probabilities predict binary outcomes: ROC AUC with the Hanley-McNeil (1982) 95% interval, Brier score
 * with a normal 95% interval, and calibration (ten equal-width bins with Wilson intervals, plus the calibration
 * intercept and slope of Cox (1958): a logistic regression of the outcome on logit(p); slope 1 and intercept 0 is
 * calibrated, a slope below 1 means overconfident).
 */
public final class ScanValidation {
    static final int BINS = 10;
    private static final double Z95 = Normal.quantile(0.975);

    public record Interval(double value, double low, double high) {
    }

    /** One calibration bin: predicted probabilities in [from, to). */
    public record Bin(double from, double to, int codes, double meanPredicted, double observed, double observedLow,
                      double observedHigh) {
    }

    public record Figures(int codes, int positives, Interval auc, Interval brier, List<Bin> calibration,
                          double calibrationIntercept, double calibrationSlope, double expectedCalibrationError) {
    }

    private ScanValidation() {
    }

    public static Figures of(double[] p, boolean[] y) {
        int pos = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        double[][] logit = new double[p.length][1];
        double[] t = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - 1e-6, Math.max(1e-6, p[i]));
            logit[i][0] = Math.log(q / (1 - q));
            t[i] = y[i] ? 1 : 0;
        }
        LogisticRegression.Fit cal = LogisticRegression.fit(logit, t, null, 0);
        List<Bin> bins = calibration(p, y);
        double ece = 0;
        for (Bin b : bins) {
            ece += b.codes() * Math.abs(b.meanPredicted() - b.observed()) / p.length;
        }
        return new Figures(p.length, pos, aucInterval(p, y), brier(p, y), bins, cal.intercept(),
                cal.coefficients()[0], ece);
    }

    /** The Mann-Whitney ROC AUC, ties counted one half. */
    public static double auc(double[] p, boolean[] y) {
        return org.qartalign.stats.Auc.of(p, y);
    }

    /** AUC with the Hanley-McNeil standard error, 95% normal interval clipped to [0, 1]. */
    static Interval aucInterval(double[] p, boolean[] y) {
        double a = auc(p, y);
        long n1 = 0;
        for (boolean b : y) {
            n1 += b ? 1 : 0;
        }
        long n2 = y.length - n1;
        if (Double.isNaN(a)) {
            return new Interval(a, Double.NaN, Double.NaN);
        }
        double q1 = a / (2 - a);
        double q2 = 2 * a * a / (1 + a);
        double se = Math.sqrt((a * (1 - a) + (n1 - 1) * (q1 - a * a) + (n2 - 1) * (q2 - a * a)) / (n1 * (double) n2));
        return new Interval(a, Math.max(0, a - Z95 * se), Math.min(1, a + Z95 * se));
    }

    static Interval brier(double[] p, boolean[] y) {
        int n = p.length;
        double[] e = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double d = p[i] - (y[i] ? 1 : 0);
            e[i] = d * d;
            mean += e[i] / n;
        }
        double var = 0;
        for (double v : e) {
            var += (v - mean) * (v - mean) / Math.max(1, n - 1);
        }
        double half = Z95 * Math.sqrt(var / n);
        return new Interval(mean, Math.max(0, mean - half), mean + half);
    }

    static List<Bin> calibration(double[] p, boolean[] y) {
        int[] count = new int[BINS];
        int[] yes = new int[BINS];
        double[] sum = new double[BINS];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(BINS - 1, (int) Math.floor(p[i] * BINS));
            count[b]++;
            yes[b] += y[i] ? 1 : 0;
            sum[b] += p[i];
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                WilsonInterval w = WilsonInterval.of(yes[b], count[b], 0.95);
                out.add(new Bin(b / (double) BINS, (b + 1) / (double) BINS, count[b], sum[b] / count[b],
                        yes[b] / (double) count[b], w.lower(), w.upper()));
            }
        }
        return out;
    }
}
