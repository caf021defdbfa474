package org.qartalign.alignment;

import org.qartalign.stats.Ranks;
import java.util.ArrayList;
import java.util.List;

/**
 * An evaluator's scan probabilities against human truth (1 = scans, 0 = does not) for a set of observations,
 * sorted once so that the confusion matrix at any threshold, ROC AUC (ties count half), the Brier score and the
 * expected calibration error all cost one pass under bootstrap weights.
 */
public final class ScanScores {
    public static final int BINS = 10;

    private final double[] prob;
    private final boolean[] truth;
    private final int[] unitOf;
    /** Observation indices by ascending probability, and where each run of equal probabilities starts. */
    private final int[] order;
    private final int[] groupStart;
    /** Distinct probabilities ascending; positives and negatives with probability >= groupProb[g]. */
    private final double[] groupProb;
    private final double[] passPositives;
    private final double[] passNegatives;

    public ScanScores(double[] prob, boolean[] truth, int[] unitOf) {
        if (prob.length != truth.length) {
            throw new IllegalArgumentException("probabilities and truth differ in length");
        }
        for (int i = 0; i < prob.length; i++) {
            if (!(prob[i] >= 0 && prob[i] <= 1)) {
                throw new IllegalArgumentException("scan probability " + prob[i] + " at observation " + i
                        + " is outside [0, 1]");
            }
        }
        this.prob = prob;
        this.truth = truth;
        this.unitOf = unitOf;
        order = Ranks.orderAscending(prob);
        groupStart = Ranks.groupStarts(prob, order);
        int groups = groupStart.length - 1;
        groupProb = new double[groups];
        passPositives = new double[groups + 1];
        passNegatives = new double[groups + 1];
        for (int g = groups - 1; g >= 0; g--) {
            groupProb[g] = prob[order[groupStart[g]]];
            double p = 0;
            for (int k = groupStart[g]; k < groupStart[g + 1]; k++) {
                p += truth[order[k]] ? 1 : 0;
            }
            passPositives[g] = passPositives[g + 1] + p;
            passNegatives[g] = passNegatives[g + 1] + (groupStart[g + 1] - groupStart[g]) - p;
        }
    }

    /**
     * The unweighted confusion matrix at any threshold in O(log n), from counts cumulated once: for a
     * threshold slider that must answer at once. The search keeps {@link ScanVerdict#passes}: a probability equal
     * to the threshold passes.
     */
    public Confusion confusionAt(double threshold) {
        int g = java.util.Arrays.binarySearch(groupProb, threshold);
        if (g < 0) {
            g = -g - 1;
        }
        double tp = passPositives[g];
        double fp = passNegatives[g];
        return new Confusion(tp, fp, passNegatives[0] - fp, passPositives[0] - tp);
    }

    public int size() {
        return prob.length;
    }

    private int weight(int[] weights, int i) {
        return weights == null ? 1 : weights[unitOf == null ? i : unitOf[i]];
    }

    /** The confusion matrix when the eval predicts "scans" for probability >= threshold. */
    public Confusion confusion(int[] weights, double threshold) {
        double tp = 0;
        double fp = 0;
        double tn = 0;
        double fn = 0;
        for (int i = 0; i < prob.length; i++) {
            int w = weight(weights, i);
            if (w == 0) {
                continue;
            }
            boolean pass = ScanVerdict.passes(prob[i], threshold);
            if (truth[i]) {
                if (pass) {
                    tp += w;
                } else {
                    fn += w;
                }
            } else if (pass) {
                fp += w;
            } else {
                tn += w;
            }
        }
        return new Confusion(tp, fp, tn, fn);
    }

