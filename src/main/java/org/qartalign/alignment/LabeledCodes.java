package org.qartalign.alignment;

import org.qartalign.alignment.AlignmentInput.CodeRow;
import org.qartalign.alignment.AlignmentInput.HumanLabel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labeled codes as every report part reads them, prepared once: per code its label count, scans, majority
 * truth and mean human score; which evaluators give scan probabilities and aesthetic scores; each scan
 * evaluator's sorted {@link ScanScores}. Index i is the bootstrap unit of code i.
 */
final class LabeledCodes {
    static final String NO_DATA = "no data";
    static final String ONE_CLASS = "undefined: only one class present (0/0)";
    static final String CONSTANT = "undefined: fewer than two points or constant input";

    final AlignmentInput input;
    final ReportOptions options;
    final BootstrapWorkers workers;
    final List<CodeRow> rows = new ArrayList<>();
    final int n;
    /** Labels per code, and those with a scan answer and with a score (a label may have only one of the two). */
    final int[] labels;
    final int[] scanLabels;
    final int[] scoreLabels;
    final int[] scanned;
    /** Majority truth per labeled code: 1 scans, 0 not, NaN tie or no scan answer. */
    final double[] truth;
    final double[] humanAesthetic;
    final int[] scanEvals;
    final int[] aestheticEvals;
    final Map<Integer, ScanScores> scanScores = new LinkedHashMap<>();

    LabeledCodes(AlignmentInput input, ReportOptions options, BootstrapWorkers workers) {
        this.input = input;
        this.options = options;
        this.workers = workers;
        for (CodeRow c : input.codes()) {
            if (!c.labels().isEmpty()) {
                rows.add(c);
            }
        }
        n = rows.size();
        labels = new int[n];
        scanLabels = new int[n];
        scoreLabels = new int[n];
        scanned = new int[n];
        truth = new double[n];
        humanAesthetic = new double[n];
        for (int i = 0; i < n; i++) {
            List<HumanLabel> ls = rows.get(i).labels();
            labels[i] = ls.size();
            double sum = 0;
            for (HumanLabel l : ls) {
                if (l.hasScan()) {
                    scanLabels[i]++;
                    scanned[i] += l.scanned() ? 1 : 0;
                }
                if (l.hasScore()) {
                    scoreLabels[i]++;
                    sum += l.aesthetic();
                }
            }
            Integer majority = ScanVerdict.majority(scanned[i], scanLabels[i]);
            truth[i] = majority == null ? Double.NaN : majority;
            humanAesthetic[i] = scoreLabels[i] == 0 ? Double.NaN : sum / scoreLabels[i];
        }
        int evals = input.evaluators().size();
        List<Integer> s = new ArrayList<>();
        List<Integer> a = new ArrayList<>();
        for (int e = 0; e < evals; e++) {
            boolean anyScan = false;
            boolean anyAesthetic = false;
            for (CodeRow c : rows) {
                anyScan |= !Double.isNaN(c.scanProb()[e]);
                anyAesthetic |= !Double.isNaN(c.aesthetic()[e]);
            }
            if (anyScan) {
                s.add(e);
            }
            if (anyAesthetic) {
                a.add(e);
            }
        }
        scanEvals = s.stream().mapToInt(Integer::intValue).toArray();
        aestheticEvals = a.stream().mapToInt(Integer::intValue).toArray();
        if (options.aesthetic() != null && !input.evaluators().contains(options.aesthetic())) {
            throw new IllegalArgumentException("--aesthetic " + options.aesthetic() + ": no results for this evaluator"
                    + " (available: " + String.join(", ", input.evaluators()) + ")");
        }
        if (options.aesthetic() != null && !contains(aestheticEvals, input.evaluators().indexOf(options.aesthetic()))) {
            throw new IllegalArgumentException("--aesthetic " + options.aesthetic()
                    + ": this evaluator gives no aesthetic score for any labeled code");
        }
        for (int e : scanEvals) {
            scanScores.put(e, scanScores(e));
        }
    }

    /** Evaluator e's probabilities against majority truth, over the codes with both (ties left out). */
    private ScanScores scanScores(int e) {
        List<Integer> obs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(truth[i]) && !Double.isNaN(rows.get(i).scanProb()[e])) {
                obs.add(i);
            }
        }
        double[] p = new double[obs.size()];
        boolean[] t = new boolean[obs.size()];
        int[] unit = new int[obs.size()];
        for (int k = 0; k < obs.size(); k++) {
            int i = obs.get(k);
            p[k] = rows.get(i).scanProb()[e];
            if (!(p[k] >= 0 && p[k] <= 1)) {
                throw new IllegalArgumentException("evaluator " + input.evaluators().get(e) + ", code "
                        + rows.get(i).id() + ": scan probability " + p[k] + " is outside [0, 1]");
            }
            t[k] = truth[i] == 1;
            unit[k] = i;
        }
        return new ScanScores(p, t, unit);
    }

    /** Among these codes, those whose scan answers split evenly: no majority, left out of scan rates. */
    int ties(int[] codes) {
        int t = 0;
        for (int i : codes) {
            t += scanLabels[i] > 0 && Double.isNaN(truth[i]) ? 1 : 0;
        }
        return t;
    }

    CodeRow row(int i) {
        return rows.get(i);
    }

    String evalName(int e) {
        return input.evaluators().get(e);
    }

    /** Scan evaluator names, in report order. */
    List<String> scanEvaluatorNames() {
        List<String> out = new ArrayList<>();
        for (int e : scanEvals) {
            out.add(evalName(e));
        }
        return out;
    }

    boolean givesScan(int e) {
        return contains(scanEvals, e);
    }

    boolean givesAesthetic(int e) {
        return contains(aestheticEvals, e);
    }

    /** A bootstrap over the labeled codes or, for best-of-N, over another set of units. */
    Bootstrap bootstrap(int units) {
        return new Bootstrap(units, options.bootstrap(), options.seed(), options.confidence(), workers);
    }

    /** A unit's bootstrap weight; null weights mean every unit once. */
    static int w(int[] weights, int unit) {
        return weights == null ? 1 : weights[unit];
    }

    static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
