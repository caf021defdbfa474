package org.qartalign.alignment;

import org.qartalign.alignment.AlignmentInput.CodeRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes an {@link AlignmentReport} from an {@link AlignmentInput}. The labeled codes are prepared once
 * ({@link LabeledCodes}); each report part is its own object that registers its statistics on one bootstrap over
 * codes and, after the single run, builds its records from the result. Best-of-N bootstraps over pairs instead.
 * A new report section is one new class constructed and filled here.
 */
public final class AlignmentEngine {
    private final LabeledCodes codes;
    private final ParameterBins params;

    /** An engine whose bootstraps run on the calling thread. */
    public AlignmentEngine(AlignmentInput input, ReportOptions options) {
        this(input, options, BootstrapWorkers.sameThread());
    }

    public AlignmentEngine(AlignmentInput input, ReportOptions options, BootstrapWorkers workers) {
        codes = new LabeledCodes(input, options, workers);
        params = new ParameterBins(codes, options.sliceParams());
    }

    /** Scan evaluator names, in report order. */
    public List<String> scanEvaluators() {
        return codes.scanEvaluatorNames();
    }

    /**
     * The confusion matrix of a scan evaluator against human majority truth at another threshold, in O(log n)
     * (counts are cumulated once): what a threshold slider calls.
     */
    public Confusion confusionAt(String evaluator, double threshold) {
        ScanScores s = codes.scanScores.get(codes.input.evaluators().indexOf(evaluator));
        if (s == null) {
            throw new IllegalArgumentException("no scan probabilities from evaluator " + evaluator);
        }
        return s.confusionAt(threshold);
    }

    public AlignmentReport report() {
        ReportOptions options = codes.options;
        AlignmentInput input = codes.input;
        Bootstrap boot = codes.bootstrap(codes.n);
        HumanScanSection human = new HumanScanSection(codes, boot);
        LabelerSection labelers = new LabelerSection(codes, boot);
        InterRaterSection inter = new InterRaterSection(codes, labelers, boot);
        List<ScanEvaluatorSection> scanEvals = new ArrayList<>();
        for (int e : codes.scanEvals) {
            scanEvals.add(new ScanEvaluatorSection(codes, e, boot));
        }
        List<AestheticEvaluatorSection> aestheticEvals = new ArrayList<>();
        for (int e : codes.aestheticEvals) {
            aestheticEvals.add(new AestheticEvaluatorSection(codes, e, labelers, boot));
        }
        SliceSection slices = new SliceSection(codes, params, boot);

        Bootstrap.Result r = boot.run();

        AlignmentReport.ScanInterRater scanInter = inter.fillScan(r);
        AlignmentReport.AestheticInterRater aesInter = inter.fillAesthetic(r);
        Map<String, AlignmentReport.ScanEvaluator> scanFigures = new TreeMap<>();
        for (ScanEvaluatorSection s : scanEvals) {
            scanFigures.put(s.name(), s.fill(r, scanInter));
        }
        Map<String, AlignmentReport.AestheticEvaluator> aesFigures = new TreeMap<>();
        for (AestheticEvaluatorSection a : aestheticEvals) {
            aesFigures.put(a.name(), a.fill(r, aesInter));
        }
        return new AlignmentReport(settings(), dataset(),
                new AlignmentReport.Scan(human.fill(r), scanInter, scanFigures),
                new AlignmentReport.Aesthetic(aesInter, aesFigures),
                new BestOfNSection(codes).compute(), slices.fill(r), labelers.fill(r),
                new DisagreementSection(codes).compute(), codeFigures(), QrGradeSection.compute(codes));
    }

    private AlignmentReport.Settings settings() {
        ReportOptions o = codes.options;
        return new AlignmentReport.Settings(o.bootstrap(), o.seed(), o.threshold(), o.confidence(),
                codes.input.evaluators(), o.aesthetic(), o.excludeSimulated(), "code", params.selected());
    }

    private AlignmentReport.Dataset dataset() {
        AlignmentInput input = codes.input;
        int twoOrMore = 0;
        int labelCount = 0;
        int retests = 0;
        for (int i = 0; i < codes.n; i++) {
            twoOrMore += codes.labels[i] >= 2 ? 1 : 0;
            labelCount += codes.labels[i];
            retests += codes.row(i).retests().size();
        }
        int simulated = 0;
        for (AlignmentInput.LabelerRow l : input.labelers()) {
            simulated += l.simulated() ? 1 : 0;
        }
        return new AlignmentReport.Dataset(input.pairs(), input.codes().size(), codes.n, labelCount,
                input.labelers().size(), simulated, input.simulatedIncluded(), input.simulatedLabelsExcluded(),
                retests, twoOrMore, input.evaluators());
    }

    /** Every code of the dataset, labeled or not, with its human and eval values: the CSV's rows. */
    private List<AlignmentReport.CodeFigures> codeFigures() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < codes.n; i++) {
            index.put(codes.row(i).id(), i);
        }
        List<AlignmentReport.CodeFigures> out = new ArrayList<>(codes.input.codes().size());
        for (CodeRow c : codes.input.codes()) {
            Integer i = index.get(c.id());
            out.add(new AlignmentReport.CodeFigures(c.id(), c.pairId(), c.imagePath(), c.prompt(), c.url(),
                    i == null ? 0 : codes.labels[i], i == null ? 0 : codes.scanned[i],
                    i == null || Double.isNaN(codes.truth[i]) ? null : (int) codes.truth[i],
                    i == null ? null : LabeledCodes.finite(codes.humanAesthetic[i]), c.scanProb(), c.aesthetic(),
                    i == null ? 0 : codes.scanLabels[i]));
        }
        return out;
    }

    /**
     * The parameters the report slices by, and so the toast plot's axes: the user's choice ({@link
     * ReportOptions#sliceParams()}) in order, else every numeric generation parameter that takes two or more bins
     * and is not an id or a seed, sorted.
     */
    public List<String> numericParams() {
        return params.selected();
    }

    /** Every numeric generation parameter with two or more bins, ids and seeds too: what a user may choose from. */
    public List<String> varyingParams() {
        return params.varying();
    }

    /** The toast plot's default rows (x) and columns (y), as the report's grid uses them; null without two axes. */
    public List<String> defaultGridAxes() {
        String[] a = params.defaultAxes(!codes.options.sliceParams().isEmpty());
        return a == null ? null : List.of(a[0], a[1]);
    }

    /**
     * Point figures over two parameters, binned as the report bins them, with each cell's codes: what the
     * dashboard's toast plot shows for any pair of parameters the engineer picks.
     */
    public ParameterGrid grid(String x, String y) {
        return new ParameterGridSection(codes, params).grid(x, y);
    }
}