    /** ROC AUC: the chance a scanning code outscores a failing one, ties counting half; NaN with one class. */
    public double rocAuc(int[] weights) {
        double negBelow = 0;
        double sum = 0;
        double pos = 0;
        for (int g = 0; g < groupStart.length - 1; g++) {
            double p = 0;
            double n = 0;
            for (int k = groupStart[g]; k < groupStart[g + 1]; k++) {
                int i = order[k];
                int w = weight(weights, i);
                if (truth[i]) {
                    p += w;
                } else {
                    n += w;
                }
            }
            sum += p * (negBelow + 0.5 * n);
            negBelow += n;
            pos += p;
        }
        return pos == 0 || negBelow == 0 ? Double.NaN : sum / (pos * negBelow);
    }

    /** Mean squared difference between probability and truth. */
    public double brier(int[] weights) {
        double s = 0;
        double n = 0;
        for (int i = 0; i < prob.length; i++) {
            int w = weight(weights, i);
            double d = prob[i] - (truth[i] ? 1 : 0);
            s += w * d * d;
            n += w;
        }
        return n == 0 ? Double.NaN : s / n;
    }

    static int bin(double p) {
        return Math.min(BINS - 1, (int) Math.floor(p * BINS));
    }

    /** Per bin: {weighted count, sum of probabilities, number scanned}. */
    public double[][] calibrationSums(int[] weights) {
        double[][] s = new double[BINS][3];
        for (int i = 0; i < prob.length; i++) {
            int w = weight(weights, i);
            if (w == 0) {
                continue;
            }
            double[] b = s[bin(prob[i])];
            b[0] += w;
            b[1] += w * prob[i];
            b[2] += truth[i] ? w : 0;
        }
        return s;
    }

    /** Expected calibration error: 10 equal-width bins, |mean probability - scan rate| weighted by bin size. */
    public static double ece(double[][] sums) {
        double n = 0;
        double e = 0;
        for (double[] b : sums) {
            n += b[0];
            if (b[0] > 0) {
                e += Math.abs(b[1] - b[2]);
            }
        }
        return n == 0 ? Double.NaN : e / n;
    }

    /** One point of the ROC curve: predicting "scans" at probability >= threshold (null: above every probability). */
    public record RocPoint(Double threshold, double fpr, double tpr) {
    }

    private double positives() {
        double pos = 0;
        for (boolean t : truth) {
            pos += t ? 1 : 0;
        }
        return pos;
    }

    /** The ROC curve from (0,0) to (1,1), one point per distinct probability, thinned to at most maxPoints. */
    public List<RocPoint> rocCurve(int maxPoints) {
        double pos = positives();
        double neg = truth.length - pos;
        List<RocPoint> all = new ArrayList<>();
        if (pos == 0 || neg == 0) {
            return all;
        }
        all.add(new RocPoint(null, 0, 0));
        for (ThresholdFigures f : sweep()) {
            all.add(new RocPoint(f.threshold(), f.confusion().fp() / neg, f.confusion().tp() / pos));
        }
        if (all.size() <= maxPoints) {
            return all;
        }
        List<RocPoint> thin = new ArrayList<>();
        double step = (all.size() - 1) / (double) (maxPoints - 1);
        for (int i = 0; i < maxPoints; i++) {
            thin.add(all.get((int) Math.round(i * step)));
        }
        return thin;
    }

    /** The figures a threshold gives, for threshold advice. */
    public record ThresholdFigures(double threshold, Confusion confusion) {
    }

    /** The confusion matrix at every distinct probability used as threshold, from the highest down, in one pass. */
    public List<ThresholdFigures> sweep() {
        double pos = positives();
        double neg = truth.length - pos;
        List<ThresholdFigures> out = new ArrayList<>();
        double tp = 0;
        double fp = 0;
        for (int g = groupStart.length - 2; g >= 0; g--) {
            for (int k = groupStart[g]; k < groupStart[g + 1]; k++) {
                if (truth[order[k]]) {
                    tp++;
                } else {
                    fp++;
                }
            }
            out.add(new ThresholdFigures(prob[order[groupStart[g]]], new Confusion(tp, fp, neg - fp, pos - tp)));
        }
        return out;
    }
}
