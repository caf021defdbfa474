package org.qartalign.alignment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/**
 * The alignment report: what the CLI writes as JSON/HTML/CSV and what the dashboard shows, so both read the
 * same numbers. JSON keys are the snake_case forms of the component names.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AlignmentReport(Settings settings, Dataset dataset, Scan scan, Aesthetic aesthetic, BestOfN bestOfN,
                              Slices slices, List<LabelerFigures> labelers, Disagreements disagreements,
                              @JsonIgnore List<CodeFigures> codes, QrGradeSection.Separation qrGrade) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Settings(int bootstrap, long seed, double threshold, double confidence, List<String> evaluators,
                           String aesthetic, boolean excludeSimulated, String bootstrapUnit, List<String> sliceParams) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Dataset(int pairs, int codes, int labeledCodes, int labels, int labelers, int simulatedLabelers,
                          boolean simulatedIncluded, int simulatedLabelsExcluded, int retestLabels,
                          int codesWithTwoOrMoreLabels, List<String> evaluators) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Scan(HumanScan human, ScanInterRater interRater, Map<String, ScanEvaluator> evaluators) {
    }

    /** Human scan truth: the majority of each code's labelers; ties are counted and left out. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record HumanScan(int codes, int ties, Estimate scanRate, int labels, Estimate labelScanRate,
                            TestRetest testRetest) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TestRetest(int pairs, Estimate scanAgreement, Estimate scoreSpearman) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ScanInterRater(int codes, Estimate percentAgreement, Estimate krippendorffAlphaNominal,
                                 Estimate fleissKappa, Estimate gwetAc1, Estimate typicalLabelerKappa) {
    }

    /** {@code falsePassRate}: of the codes people could not scan, the share the eval passes (fp / (fp + tn)). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ScanEvaluator(int n, Counts confusion, Estimate accuracy, Estimate precision, Estimate recall,
                                Estimate specificity, Estimate f1, Estimate cohenKappa, Estimate mcc,
                                Estimate rocAuc, Estimate brier, Estimate ece, Estimate evalScanRate,
                                Estimate humanScanRate, Estimate falsePassRate, List<CalibrationBin> calibration,
                                List<ScanScores.RocPoint> rocCurve, ThresholdAdvice thresholdAdvice,
                                Ceiling ceiling) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Counts(long tp, long fp, long tn, long fn) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CalibrationBin(double lo, double hi, int n, Double meanProb, Double humanScanRate,
                                 Estimate.Interval wilson) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ThresholdAdvice(ThresholdChoice maxKappa, ThresholdChoice youdenJ,
                                  @JsonProperty("precision_95") ThresholdChoice precision95) {
    }

    /** What predicting "scans" at probability >= threshold gives; a null threshold has a note saying why. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ThresholdChoice(Double threshold, Double cohenKappa, Double youdenJ, Double precision,
                                  Double recall, Double specificity, Double passRate,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
    }

    /** How close an eval comes to the agreement between people, the most it can be expected to reach. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Ceiling(String measure, Double human, Double eval, Double ratio,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
        /** The eval's agreement as a share of the humans'; no ratio when either is undefined or humans are at chance. */
        static Ceiling of(String measure, Estimate human, Estimate eval) {
            if (!human.defined() || !eval.defined()) {
                return new Ceiling(measure, human.value(), eval.value(), null, !human.defined()
                        ? "human agreement undefined: " + human.note() : "eval agreement undefined: " + eval.note());
            }
            if (human.value() <= 0) {
                return new Ceiling(measure, human.value(), eval.value(), null,
                        "humans agree no better than chance, so there is no ceiling to compare with");
            }
            return new Ceiling(measure, human.value(), eval.value(), eval.value() / human.value(), null);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Aesthetic(AestheticInterRater interRater, Map<String, AestheticEvaluator> evaluators) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AestheticInterRater(int codes, Estimate krippendorffAlphaInterval,
                                      Estimate krippendorffAlphaOrdinal, Estimate typicalLabelerSpearman) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AestheticEvaluator(int n, Estimate spearman, Estimate kendallTauB, Estimate pearson,
                                     List<SingleLabeler> perLabeler, Ceiling ceiling, List<double[]> scatter) {
    }

    /** The eval against one labeler's own scores, next to that labeler against the mean of the others. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SingleLabeler(String labeler, int n, Estimate spearman, Estimate kendallTauB, Estimate pearson,
                                Estimate labelerVsOthersSpearman) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BestOfN(int pairs, int maxN, String method, String selectionRule, String bootstrapUnit,
                          Map<String, List<BestOfNPoint>> evaluators) {
    }

    /** Human scan rate of the code picked among N candidates, averaged over pairs with at least N codes. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BestOfNPoint(int n, int pairs, Estimate evalPick, Estimate randomPick, Estimate oracle) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Slices(Map<String, List<Slice>> params, Grid grid, List<Slice> urlLength, List<Slice> labeler,
                         List<Slice> phoneModel) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    /**
     * One slice: {@code n} codes (or labels, for labeler and phone slices); the human scan rate is over the
     * {@code humanScanN} of them with a majority, the {@code ties} left out.
     */
    @JsonPropertyOrder({"label", "lo", "hi", "n", "human_scan_n", "ties", "human_scan_rate", "mean_human_aesthetic",
        "evaluators"})
    public record Slice(String label, Double lo, Double hi, int n, Estimate humanScanRate,
                        Estimate meanHumanAesthetic, Map<String, SliceEvaluator> evaluators, int humanScanN, int ties) {
    }

    /** An evaluator's figures in a slice; a figure the evaluator does not give (no scan probability) is left out. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SliceEvaluator(Estimate evalScanRate, Estimate cohenKappa, Estimate meanAesthetic) {
    }

    /** A two-parameter grid (the "toast plot"): cells[i][j] is x bin i, y bin j. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Grid(String x, String y, List<String> xBins, List<String> yBins, List<List<Slice>> cells) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LabelerFigures(String name, boolean simulated, int labels, Estimate scanRate, Estimate meanScore,
                                 Double scoreSd, Double medianSecondsPerCode, Estimate leaveOneOutKappa,
                                 Estimate leaveOneOutSpearman, Drift scoreDrift, List<String> phoneModels) {
    }

    /** Score against position in the labeler's session (0, 1, 2, ...), sessions pooled. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Drift(@JsonProperty("slope_per_100_codes") Double slopePer100Codes, Estimate spearman) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Disagreements(Map<String, List<Disagreement>> scan, Map<String, List<Disagreement>> aesthetic) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Disagreement(String codeId, long pairId, String imagePath, String prompt, String url,
                               int humanLabels, Double humanScanFraction, Double evalScanProb,
                               Double humanAesthetic, Double evalAesthetic, double gap) {
    }

    /** One row of the CSV: a code's human and eval values. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CodeFigures(String codeId, long pairId, String imagePath, String prompt, String url, int labels,
                              int scanned, Integer humanScan, Double humanAesthetic, double[] scanProb,
                              double[] aesthetic, int scanLabels) {
    }
}
