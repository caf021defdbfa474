package org.qartalign.alignment;

import org.qartalign.alignment.AlignmentInput.HumanLabel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.qartalign.alignment.LabeledCodes.NO_DATA;
import static org.qartalign.alignment.LabeledCodes.ONE_CLASS;
import static org.qartalign.alignment.LabeledCodes.w;

/**
 * The figures of one slice (human scan rate and mean score; per evaluator its pass rate, kappa and mean score),
 * registered as one bootstrap statistic over the slice's observations.
 */
final class SliceStatistic {
    private final LabeledCodes codes;
    private final Bin bin;
    private final int m;
    private final int scanN;
    private final int ties;
    private final Bootstrap.Handle h;

    /** Observations of one slice: codes (or labels) with their human values, each tied to its code for the bootstrap. */
    /** {@code ties}: codes with scan answers split evenly (no majority); labels are never ties. */
    record Observations(int[] unit, double[] scan, double[] aesthetic, int ties) {
        /** Codes, each with its majority truth and mean score. */
        static Observations ofCodes(LabeledCodes codes, int[] unit) {
            double[] scan = new double[unit.length];
            double[] aes = new double[unit.length];
            for (int k = 0; k < unit.length; k++) {
                scan[k] = codes.truth[unit[k]];
                aes[k] = codes.humanAesthetic[unit[k]];
            }
            return new Observations(unit, scan, aes, codes.ties(unit));
        }

