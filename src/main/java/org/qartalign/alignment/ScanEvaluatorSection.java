package org.qartalign.alignment;

import org.qartalign.stats.WilsonInterval;
import org.qartalign.alignment.AlignmentReport.CalibrationBin;
import org.qartalign.alignment.AlignmentReport.Ceiling;
import org.qartalign.alignment.AlignmentReport.ThresholdChoice;

import java.util.ArrayList;
import java.util.List;

import static org.qartalign.alignment.LabeledCodes.NO_DATA;
import static org.qartalign.alignment.LabeledCodes.ONE_CLASS;
import static org.qartalign.alignment.LabeledCodes.finite;

/**
 * One scan evaluator against human majority truth: the confusion figures at the threshold, ROC AUC, Brier,
 * calibration, threshold advice from a sweep of every threshold, and how its kappa compares with the humans'.
 */
final class ScanEvaluatorSection {
    private static final int ROC_POINTS = 101;

    private final String name;
    private final ScanScores scores;
    private final double threshold;
    private final double confidence;
    private final Bootstrap.Handle h;

    ScanEvaluatorSection(LabeledCodes codes, int evaluator, Bootstrap boot) {
        name = codes.evalName(evaluator);
        scores = codes.scanScores.get(evaluator);
        threshold = codes.options.threshold();
        confidence = codes.options.confidence();
        ScanScores s = scores;
        double t = threshold;
        h = boot.add(Bootstrap.statistic(14, (wt, o, off) -> {
            Confusion c = s.confusion(wt, t);
            o[off] = c.n();
            o[off + 1] = c.accuracy();
            o[off + 2] = c.precision();
            o[off + 3] = c.recall();
            o[off + 4] = c.specificity();
            o[off + 5] = c.f1();
            o[off + 6] = c.cohenKappa();
            o[off + 7] = c.mcc();
            o[off + 8] = s.rocAuc(wt);
            o[off + 9] = s.brier(wt);
            o[off + 10] = ScanScores.ece(s.calibrationSums(wt));
            o[off + 11] = c.passRate();
            o[off + 12] = c.positiveRate();
            o[off + 13] = c.falsePassRate();
        }));
    }

    String name() {
        return name;
    }

    AlignmentReport.ScanEvaluator fill(Bootstrap.Result r, AlignmentReport.ScanInterRater inter) {
        ScanScores s = scores;
        Confusion c = s.confusion(null, threshold);
        String none = s.size() == 0 ? NO_DATA : null;
        String oneClass = none != null ? none : ONE_CLASS;
        List<CalibrationBin> bins = new ArrayList<>();
        double[][] sums = s.calibrationSums(null);
        for (int b = 0; b < ScanScores.BINS; b++) {
            double[] x = sums[b];
            WilsonInterval wilson = WilsonInterval.orNull(x[2], x[0], confidence);
            bins.add(new CalibrationBin(b / 10.0, (b + 1) / 10.0, (int) x[0], x[0] == 0 ? null : x[1] / x[0],
                    x[0] == 0 ? null : x[2] / x[0], wilson == null ? null : new Estimate.Interval(wilson.lower(), wilson.upper())));
        }
        Estimate kappa = r.estimate(h.at(6), oneClass);
        return new AlignmentReport.ScanEvaluator(s.size(),
                new AlignmentReport.Counts((long) c.tp(), (long) c.fp(), (long) c.tn(), (long) c.fn()),
                r.proportion(h.at(1), c.tp() + c.tn(), c.n(), oneClass),
                r.proportion(h.at(2), c.tp(), c.tp() + c.fp(), none != null ? none : "undefined: the eval passes no code (0/0)"),
                r.proportion(h.at(3), c.tp(), c.tp() + c.fn(), none != null ? none : "undefined: no code scanned for humans (0/0)"),
                r.proportion(h.at(4), c.tn(), c.tn() + c.fp(), none != null ? none : "undefined: every code scanned for humans (0/0)"),
                r.estimate(h.at(5), none != null ? none : "undefined: no positive predicted or true (0/0)"),
                kappa, r.estimate(h.at(7), oneClass), r.estimate(h.at(8), oneClass),
                r.estimate(h.at(9), oneClass), r.estimate(h.at(10), oneClass),
                r.proportion(h.at(11), c.tp() + c.fp(), c.n(), oneClass),
                r.proportion(h.at(12), c.tp() + c.fn(), c.n(), oneClass),
                r.proportion(h.at(13), c.fp(), c.fp() + c.tn(), none != null ? none : "undefined: every code scanned for humans (0/0)"),
                bins, s.rocCurve(ROC_POINTS), thresholdAdvice(s), ceiling(kappa, inter));
    }

    private static Ceiling ceiling(Estimate evalKappa, AlignmentReport.ScanInterRater inter) {
        Estimate human = inter.typicalLabelerKappa().defined() ? inter.typicalLabelerKappa() : inter.fleissKappa();
        String measure = inter.typicalLabelerKappa().defined()
                ? "cohen_kappa vs human majority, against the typical labeler's leave-one-out kappa"
                : "cohen_kappa vs human majority, against fleiss_kappa between labelers";
        return Ceiling.of(measure, human, evalKappa);
    }

    /** The thresholds that maximise kappa and Youden's J, and the lowest that keeps precision at 0.95 or more. */
    static AlignmentReport.ThresholdAdvice thresholdAdvice(ScanScores s) {
        ScanScores.ThresholdFigures bestKappa = null;
        ScanScores.ThresholdFigures bestJ = null;
        ScanScores.ThresholdFigures precise = null;
        for (ScanScores.ThresholdFigures f : s.sweep()) {
            double k = f.confusion().cohenKappa();
            if (Double.isFinite(k) && (bestKappa == null || k > bestKappa.confusion().cohenKappa())) {
                bestKappa = f;
            }
            double j = f.confusion().youdenJ();
            if (Double.isFinite(j) && (bestJ == null || j > bestJ.confusion().youdenJ())) {
                bestJ = f;
            }
            if (f.confusion().precision() >= 0.95) {
                precise = f;
            }
        }
        return new AlignmentReport.ThresholdAdvice(choice(bestKappa, "kappa undefined at every threshold (one class)"),
                choice(bestJ, "Youden's J undefined at every threshold (one class)"),
                choice(precise, "precision never reaches 0.95 at any threshold"));
    }

    private static ThresholdChoice choice(ScanScores.ThresholdFigures f, String note) {
        if (f == null) {
            return new ThresholdChoice(null, null, null, null, null, null, null, note);
        }
        Confusion c = f.confusion();
        return new ThresholdChoice(f.threshold(), finite(c.cohenKappa()), finite(c.youdenJ()), finite(c.precision()),
                finite(c.recall()), finite(c.specificity()), finite(c.passRate()), null);
    }
}
