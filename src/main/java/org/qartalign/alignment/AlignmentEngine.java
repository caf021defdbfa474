package org.qartalign.alignment;

import org.qartalign.alignment.AlignmentInput.CodeRow;
import org.qartalign.alignment.AlignmentInput.HumanLabel;
import org.qartalign.alignment.AlignmentReport.AestheticEvaluator;
import org.qartalign.alignment.AlignmentReport.CalibrationBin;
import org.qartalign.alignment.AlignmentReport.Ceiling;
import org.qartalign.alignment.AlignmentReport.ScanEvaluator;
import org.qartalign.alignment.AlignmentReport.ThresholdChoice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Computes an {@link AlignmentReport} from an {@link AlignmentInput}. Everything is prepared once (truth per
 * code, sort orders, per-unit sufficient statistics); then one bootstrap over codes evaluates every figure on the
 * same resamples, and a second bootstrap over pairs serves best-of-N.
 */
public final class AlignmentEngine {
    static final String NO_DATA = "no data";
    static final String ONE_CLASS = "undefined: only one class present (0/0)";
    static final String CONSTANT = "undefined: fewer than two points or constant input";
    private static final int DISAGREEMENTS = 20;
    private static final int SCATTER_POINTS = 1000;
    private static final int ROC_POINTS = 101;
    private static final int MAX_DISTINCT_AS_BINS = 8;
    private static final int NUMERIC_BINS = 5;

    private final AlignmentInput input;
    private final ReportOptions options;
    private final List<CodeRow> labeled = new ArrayList<>();
    private final int n;
    private final int[] labels;
    private final int[] scanned;
    /** Majority truth per labeled code: 1 scans, 0 not, NaN tie. */
    private final double[] truth;
    private final double[] humanAesthetic;
    private final int[] scanEvals;
    private final int[] aestheticEvals;
    private final Map<Integer, ScanScores> scanScores = new LinkedHashMap<>();