        /** Single labels, each with its own scan and score. */
        static Observations ofLabels(LabeledCodes codes, Predicate<HumanLabel> in) {
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < codes.n; i++) {
                for (HumanLabel l : codes.row(i).labels()) {
                    if (in.test(l)) {
                        rows.add(new double[] {i, l.scanValue(), l.scoreValue()});
                    }
                }
            }
            return new Observations(rows.stream().mapToInt(a -> (int) a[0]).toArray(),
                    rows.stream().mapToDouble(a -> a[1]).toArray(), rows.stream().mapToDouble(a -> a[2]).toArray(), 0);
        }
    }

    SliceStatistic(LabeledCodes codes, Bin bin, Observations obs, Bootstrap boot) {
        this.codes = codes;
        this.bin = bin;
        int evals = codes.input.evaluators().size();
        m = obs.unit().length;
        int mm = m;
        int withMajority = 0;
        for (double v : obs.scan()) {
            withMajority += Double.isNaN(v) ? 0 : 1;
        }
        scanN = withMajority;
        ties = obs.ties();
        double[][] prob = new double[evals][m];
        double[][] aes = new double[evals][m];
        for (int e = 0; e < evals; e++) {
            for (int k = 0; k < m; k++) {
                prob[e][k] = codes.row(obs.unit()[k]).scanProb()[e];
                aes[e][k] = codes.row(obs.unit()[k]).aesthetic()[e];
            }
        }
        double t = codes.options.threshold();
        int[] sEvals = codes.scanEvals;
        int[] aEvals = codes.aestheticEvals;
        byte[][] outcome = new byte[sEvals.length][m];
        for (int j = 0; j < sEvals.length; j++) {
            for (int k = 0; k < m; k++) {
                outcome[j][k] = outcome(prob[sEvals[j]][k], obs.scan()[k], t);
            }
        }
        int width = 4 + 5 * evals;
        h = boot.add(Bootstrap.statistic(width, (wt, o, off) -> {
            double total = 0;
            double decided = 0;
            double yes = 0;
            double aesSum = 0;
            double scored = 0;
            // Per scan evaluator, weight by outcome class (see outcome()); per aesthetic evaluator, count and sum.
            double[] classes = new double[7 * sEvals.length];
            double[] scores = new double[2 * aEvals.length];
            for (int k = 0; k < mm; k++) {
                int w = w(wt, obs.unit()[k]);
                if (w == 0) {
                    continue;
                }
                double scan = obs.scan()[k];
                total += w;
                if (!Double.isNaN(scan)) {
                    decided += w;
                    yes += w * scan;
                }
                if (!Double.isNaN(obs.aesthetic()[k])) {
                    scored += w;
                    aesSum += w * obs.aesthetic()[k];
                }
                for (int j = 0; j < sEvals.length; j++) {
                    classes[7 * j + outcome[j][k]] += w;
                }
                for (int j = 0; j < aEvals.length; j++) {
                    double x = aes[aEvals[j]][k];
                    if (!Double.isNaN(x)) {
                        scores[2 * j] += w;
                        scores[2 * j + 1] += w * x;
                    }
                }
            }
            double[] acc = new double[8 * evals];
            for (int j = 0; j < sEvals.length; j++) {
                int a = 8 * sEvals[j];
                int c = 7 * j;
                acc[a] = classes[c + 1];
                acc[a + 1] = classes[c + 2];
                acc[a + 2] = classes[c + 5];
                acc[a + 3] = classes[c + 4];
                acc[a + 5] = classes[c + 1] + classes[c + 2] + classes[c + 3];
                acc[a + 4] = acc[a + 5] + classes[c + 4] + classes[c + 5] + classes[c + 6];
            }
            for (int j = 0; j < aEvals.length; j++) {
                acc[8 * aEvals[j] + 6] = scores[2 * j];
                acc[8 * aEvals[j] + 7] = scores[2 * j + 1];
            }
            o[off] = decided == 0 ? Double.NaN : yes / decided;
            o[off + 1] = scored == 0 ? Double.NaN : aesSum / scored;
            o[off + 2] = yes;
            o[off + 3] = decided;
            for (int e = 0; e < evals; e++) {
                int a = 8 * e;
                int base = off + 4 + 5 * e;
                o[base] = acc[a + 4] == 0 ? Double.NaN : acc[a + 5] / acc[a + 4];
                o[base + 1] = new Confusion(acc[a], acc[a + 1], acc[a + 2], acc[a + 3]).cohenKappa();
                o[base + 2] = acc[a + 6] == 0 ? Double.NaN : acc[a + 7] / acc[a + 6];
                o[base + 3] = acc[a + 5];
                o[base + 4] = acc[a + 4];
            }
        }));
    }

    /**
     * An observation's outcome class for one scan evaluator: 0 no probability; 1 passes and scans (tp),
     * 2 passes and fails (fp), 3 passes on a tie; 4 fails and scans (fn), 5 fails and fails (tn), 6 fails on a tie.
     */
    private static byte outcome(double p, double scan, double threshold) {
        if (Double.isNaN(p)) {
            return 0;
        }
        int base = ScanVerdict.passes(p, threshold) ? 1 : 4;
        return (byte) (base + (scan == 1 ? 0 : scan == 0 ? 1 : 2));
    }

    AlignmentReport.Slice fill(Bootstrap.Result r) {
        Map<String, AlignmentReport.SliceEvaluator> evs = new TreeMap<>();
        for (int e = 0; e < codes.input.evaluators().size(); e++) {
            int base = 4 + 5 * e;
            boolean hasScan = codes.givesScan(e);
            evs.put(codes.evalName(e), new AlignmentReport.SliceEvaluator(
                    hasScan ? r.proportion(h.at(base), r.point(h.at(base + 3)), r.point(h.at(base + 4)), NO_DATA) : null,
                    hasScan ? r.estimate(h.at(base + 1), m == 0 ? NO_DATA : ONE_CLASS) : null,
                    codes.givesAesthetic(e) ? r.estimate(h.at(base + 2), NO_DATA) : null));
        }
        return new AlignmentReport.Slice(bin.label(), bin.lo(), bin.hi(), m,
                r.proportion(h.at(0), r.point(h.at(2)), r.point(h.at(3)), NO_DATA),
                r.estimate(h.at(1), NO_DATA), evs, scanN, ties);
    }

    static List<AlignmentReport.Slice> fill(List<SliceStatistic> slices, Bootstrap.Result r) {
        return slices.stream().map(s -> s.fill(r)).toList();
    }
}