    public AlignmentEngine(AlignmentInput input, ReportOptions options) {
        this.input = input;
        this.options = options;
        for (CodeRow c : input.codes()) {
            if (!c.labels().isEmpty()) {
                labeled.add(c);
            }
        }
        n = labeled.size();
        labels = new int[n];
        scanned = new int[n];
        truth = new double[n];
        humanAesthetic = new double[n];
        for (int i = 0; i < n; i++) {
            List<HumanLabel> ls = labeled.get(i).labels();
            labels[i] = ls.size();
            double sum = 0;
            for (HumanLabel l : ls) {
                scanned[i] += l.scanned() ? 1 : 0;
                sum += l.aesthetic();
            }
            truth[i] = 2 * scanned[i] > labels[i] ? 1 : 2 * scanned[i] < labels[i] ? 0 : Double.NaN;
            humanAesthetic[i] = sum / labels[i];
        }
        int evals = input.evaluators().size();
        List<Integer> s = new ArrayList<>();
        List<Integer> a = new ArrayList<>();
        for (int e = 0; e < evals; e++) {
            boolean anyScan = false;
            boolean anyAesthetic = false;
            for (CodeRow c : labeled) {
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
            List<Integer> obs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(truth[i]) && !Double.isNaN(labeled.get(i).scanProb()[e])) {
                    obs.add(i);
                }
            }
            double[] p = new double[obs.size()];
            boolean[] t = new boolean[obs.size()];
            int[] unit = new int[obs.size()];
            for (int k = 0; k < obs.size(); k++) {
                int i = obs.get(k);
                p[k] = labeled.get(i).scanProb()[e];
                if (!(p[k] >= 0 && p[k] <= 1)) {
                    throw new IllegalArgumentException("evaluator " + input.evaluators().get(e) + ", code "
                            + labeled.get(i).id() + ": scan probability " + p[k] + " is outside [0, 1]");
                }
                t[k] = truth[i] == 1;
                unit[k] = i;
            }
            scanScores.put(e, new ScanScores(p, t, unit));
        }
    }

    /** Scan evaluator names, in report order. */
    public List<String> scanEvaluators() {
        List<String> out = new ArrayList<>();
        for (int e : scanEvals) {
            out.add(input.evaluators().get(e));
        }
        return out;
    }

    /**
     * The confusion matrix of a scan evaluator against human majority truth at another threshold, in O(log n)
     * (counts are cumulated once): what a threshold slider calls.
     */
    public Confusion confusionAt(String evaluator, double threshold) {
        int e = input.evaluators().indexOf(evaluator);
        ScanScores s = scanScores.get(e);
        if (s == null) {
            throw new IllegalArgumentException("no scan probabilities from evaluator " + evaluator);
        }
        return s.confusionAt(threshold);
    }

    private String evalName(int e) {
        return input.evaluators().get(e);
    }

    /**
     * Two phases: each section registers its statistics on one bootstrap and a fill step; after the single run,
     * the fill steps read the point values and intervals and build the section's records.
     */
    public AlignmentReport report() {
        Bootstrap boot = new Bootstrap(n, options.bootstrap(), options.seed(), options.confidence());
        List<Runnable> fill = new ArrayList<>();
        Holder<Bootstrap.Result> result = new Holder<>();

        AlignmentReport.HumanScan[] human = new AlignmentReport.HumanScan[1];
        humanScan(boot, result, fill, human);

        AlignmentReport.ScanInterRater[] scanInter = new AlignmentReport.ScanInterRater[1];
        AlignmentReport.AestheticInterRater[] aesInter = new AlignmentReport.AestheticInterRater[1];
        List<LabelerPlan> labelerPlans = labelerPlans(boot);
        interRater(boot, result, fill, scanInter, aesInter, labelerPlans);

        Map<String, ScanEvaluator> scanFigures = new TreeMap<>();
        for (int e : scanEvals) {
            scanEvaluator(boot, result, fill, e, scanFigures, scanInter, labelerPlans);
        }
        Map<String, AestheticEvaluator> aesFigures = new TreeMap<>();
        for (int e : aestheticEvals) {
            aestheticEvaluator(boot, result, fill, e, aesFigures, aesInter, labelerPlans);
        }
        Holder<AlignmentReport.Slices> slices = new Holder<>();
        slices(boot, result, fill, slices);
        List<AlignmentReport.LabelerFigures> labelerFigures = new ArrayList<>();
        for (LabelerPlan p : labelerPlans) {
            fill.add(() -> labelerFigures.add(p.figures(result.value)));
        }

        result.value = boot.run();
        for (Runnable r : fill) {
            r.run();
        }

        int twoOrMore = 0;
        int labelCount = 0;
        int retests = 0;
        for (int i = 0; i < n; i++) {
            twoOrMore += labels[i] >= 2 ? 1 : 0;
            labelCount += labels[i];
            retests += labeled.get(i).retests().size();
        }
        int simulated = 0;
        for (AlignmentInput.LabelerRow l : input.labelers()) {
            simulated += l.simulated() ? 1 : 0;
        }
        AlignmentReport.Dataset dataset = new AlignmentReport.Dataset(input.pairs(), input.codes().size(), n, labelCount,
                input.labelers().size(), simulated, input.simulatedIncluded(), input.simulatedLabelsExcluded(),
                retests, twoOrMore, input.evaluators());
        AlignmentReport.Settings settings = new AlignmentReport.Settings(options.bootstrap(), options.seed(),
                options.threshold(), options.confidence(), input.evaluators(), options.aesthetic(),
                options.excludeSimulated(), "code");
        return new AlignmentReport(settings, dataset,
                new AlignmentReport.Scan(human[0], scanInter[0], scanFigures),
                new AlignmentReport.Aesthetic(aesInter[0], aesFigures),
                bestOfN(), slices.value, labelerFigures, disagreements(), codeFigures());
    }

    /** A value known only after the bootstrap has run, read by the fill steps registered before it. */
    private static final class Holder<T> {
        T value;
    }

    private static int w(int[] weights, int unit) {
        return weights == null ? 1 : weights[unit];
    }

    private void humanScan(Bootstrap boot, Holder<Bootstrap.Result> result, List<Runnable> fill,
                           AlignmentReport.HumanScan[] out) {
        Bootstrap.Handle h = boot.add(Bootstrap.statistic(4, (wt, o, off) -> {
            double decided = 0;
            double yes = 0;
            double all = 0;
            double yesLabels = 0;
            for (int i = 0; i < n; i++) {
                int w = w(wt, i);
                if (!Double.isNaN(truth[i])) {
                    decided += w;
                    yes += w * truth[i];
                }
                all += (double) w * labels[i];
                yesLabels += (double) w * scanned[i];
            }
            o[off] = decided == 0 ? Double.NaN : yes / decided;
            o[off + 1] = all == 0 ? Double.NaN : yesLabels / all;
            o[off + 2] = yes;
            o[off + 3] = decided;
        }));
        List<double[]> retestScan = new ArrayList<>();
        List<int[]> retestUnits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (HumanLabel r : labeled.get(i).retests()) {
                for (HumanLabel l : labeled.get(i).labels()) {
                    if (l.labeler() == r.labeler()) {
                        retestScan.add(new double[] {l.scanned() == r.scanned() ? 1 : 0, l.aesthetic(), r.aesthetic()});
                        retestUnits.add(new int[] {i});
                    }
                }
            }
        }
        int pairs = retestScan.size();
        int[] rUnit = retestUnits.stream().mapToInt(a -> a[0]).toArray();
        PairedScores retestScores = new PairedScores(retestScan.stream().mapToDouble(a -> a[1]).toArray(),
                retestScan.stream().mapToDouble(a -> a[2]).toArray(), rUnit);
        Bootstrap.Handle r = boot.add(Bootstrap.statistic(3, (wt, o, off) -> {
            double agree = 0;
            double total = 0;
            for (int k = 0; k < pairs; k++) {
                int w = w(wt, rUnit[k]);
                agree += w * retestScan.get(k)[0];
                total += w;
            }
            o[off] = total == 0 ? Double.NaN : agree / total;
            o[off + 1] = retestScores.spearman(wt);
            o[off + 2] = agree;
        }));
        fill.add(() -> {
            Bootstrap.Result res = result.value;
            int ties = 0;
            int labelCount = 0;
            int yesLabels = 0;
            for (int i = 0; i < n; i++) {
                ties += Double.isNaN(truth[i]) ? 1 : 0;
                labelCount += labels[i];
                yesLabels += scanned[i];
            }
            AlignmentReport.TestRetest tr = new AlignmentReport.TestRetest(pairs,
                    res.proportion(r.at(0), res.point(r.at(2)), pairs, "no retest labels"),
                    res.estimate(r.at(1), pairs == 0 ? "no retest labels" : CONSTANT));
            out[0] = new AlignmentReport.HumanScan(n - ties, ties,
                    res.proportion(h.at(0), res.point(h.at(2)), res.point(h.at(3)), "no labeled code without a tie"),
                    labelCount, res.proportion(h.at(1), yesLabels, labelCount, NO_DATA), tr);
        });
    }

    private void interRater(Bootstrap boot, Holder<Bootstrap.Result> result, List<Runnable> fill,
                            AlignmentReport.ScanInterRater[] scanOut, AlignmentReport.AestheticInterRater[] aesOut,
                            List<LabelerPlan> labelerPlans) {
        int[][] counts = new int[n][2];
        double[][] scanValues = new double[n][];
        double[][] aesValues = new double[n][];
        int units = 0;
        for (int i = 0; i < n; i++) {
            List<HumanLabel> ls = labeled.get(i).labels();
            scanValues[i] = new double[ls.size()];
            aesValues[i] = new double[ls.size()];
            for (int k = 0; k < ls.size(); k++) {
                scanValues[i][k] = ls.get(k).scanned() ? 1 : 0;
                aesValues[i][k] = ls.get(k).aesthetic();
            }
            counts[i][1] = scanned[i];
            counts[i][0] = labels[i] - scanned[i];
            units += labels[i] >= 2 ? 1 : 0;
        }
        CategoricalAgreement cat = new CategoricalAgreement(counts, 2, null);
        Krippendorff scanAlpha = new Krippendorff(scanValues, null);
        Krippendorff aesAlpha = new Krippendorff(aesValues, null);
        Bootstrap.Handle hs = boot.add(Bootstrap.statistic(4, (wt, o, off) -> {
            double[] c = cat.compute(wt);
            o[off] = c[0];
            o[off + 1] = scanAlpha.alphas(wt, Krippendorff.Level.NOMINAL)[0];
            o[off + 2] = c[1];
            o[off + 3] = c[2];
        }));
        Bootstrap.Handle ha = boot.add(Bootstrap.statistic(2, (wt, o, off) -> {
            double[] a = aesAlpha.alphas(wt, Krippendorff.Level.INTERVAL, Krippendorff.Level.ORDINAL);
            o[off] = a[0];
            o[off + 1] = a[1];
        }));
        Bootstrap.Handle typical = typicalHandle;
        int pairable = units;
        fill.add(() -> {
            Bootstrap.Result r = result.value;
            String few = pairable == 0 ? "no code has two or more labels" : ONE_CLASS;
            scanOut[0] = new AlignmentReport.ScanInterRater(pairable,
                    r.estimate(hs.at(0), pairable == 0 ? "no code has two or more labels" : NO_DATA),
                    r.estimate(hs.at(1), few), r.estimate(hs.at(2), few),
                    r.estimate(hs.at(3), pairable == 0 ? "no code has two or more labels" : NO_DATA),
                    r.estimate(typical.at(0), "no labeler shares codes with others in both classes"));
            String fewScores = pairable == 0 ? "no code has two or more labels" : "undefined: every score is the same";
            aesOut[0] = new AlignmentReport.AestheticInterRater(pairable, r.estimate(ha.at(0), fewScores),
                    r.estimate(ha.at(1), fewScores),
                    r.estimate(typical.at(1), "no labeler shares varied scores with others"));
        });
    }

    /** The handle whose values 0 and 1 are the typical labeler's leave-one-out kappa and Spearman. */
    private Bootstrap.Handle typicalHandle;

    /**
     * One statistic for every labeler, so that the typical labeler's figures (the mean over labelers of their
     * leave-one-out kappa and Spearman) reuse each labeler's values in the same replicate.
     */
    private void registerLabelers(Bootstrap boot, List<LabelerPlan> plans) {
        int width = 2 + LabelerPlan.WIDTH * plans.size();
        Bootstrap.Handle h = boot.add(Bootstrap.statistic(width, (wt, o, off) -> {
            double kappaSum = 0;
            int kappas = 0;
            double rhoSum = 0;
            int rhos = 0;
            for (int p = 0; p < plans.size(); p++) {
                int at = off + 2 + LabelerPlan.WIDTH * p;
                plans.get(p).compute(wt, o, at);
                if (Double.isFinite(o[at + 2])) {
                    kappaSum += o[at + 2];
                    kappas++;
                }
                if (Double.isFinite(o[at + 3])) {
                    rhoSum += o[at + 3];
                    rhos++;
                }
            }
            o[off] = kappas == 0 ? Double.NaN : kappaSum / kappas;
            o[off + 1] = rhos == 0 ? Double.NaN : rhoSum / rhos;
        }));
        typicalHandle = new Bootstrap.Handle(h.offset(), 2);
        for (int p = 0; p < plans.size(); p++) {
            plans.get(p).handle = new Bootstrap.Handle(h.offset() + 2 + LabelerPlan.WIDTH * p, LabelerPlan.WIDTH);
        }
    }

    private void scanEvaluator(Bootstrap boot, Holder<Bootstrap.Result> result, List<Runnable> fill, int e,
                               Map<String, ScanEvaluator> out, AlignmentReport.ScanInterRater[] inter,
                               List<LabelerPlan> labelerPlans) {
        ScanScores s = scanScores.get(e);
        double t = options.threshold();
        Bootstrap.Handle h = boot.add(Bootstrap.statistic(13, (wt, o, off) -> {
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
        }));
        fill.add(() -> {
            Bootstrap.Result r = result.value;
            Confusion c = s.confusion(null, t);
            String none = s.size() == 0 ? NO_DATA : null;
            Supplier<String> oneClass = () -> none != null ? none : ONE_CLASS;
            List<CalibrationBin> bins = new ArrayList<>();
            double[][] sums = s.calibrationSums(null);
            for (int b = 0; b < ScanScores.BINS; b++) {
                double[] x = sums[b];
                double[] wilson = Wilson.interval(x[2], x[0], options.confidence());
                bins.add(new CalibrationBin(b / 10.0, (b + 1) / 10.0, (int) x[0], x[0] == 0 ? null : x[1] / x[0],
                        x[0] == 0 ? null : x[2] / x[0], wilson == null ? null : new Estimate.Interval(wilson[0], wilson[1])));
            }
            Estimate kappa = r.estimate(h.at(6), oneClass.get());
            out.put(evalName(e), new ScanEvaluator(s.size(),
                    new AlignmentReport.Counts((long) c.tp(), (long) c.fp(), (long) c.tn(), (long) c.fn()),
                    r.proportion(h.at(1), c.tp() + c.tn(), c.n(), oneClass.get()),
                    r.proportion(h.at(2), c.tp(), c.tp() + c.fp(), none != null ? none : "undefined: the eval passes no code (0/0)"),
                    r.proportion(h.at(3), c.tp(), c.tp() + c.fn(), none != null ? none : "undefined: no code scanned for humans (0/0)"),
                    r.proportion(h.at(4), c.tn(), c.tn() + c.fp(), none != null ? none : "undefined: every code scanned for humans (0/0)"),
                    r.estimate(h.at(5), none != null ? none : "undefined: no positive predicted or true (0/0)"),
                    kappa, r.estimate(h.at(7), oneClass.get()), r.estimate(h.at(8), oneClass.get()),
                    r.estimate(h.at(9), oneClass.get()), r.estimate(h.at(10), oneClass.get()),
                    r.proportion(h.at(11), c.tp() + c.fp(), c.n(), oneClass.get()),
                    r.proportion(h.at(12), c.tp() + c.fn(), c.n(), oneClass.get()),
                    bins, s.rocCurve(ROC_POINTS), thresholdAdvice(s), scanCeiling(kappa, inter[0])));
        });
    }

    private static Ceiling scanCeiling(Estimate evalKappa, AlignmentReport.ScanInterRater inter) {
        Estimate human = inter.typicalLabelerKappa().defined() ? inter.typicalLabelerKappa() : inter.fleissKappa();
        String measure = inter.typicalLabelerKappa().defined()
                ? "cohen_kappa vs human majority, against the typical labeler's leave-one-out kappa"
                : "cohen_kappa vs human majority, against fleiss_kappa between labelers";
        return ceiling(measure, human, evalKappa);
    }

    private static Ceiling ceiling(String measure, Estimate human, Estimate eval) {
        if (!human.defined() || !eval.defined()) {
            return new Ceiling(measure, human.value(), eval.value(), null,
                    !human.defined() ? "human agreement undefined: " + human.note() : "eval agreement undefined: " + eval.note());
        }
        if (human.value() <= 0) {
            return new Ceiling(measure, human.value(), eval.value(), null,
                    "humans agree no better than chance, so there is no ceiling to compare with");
        }
        return new Ceiling(measure, human.value(), eval.value(), eval.value() / human.value(), null);
    }

    private AlignmentReport.ThresholdAdvice thresholdAdvice(ScanScores s) {
        List<ScanScores.ThresholdFigures> sweep = s.sweep();
        ScanScores.ThresholdFigures bestKappa = null;
        ScanScores.ThresholdFigures bestJ = null;
        ScanScores.ThresholdFigures precise = null;
        for (ScanScores.ThresholdFigures f : sweep) {
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

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private void aestheticEvaluator(Bootstrap boot, Holder<Bootstrap.Result> result, List<Runnable> fill, int e,
                                    Map<String, AestheticEvaluator> out, AlignmentReport.AestheticInterRater[] inter,
                                    List<LabelerPlan> labelerPlans) {
        List<Integer> obs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(labeled.get(i).aesthetic()[e])) {
                obs.add(i);
            }
        }
        int[] unit = obs.stream().mapToInt(Integer::intValue).toArray();
        double[] x = new double[unit.length];
        double[] y = new double[unit.length];
        for (int k = 0; k < unit.length; k++) {
            x[k] = labeled.get(unit[k]).aesthetic()[e];
            y[k] = humanAesthetic[unit[k]];
        }
        PairedScores crowd = new PairedScores(x, y, unit);
        Bootstrap.Handle h = boot.add(Bootstrap.statistic(4, (wt, o, off) -> {
            double[] v = crowd.compute(wt);
            System.arraycopy(v, 0, o, off, 4);
        }));
        List<Bootstrap.Handle> perLabeler = new ArrayList<>();
        List<Integer> perLabelerN = new ArrayList<>();
        for (LabelerPlan p : labelerPlans) {
            List<double[]> pairs = new ArrayList<>();
            for (int k = 0; k < p.codes.length; k++) {
                double v = labeled.get(p.codes[k]).aesthetic()[e];
                if (!Double.isNaN(v)) {
                    pairs.add(new double[] {v, p.scores[k], p.codes[k]});
                }
            }
            PairedScores single = new PairedScores(pairs.stream().mapToDouble(a -> a[0]).toArray(),
                    pairs.stream().mapToDouble(a -> a[1]).toArray(), pairs.stream().mapToInt(a -> (int) a[2]).toArray());
            perLabelerN.add(pairs.size());
            perLabeler.add(boot.add(Bootstrap.statistic(4, (wt, o, off) -> System.arraycopy(single.compute(wt), 0, o, off, 4))));
        }
        fill.add(() -> {
            Bootstrap.Result r = result.value;
            String note = unit.length == 0 ? NO_DATA : CONSTANT;
            List<AlignmentReport.SingleLabeler> singles = new ArrayList<>();
            for (int l = 0; l < labelerPlans.size(); l++) {
                Bootstrap.Handle sh = perLabeler.get(l);
                String sn = perLabelerN.get(l) == 0 ? NO_DATA : CONSTANT;
                singles.add(new AlignmentReport.SingleLabeler(labelerPlans.get(l).name, perLabelerN.get(l),
                        r.estimate(sh.at(1), sn), r.estimate(sh.at(2), sn), r.estimate(sh.at(3), sn),
                        labelerPlans.get(l).looSpearman(r)));
            }
            Estimate spearman = r.estimate(h.at(1), note);
            List<double[]> scatter = new ArrayList<>();
            int step = Math.max(1, (unit.length + SCATTER_POINTS - 1) / SCATTER_POINTS);
            for (int k = 0; k < unit.length; k += step) {
                scatter.add(new double[] {y[k], x[k]});
            }
            out.put(evalName(e), new AestheticEvaluator(unit.length, spearman, r.estimate(h.at(2), note),
                    r.estimate(h.at(3), note), singles,
                    ceiling("spearman vs mean human score, against the typical labeler's leave-one-out spearman",
                            inter[0].typicalLabelerSpearman(), spearman), scatter));
        });
    }

    /** One labeler's labels, prepared for leave-one-out agreement and drift. */
    private final class LabelerPlan {
        final String name;
        final boolean simulated;
        final int[] codes;
        final double[] scores;
        final boolean[] scans;
        final double[] seconds;
        final List<String> phones;
        ScanScores looScan;
        PairedScores looScore;
        PairedScores drift;
        double slopePer100;
        Bootstrap.Handle handle;
        int looScanN;
        int looScoreN;

        LabelerPlan(int labeler, String name, boolean simulated) {
            this.name = name;
            this.simulated = simulated;
            List<int[]> idx = new ArrayList<>();
            TreeSet<String> phoneSet = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                List<HumanLabel> ls = labeled.get(i).labels();
                for (int k = 0; k < ls.size(); k++) {
                    if (ls.get(k).labeler() == labeler) {
                        idx.add(new int[] {i, k});
                    }
                }
            }
            codes = new int[idx.size()];
            scores = new double[idx.size()];
            scans = new boolean[idx.size()];
            seconds = new double[idx.size()];
            List<double[]> looS = new ArrayList<>();
            List<double[]> looA = new ArrayList<>();
            Map<Long, List<int[]>> sessions = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
            List<HumanLabel> mine = new ArrayList<>();
            for (int j = 0; j < idx.size(); j++) {
                int i = idx.get(j)[0];
                HumanLabel l = labeled.get(i).labels().get(idx.get(j)[1]);
                mine.add(l);
                codes[j] = i;
                scores[j] = l.aesthetic();
                scans[j] = l.scanned();
                seconds[j] = l.seconds();
                if (l.phoneModel() != null) {
                    phoneSet.add(l.phoneModel());
                }
                int others = labels[i] - 1;
                if (others > 0) {
                    int yesOthers = scanned[i] - (l.scanned() ? 1 : 0);
                    if (2 * yesOthers != others) {
                        looS.add(new double[] {l.scanned() ? 1 : 0, 2 * yesOthers > others ? 1 : 0, i});
                    }
                    looA.add(new double[] {l.aesthetic(), (humanAesthetic[i] * labels[i] - l.aesthetic()) / others, i});
                }
                sessions.computeIfAbsent(l.sessionId(), k -> new ArrayList<>()).add(new int[] {j});
            }
            phones = List.copyOf(phoneSet);
            looScanN = looS.size();
            looScoreN = looA.size();
            if (!looS.isEmpty()) {
                looScan = new ScanScores(looS.stream().mapToDouble(a -> a[0]).toArray(), toBool(looS),
                        looS.stream().mapToInt(a -> (int) a[2]).toArray());
            }
            looScore = new PairedScores(looA.stream().mapToDouble(a -> a[0]).toArray(),
                    looA.stream().mapToDouble(a -> a[1]).toArray(), looA.stream().mapToInt(a -> (int) a[2]).toArray());
            double[] position = new double[codes.length];
            int[] driftUnit = new int[codes.length];
            double[] driftScore = new double[codes.length];
            int j = 0;
            for (List<int[]> s : sessions.values()) {
                s.sort(Comparator.comparing(a -> mine.get(a[0]).submittedAt(),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
                for (int p = 0; p < s.size(); p++) {
                    int k = s.get(p)[0];
                    position[j] = p;
                    driftScore[j] = scores[k];
                    driftUnit[j++] = codes[k];
                }
            }
            drift = new PairedScores(position, driftScore, driftUnit);
            slopePer100 = 100 * slope(position, driftScore);
        }

        private boolean[] toBool(List<double[]> rows) {
            boolean[] b = new boolean[rows.size()];
            for (int k = 0; k < b.length; k++) {
                b[k] = rows.get(k)[1] == 1;
            }
            return b;
        }

        static final int WIDTH = 6;

        void compute(int[] wt, double[] o, int off) {
            {
                double total = 0;
                double yes = 0;
                double sum = 0;
                for (int k = 0; k < codes.length; k++) {
                    int w = w(wt, codes[k]);
                    total += w;
                    yes += scans[k] ? w : 0;
                    sum += w * scores[k];
                }
                o[off] = total == 0 ? Double.NaN : yes / total;
                o[off + 1] = total == 0 ? Double.NaN : sum / total;
                o[off + 2] = looScan == null ? Double.NaN : looScan.confusion(wt, 0.5).cohenKappa();
                o[off + 3] = looScore.spearman(wt);
                o[off + 4] = drift.spearman(wt);
                o[off + 5] = yes;
            }
        }

        Estimate looSpearman(Bootstrap.Result r) {
            return r.estimate(handle.at(3), looScoreN == 0 ? "no code shared with another labeler" : CONSTANT);
        }

        AlignmentReport.LabelerFigures figures(Bootstrap.Result r) {
            double mean = 0;
            for (double s : scores) {
                mean += s;
            }
            mean = codes.length == 0 ? Double.NaN : mean / codes.length;
            double ss = 0;
            for (double s : scores) {
                ss += (s - mean) * (s - mean);
            }
            Double sd = codes.length < 2 ? null : Math.sqrt(ss / (codes.length - 1));
            double[] secs = Arrays.stream(seconds).filter(Double::isFinite).sorted().toArray();
            Double median = secs.length == 0 ? null
                    : secs.length % 2 == 1 ? secs[secs.length / 2] : (secs[secs.length / 2 - 1] + secs[secs.length / 2]) / 2;
            int yes = 0;
            for (boolean b : scans) {
                yes += b ? 1 : 0;
            }
            return new AlignmentReport.LabelerFigures(name, simulated, codes.length,
                    r.proportion(handle.at(0), yes, codes.length, NO_DATA), r.estimate(handle.at(1), NO_DATA), sd, median,
                    r.estimate(handle.at(2), looScanN == 0 ? "no code where the other labelers have a clear majority" : ONE_CLASS),
                    looSpearman(r),
                    new AlignmentReport.Drift(finite(slopePer100), r.estimate(handle.at(4), CONSTANT)), phones);
        }
    }

    private static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= x.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx == 0 ? Double.NaN : sxy / sxx;
    }

    private List<LabelerPlan> labelerPlans(Bootstrap boot) {
        List<LabelerPlan> plans = new ArrayList<>();
        for (int l = 0; l < input.labelers().size(); l++) {
            AlignmentInput.LabelerRow row = input.labelers().get(l);
            LabelerPlan p = new LabelerPlan(l, row.name(), row.simulated());
            if (p.codes.length > 0) {
                plans.add(p);
            }
        }
        registerLabelers(boot, plans);
        return plans;
    }

    /** Observations of one slice: codes (or labels) with their human values, each tied to its code for the bootstrap. */
    private record SliceObs(int[] unit, double[] scan, double[] aesthetic) {
    }

    private void slices(Bootstrap boot, Holder<Bootstrap.Result> result, List<Runnable> fill,
                        Holder<AlignmentReport.Slices> out) {
        TreeSet<String> paramNames = new TreeSet<>();
        for (CodeRow c : labeled) {
            paramNames.addAll(c.numericParams().keySet());
        }
        Map<String, List<Supplier<AlignmentReport.Slice>>> params = new TreeMap<>();
        Map<String, double[]> paramValues = new HashMap<>();
        Map<String, List<Bin>> paramBins = new HashMap<>();
        for (String p : paramNames) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                Double x = labeled.get(i).numericParams().get(p);
                v[i] = x == null ? Double.NaN : x;
            }
            List<Bin> bins = bins(v);
            if (bins.size() < 2) {
                continue;
            }
            paramValues.put(p, v);
            paramBins.put(p, bins);
            List<Supplier<AlignmentReport.Slice>> list = new ArrayList<>();
            for (Bin b : bins) {
                list.add(slice(boot, result, b, codeObs(i -> b.contains(v[i]))));
            }
            params.put(p, list);
        }
        List<String> usable = new ArrayList<>(paramValues.keySet());
        usable.sort(null);
        String gx = usable.contains("strength") ? "strength" : usable.isEmpty() ? null : usable.get(0);
        String gy = usable.contains("guidance_end") && !"guidance_end".equals(gx) ? "guidance_end"
                : usable.stream().filter(p -> !p.equals(gx)).findFirst().orElse(null);
        List<List<Supplier<AlignmentReport.Slice>>> cells = new ArrayList<>();
        if (gx != null && gy != null) {
            double[] vx = paramValues.get(gx);
            double[] vy = paramValues.get(gy);
            for (Bin bx : paramBins.get(gx)) {
                List<Supplier<AlignmentReport.Slice>> row = new ArrayList<>();
                for (Bin by : paramBins.get(gy)) {
                    row.add(slice(boot, result, new Bin(bx.label + " x " + by.label, null, null, false),
                            codeObs(i -> bx.contains(vx[i]) && by.contains(vy[i]))));
                }
                cells.add(row);
            }
        }
        double[] urlLength = new double[n];
        for (int i = 0; i < n; i++) {
            urlLength[i] = labeled.get(i).url() == null ? Double.NaN : labeled.get(i).url().length();
        }
        List<Supplier<AlignmentReport.Slice>> url = new ArrayList<>();
        for (Bin b : bins(urlLength)) {
            url.add(slice(boot, result, b, codeObs(i -> b.contains(urlLength[i]))));
        }
        List<Supplier<AlignmentReport.Slice>> byLabeler = new ArrayList<>();
        for (int l = 0; l < input.labelers().size(); l++) {
            int li = l;
            SliceObs obs = labelObs(h -> h.labeler() == li);
            if (obs.unit.length > 0) {
                byLabeler.add(slice(boot, result, new Bin(input.labelers().get(l).name(), null, null, false), obs));
            }
        }
        TreeSet<String> phones = new TreeSet<>();
        for (CodeRow c : labeled) {
            for (HumanLabel h : c.labels()) {
                phones.add(h.phoneModel() == null ? "unknown" : h.phoneModel());
            }
        }
        List<Supplier<AlignmentReport.Slice>> byPhone = new ArrayList<>();
        for (String phone : phones) {
            byPhone.add(slice(boot, result, new Bin(phone, null, null, false),
                    labelObs(h -> phone.equals(h.phoneModel() == null ? "unknown" : h.phoneModel()))));
        }
        fill.add(() -> {
            Map<String, List<AlignmentReport.Slice>> p = new TreeMap<>();
            params.forEach((k, v) -> p.put(k, v.stream().map(Supplier::get).toList()));
            AlignmentReport.Grid grid = null;
            if (gx != null && gy != null) {
                grid = new AlignmentReport.Grid(gx, gy, paramBins.get(gx).stream().map(b -> b.label).toList(),
                        paramBins.get(gy).stream().map(b -> b.label).toList(),
                        cells.stream().map(r -> r.stream().map(Supplier::get).toList()).toList());
            }
            out.value = new AlignmentReport.Slices(p, grid, url.stream().map(Supplier::get).toList(),
                    byLabeler.stream().map(Supplier::get).toList(), byPhone.stream().map(Supplier::get).toList());
        });
    }

    /** A bin of a numeric value: [lo, hi), or [lo, hi] when last; a single value when lo == hi. */
    private record Bin(String label, Double lo, Double hi, boolean closed) {
        boolean contains(double v) {
            if (Double.isNaN(v)) {
                return false;
            }
            return v >= lo && (closed ? v <= hi : v < hi);
        }
    }

    /** One bin per value when there are few distinct values, else equal-width bins. */
    static List<Bin> bins(double[] values) {
        TreeSet<Double> distinct = new TreeSet<>();
        for (double v : values) {
            if (!Double.isNaN(v)) {
                distinct.add(v);
            }
        }
        List<Bin> out = new ArrayList<>();
        if (distinct.size() <= MAX_DISTINCT_AS_BINS) {
            for (double v : distinct) {
                out.add(new Bin(format(v), v, v, true));
            }
            return out;
        }
        double lo = distinct.first();
        double hi = distinct.last();
        double width = (hi - lo) / NUMERIC_BINS;
        for (int b = 0; b < NUMERIC_BINS; b++) {
            double a = lo + b * width;
            double z = b == NUMERIC_BINS - 1 ? hi : lo + (b + 1) * width;
            boolean last = b == NUMERIC_BINS - 1;
            out.add(new Bin("[" + format(a) + ", " + format(z) + (last ? "]" : ")"), a, z, last));
        }
        return out;
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private SliceObs codeObs(java.util.function.IntPredicate in) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (in.test(i)) {
                idx.add(i);
            }
        }
        int[] unit = idx.stream().mapToInt(Integer::intValue).toArray();
        double[] scan = new double[unit.length];
        double[] aes = new double[unit.length];
        for (int k = 0; k < unit.length; k++) {
            scan[k] = truth[unit[k]];
            aes[k] = humanAesthetic[unit[k]];
        }
        return new SliceObs(unit, scan, aes);
    }

    private SliceObs labelObs(java.util.function.Predicate<HumanLabel> in) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (HumanLabel h : labeled.get(i).labels()) {
                if (in.test(h)) {
                    rows.add(new double[] {i, h.scanned() ? 1 : 0, h.aesthetic()});
                }
            }
        }
        return new SliceObs(rows.stream().mapToInt(a -> (int) a[0]).toArray(),
                rows.stream().mapToDouble(a -> a[1]).toArray(), rows.stream().mapToDouble(a -> a[2]).toArray());
    }

    private Supplier<AlignmentReport.Slice> slice(Bootstrap boot, Holder<Bootstrap.Result> result, Bin bin, SliceObs obs) {
        int evals = input.evaluators().size();
        int m = obs.unit.length;
        double[][] prob = new double[evals][m];
        double[][] aes = new double[evals][m];
        for (int e = 0; e < evals; e++) {
            for (int k = 0; k < m; k++) {
                prob[e][k] = labeled.get(obs.unit[k]).scanProb()[e];
                aes[e][k] = labeled.get(obs.unit[k]).aesthetic()[e];
            }
        }
        double t = options.threshold();
        int[] sEvals = scanEvals;
        int[] aEvals = aestheticEvals;
        byte[][] outcome = new byte[sEvals.length][m];
        for (int j = 0; j < sEvals.length; j++) {
            for (int k = 0; k < m; k++) {
                outcome[j][k] = outcome(prob[sEvals[j]][k], obs.scan[k], t);
            }
        }
        int width = 4 + 5 * evals;
        Bootstrap.Handle h = boot.add(Bootstrap.statistic(width, (wt, o, off) -> {
            double total = 0;
            double decided = 0;
            double yes = 0;
            double aesSum = 0;
            // Per scan evaluator, weight by outcome class (see outcome()); per aesthetic evaluator, count and sum.
            double[] classes = new double[7 * sEvals.length];
            double[] scores = new double[2 * aEvals.length];
            for (int k = 0; k < m; k++) {
                int w = w(wt, obs.unit[k]);
                if (w == 0) {
                    continue;
                }
                double scan = obs.scan[k];
                total += w;
                if (!Double.isNaN(scan)) {
                    decided += w;
                    yes += w * scan;
                }
                aesSum += w * obs.aesthetic[k];
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
            o[off + 1] = total == 0 ? Double.NaN : aesSum / total;
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
        return () -> {
            Bootstrap.Result r = result.value;
            Map<String, AlignmentReport.SliceEvaluator> evs = new TreeMap<>();
            for (int e = 0; e < evals; e++) {
                int base = 4 + 5 * e;
                boolean hasScan = contains(scanEvals, e);
                evs.put(evalName(e), new AlignmentReport.SliceEvaluator(
                        hasScan ? r.proportion(h.at(base), r.point(h.at(base + 3)), r.point(h.at(base + 4)), NO_DATA) : null,
                        hasScan ? r.estimate(h.at(base + 1), m == 0 ? NO_DATA : ONE_CLASS) : null,
                        contains(aestheticEvals, e) ? r.estimate(h.at(base + 2), NO_DATA) : null));
            }
            return new AlignmentReport.Slice(bin.label, bin.lo, bin.hi, m,
                    r.proportion(h.at(0), r.point(h.at(2)), r.point(h.at(3)), NO_DATA),
                    r.estimate(h.at(1), NO_DATA), evs);
        };
    }

    /**
     * An observation's outcome class for one scan evaluator: 0 no probability; 1 passes and scans (tp),
     * 2 passes and fails (fp), 3 passes on a tie; 4 fails and scans (fn), 5 fails and fails (tn), 6 fails on a tie.
     */
    private static byte outcome(double p, double scan, double threshold) {
        if (Double.isNaN(p)) {
            return 0;
        }
        int base = p >= threshold ? 1 : 4;
        return (byte) (base + (scan == 1 ? 0 : scan == 0 ? 1 : 2));
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private AlignmentReport.BestOfN bestOfN() {
        Map<Long, List<Integer>> byPair = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(truth[i])) {
                byPair.computeIfAbsent(labeled.get(i).pairId(), k -> new ArrayList<>()).add(i);
            }
        }
        List<List<Integer>> pairs = byPair.values().stream().filter(l -> l.size() >= 2).toList();
        Integer aesIndex = options.aesthetic() == null ? null : input.evaluators().indexOf(options.aesthetic());
        String rule = "passes the threshold first, then "
                + (aesIndex == null ? "" : "higher " + options.aesthetic() + " aesthetic score, then ")
                + "higher scan probability; ties broken at random";
        Bootstrap boot = new Bootstrap(pairs.size(), options.bootstrap(), options.seed(), options.confidence());
        Map<String, List<Supplier<AlignmentReport.BestOfNPoint>>> plans = new TreeMap<>();
        Holder<Bootstrap.Result> result = new Holder<>();
        int maxAll = 0;
        for (int e : scanEvals) {
            List<double[][]> groups = new ArrayList<>();
            int[] sizes = new int[pairs.size()];
            double[] positives = new double[pairs.size()];
            int maxN = 0;
            for (int p = 0; p < pairs.size(); p++) {
                List<Integer> cand = new ArrayList<>();
                for (int i : pairs.get(p)) {
                    if (!Double.isNaN(labeled.get(i).scanProb()[e])) {
                        cand.add(i);
                    }
                }
                groups.add(rankGroups(cand, e, aesIndex));
                sizes[p] = cand.size();
                for (int i : cand) {
                    positives[p] += truth[i];
                }
                maxN = Math.max(maxN, sizes[p] >= 2 ? sizes[p] : 0);
            }
            maxAll = Math.max(maxAll, maxN);
            List<Supplier<AlignmentReport.BestOfNPoint>> points = new ArrayList<>();
            for (int size = 1; size <= maxN; size++) {
                int nn = size;
                double[][] v = new double[pairs.size()][];
                int count = 0;
                for (int p = 0; p < pairs.size(); p++) {
                    if (sizes[p] >= nn && sizes[p] >= 2) {
                        v[p] = new double[] {BestOfN.evalPick(groups.get(p), nn), positives[p] / sizes[p],
                                BestOfN.oracle(sizes[p], (int) positives[p], nn)};
                        count++;
                    }
                }
                int pairCount = count;
                Bootstrap.Handle h = boot.add(Bootstrap.statistic(3, (wt, o, off) -> {
                    double total = 0;
                    double[] s = new double[3];
                    for (int p = 0; p < v.length; p++) {
                        if (v[p] == null) {
                            continue;
                        }
                        int w = w(wt, p);
                        total += w;
                        for (int k = 0; k < 3; k++) {
                            s[k] += w * v[p][k];
                        }
                    }
                    for (int k = 0; k < 3; k++) {
                        o[off + k] = total == 0 ? Double.NaN : s[k] / total;
                    }
                }));
                points.add(() -> new AlignmentReport.BestOfNPoint(nn, pairCount,
                        result.value.estimate(h.at(0), NO_DATA), result.value.estimate(h.at(1), NO_DATA),
                        result.value.estimate(h.at(2), NO_DATA)));
            }
            plans.put(evalName(e), points);
        }
        result.value = boot.run();
        Map<String, List<AlignmentReport.BestOfNPoint>> out = new TreeMap<>();
        plans.forEach((k, v) -> out.put(k, v.stream().map(Supplier::get).toList()));
        return new AlignmentReport.BestOfN(pairs.size(), maxAll, "exact expectation over all N-subsets (closed form)",
                rule, "pair", out);
    }

    /** A pair's candidates grouped by equal rank, best first, as human truth values. */
    private double[][] rankGroups(List<Integer> cand, int e, Integer aesIndex) {
        double t = options.threshold();
        Comparator<Integer> better = Comparator.comparing((Integer i) -> labeled.get(i).scanProb()[e] >= t)
                .thenComparing(i -> aesIndex == null ? 0.0 : nanLow(labeled.get(i).aesthetic()[aesIndex]))
                .thenComparing(i -> labeled.get(i).scanProb()[e]).reversed();
        List<Integer> sorted = new ArrayList<>(cand);
        sorted.sort(better);
        List<double[]> groups = new ArrayList<>();
        int start = 0;
        for (int k = 1; k <= sorted.size(); k++) {
            if (k == sorted.size() || better.compare(sorted.get(start), sorted.get(k)) != 0) {
                double[] g = new double[k - start];
                for (int j = start; j < k; j++) {
                    g[j - start] = truth[sorted.get(j)];
                }
                groups.add(g);
                start = k;
            }
        }
        return groups.toArray(new double[0][]);
    }

    private static double nanLow(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    private AlignmentReport.Disagreements disagreements() {
        Map<String, List<AlignmentReport.Disagreement>> scan = new TreeMap<>();
        for (int e : scanEvals) {
            List<AlignmentReport.Disagreement> d = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double p = labeled.get(i).scanProb()[e];
                if (!Double.isNaN(p)) {
                    double frac = (double) scanned[i] / labels[i];
                    d.add(disagreement(i, p, Double.NaN, Math.abs(p - frac)));
                }
            }
            scan.put(evalName(e), worst(d));
        }
        Map<String, List<AlignmentReport.Disagreement>> aes = new TreeMap<>();
        for (int e : aestheticEvals) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(labeled.get(i).aesthetic()[e])) {
                    idx.add(i);
                }
            }
            double[] ev = idx.stream().mapToDouble(i -> labeled.get(i).aesthetic()[e]).toArray();
            double[] hv = idx.stream().mapToDouble(i -> humanAesthetic[i]).toArray();
            double[] re = percentileRanks(ev);
            double[] rh = percentileRanks(hv);
            List<AlignmentReport.Disagreement> d = new ArrayList<>();
            for (int k = 0; k < idx.size(); k++) {
                int i = idx.get(k);
                d.add(disagreement(i, labeled.get(i).scanProb()[e], ev[k], Math.abs(re[k] - rh[k])));
            }
            aes.put(evalName(e), worst(d));
        }
        return new AlignmentReport.Disagreements(scan, aes);
    }

    /** Ranks scaled to [0, 1] (average ranks for ties), so eval and human scales compare. */
    private static double[] percentileRanks(double[] v) {
        double[] r = new double[v.length];
        if (v.length < 2) {
            return r;
        }
        int[] order = Ranks.orderAscending(v);
        double[] ones = new double[v.length];
        Arrays.fill(ones, 1);
        Ranks.averageRanks(order, Ranks.groupStarts(v, order), ones, r);
        for (int i = 0; i < r.length; i++) {
            r[i] = (r[i] - 1) / (v.length - 1);
        }
        return r;
    }

    private AlignmentReport.Disagreement disagreement(int i, double prob, double evalAes, double gap) {
        CodeRow c = labeled.get(i);
        return new AlignmentReport.Disagreement(c.id(), c.pairId(), c.imagePath(), c.prompt(), c.url(), labels[i],
                (double) scanned[i] / labels[i], finite(prob), humanAesthetic[i], finite(evalAes), gap);
    }

    private static List<AlignmentReport.Disagreement> worst(List<AlignmentReport.Disagreement> d) {
        return d.stream().sorted(Comparator.comparingDouble(AlignmentReport.Disagreement::gap).reversed()
                .thenComparing(AlignmentReport.Disagreement::codeId)).limit(DISAGREEMENTS).toList();
    }

    private List<AlignmentReport.CodeFigures> codeFigures() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(labeled.get(i).id(), i);
        }
        List<AlignmentReport.CodeFigures> out = new ArrayList<>(input.codes().size());
        for (CodeRow c : input.codes()) {
            Integer i = index.get(c.id());
            out.add(new AlignmentReport.CodeFigures(c.id(), c.pairId(), c.imagePath(), c.prompt(), c.url(),
                    i == null ? 0 : labels[i], i == null ? 0 : scanned[i],
                    i == null || Double.isNaN(truth[i]) ? null : (int) truth[i],
                    i == null ? null : humanAesthetic[i], c.scanProb(), c.aesthetic()));
        }
        return out;
    }

    /**
     * Numeric generation parameters of the labeled codes that take at least two bins, sorted: the axes a toast
     * plot may use (the report's slices leave out the same constant ones).
     */
    public List<String> numericParams() {
        TreeSet<String> names = new TreeSet<>();
        for (CodeRow c : labeled) {
            names.addAll(c.numericParams().keySet());
        }
        List<String> usable = new ArrayList<>();
        for (String name : names) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                Double x = labeled.get(i).numericParams().get(name);
                v[i] = x == null ? Double.NaN : x;
            }
            if (bins(v).size() >= 2) {
                usable.add(name);
            }
        }
        return usable;
    }

    /**
     * Point figures over two parameters, binned as the report bins them, with each cell's codes: what the
     * dashboard's toast plot shows for any pair of parameters the engineer picks.
     */
    public ParameterGrid grid(String x, String y) {
        if (!numericParams().contains(x) || !numericParams().contains(y)) {
            throw new IllegalArgumentException("no numeric generation parameter " + (numericParams().contains(x) ? y : x)
                    + " with two or more values (have: " + String.join(", ", numericParams()) + ")");
        }
        double[] vx = new double[n];
        double[] vy = new double[n];
        for (int i = 0; i < n; i++) {
            Double a = labeled.get(i).numericParams().get(x);
            Double b = labeled.get(i).numericParams().get(y);
            vx[i] = a == null ? Double.NaN : a;
            vy[i] = b == null ? Double.NaN : b;
        }
        List<Bin> bx = bins(vx);
        List<Bin> by = bins(vy);
        List<String> scanNames = scanEvaluators();
        List<List<ParameterGrid.Cell>> rows = new ArrayList<>();
        for (Bin rx : bx) {
            List<ParameterGrid.Cell> row = new ArrayList<>();
            for (Bin cy : by) {
                List<String> ids = new ArrayList<>();
                int majority = 0;
                int scannedCodes = 0;
                double aestheticSum = 0;
                int aestheticN = 0;
                int[] passes = new int[scanEvals.length];
                int[] scored = new int[scanEvals.length];
                double[] evalAesthetic = new double[aestheticEvals.length];
                int[] evalAestheticN = new int[aestheticEvals.length];
                for (int i = 0; i < n; i++) {
                    if (!rx.contains(vx[i]) || !cy.contains(vy[i])) {
                        continue;
                    }
                    ids.add(labeled.get(i).id());
                    if (!Double.isNaN(truth[i])) {
                        majority++;
                        scannedCodes += truth[i] == 1 ? 1 : 0;
                    }
                    if (!Double.isNaN(humanAesthetic[i])) {
                        aestheticSum += humanAesthetic[i];
                        aestheticN++;
                    }
                    for (int k = 0; k < scanEvals.length; k++) {
                        double p = labeled.get(i).scanProb()[scanEvals[k]];
                        if (!Double.isNaN(p)) {
                            scored[k]++;
                            passes[k] += p >= options.threshold() ? 1 : 0;
                        }
                    }
                    for (int k = 0; k < aestheticEvals.length; k++) {
                        double a = labeled.get(i).aesthetic()[aestheticEvals[k]];
                        if (!Double.isNaN(a)) {
                            evalAesthetic[k] += a;
                            evalAestheticN[k]++;
                        }
                    }
                }
                java.util.Map<String, Double> evalRate = new java.util.LinkedHashMap<>();
                for (int k = 0; k < scanEvals.length; k++) {
                    if (scored[k] > 0) {
                        evalRate.put(scanNames.get(k), (double) passes[k] / scored[k]);
                    }
                }
                java.util.Map<String, Double> evalMean = new java.util.LinkedHashMap<>();
                for (int k = 0; k < aestheticEvals.length; k++) {
                    if (evalAestheticN[k] > 0) {
                        evalMean.put(evalName(aestheticEvals[k]), evalAesthetic[k] / evalAestheticN[k]);
                    }
                }
                row.add(new ParameterGrid.Cell(ids.size(), majority == 0 ? null : (double) scannedCodes / majority,
                        evalRate, aestheticN == 0 ? null : aestheticSum / aestheticN, evalMean, ids));
            }
            rows.add(row);
        }
        return new ParameterGrid(x, y, bx.stream().map(Bin::label).toList(), by.stream().map(Bin::label).toList(),
                scanNames, rows);
    }
}
