package org.qartalign.eval;

import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.core.Labeler;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.EvalResultRepository;
import org.qartalign.store.Json;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Learns {@code learned-scan} from this database's human scan answers: the features of {@link ScanFeatures}, a
 * {@link ScanModel} per cross-validation fold for the labeled codes' out-of-fold probabilities, and one fitted on
 * every labeled code for the rest. Saves the model and its card beside the database ({@link LearnedModels}) and
 * every code's probability in the eval table.
 */
public final class ScanTraining {
    public static final String NAME = "learned-scan";
    static final String KIND = "learned-scan";
    static final String WEIGHTS_FILE = "weights.json";
    /** Codes of each class (human majority scanned / not scanned) needed before training. */
    public static final int MIN_PER_CLASS = 10;

    /** @param c the inverse L2 penalty, as scikit-learn's {@code C} */
    public record Settings(int folds, long seed, double c) {
        public Settings {
            if (folds < 2) {
                throw new IllegalArgumentException("--folds must be at least 2, not " + folds);
            }
            if (!(c > 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("-C must be a positive number, not " + c);
            }
        }

        public static Settings defaults() {
            return new Settings(5, 1, 1.0);
        }
    }

    /** One labeled code's probability from the model of the fold that left it out. */
    public record HeldOut(String imageSha256, int fold, double probability) {
    }

    /** What {@code weights.json} holds: the full fit and every labeled code's out-of-fold probability. */
    public record Saved(ScanModel fullFit, Map<String, HeldOut> outOfFold) {
        public String version() {
            return "lr-" + org.qartalign.core.CodeImages.sha256(Json.write(this).getBytes(StandardCharsets.UTF_8))
                    .substring(0, 12);
        }
    }

    /** @param sources per source scan evaluator, its own scan probability's figures on the same labeled codes */
    public record Report(Path folder, String version, int labeledCodes, int labels, int simulatedLabels,
                         int positives, int negatives, int ties, int scoredCodes, List<String> features,
                         ScanValidation.Figures crossValidated, Map<String, ScanValidation.Figures> sources,
                         int labeledWithoutResults) {
    }

    private ScanTraining() {
    }

    public static Report run(Database db, Settings settings, Consumer<String> progress, AtomicBoolean cancel)
            throws IOException {
        Map<Long, Boolean> simulatedLabeler = new HashMap<>();
        for (Labeler l : new LabelerRepository(db).all()) {
            simulatedLabeler.put(l.id(), l.simulated());
        }
        Map<String, int[]> answers = new TreeMap<>();
        int labels = 0;
        int simulated = 0;
        for (Label l : new LabelRepository(db).heads()) {
            if (l.kind() == LabelKind.ANSWER && l.scanned() != null) {
                int[] a = answers.computeIfAbsent(l.codeId(), k -> new int[2]);
                a[0] += l.scanned() ? 1 : 0;
                a[1]++;
                labels++;
                if (l.hasFlag("simulated") || simulatedLabeler.getOrDefault(l.labelerId(), false)) {
                    simulated++;
                }
            }
        }
        List<CodeWithPair> codes = new DatasetRepository(db).codes();
        List<EvalResult> latest = new EvalResultRepository(db).latest();
        progress.accept("reading the stored scan eval results of " + codes.size() + " codes");
        ScanFeatures.Table table = ScanFeatures.build(latest, codes);
        if (table.columns().isEmpty()) {
            throw new IllegalArgumentException("train-scan needs stored scan eval results to learn from, and the "
                    + "database " + db.file() + " has none that vary between codes: run `eval` first (for example "
                    + "eval --evaluator zxing-plain --evaluator zxing-robust)");
        }
        List<CodeWithPair> labeled = new ArrayList<>();
        List<CodeWithPair> unlabeled = new ArrayList<>();
        int labeledWithoutResults = 0;
        for (CodeWithPair c : codes) {
            boolean hasRow = table.rows().containsKey(c.id());
            if (answers.containsKey(c.id())) {
                if (hasRow) {
                    labeled.add(c);
                } else {
                    labeledWithoutResults++;
                }
            } else if (hasRow) {
                unlabeled.add(c);
            }
        }
        int n = labeled.size();
        int[] stratum = new int[n];
        double[] y = new double[n];
        double[][] x = new double[n][];
        int pos = 0;
        int neg = 0;
        for (int i = 0; i < n; i++) {
            int[] a = answers.get(labeled.get(i).id());
            y[i] = a[0] / (double) a[1];
            stratum[i] = 2 * a[0] > a[1] ? 1 : 2 * a[0] < a[1] ? 0 : 2;
            pos += stratum[i] == 1 ? 1 : 0;
            neg += stratum[i] == 0 ? 1 : 0;
            x[i] = table.rows().get(labeled.get(i).id());
        }
        int need = Math.max(MIN_PER_CLASS, settings.folds());
        if (pos < need || neg < need) {
            String more = (pos < need ? (need - pos) + " more codes that people scanned" : "")
                    + (pos < need && neg < need ? " and " : "")
                    + (neg < need ? (need - neg) + " more codes that people could not scan" : "");
            throw new TooFewLabelsException("train-scan needs at least " + need + " codes of each class (human "
                    + "majority scanned, and not scanned) with a scan answer and a stored scan eval result; the "
                    + "database " + db.file() + " has " + pos + " scanned and " + neg + " not scanned"
                    + (labeledWithoutResults > 0 ? " (" + labeledWithoutResults + " more labeled codes have no scan "
                    + "eval result: run eval)" : "") + ": label " + more + " first", Math.min(pos, neg), need);
        }
        int[] indicators = ScanModel.indicatorsFor(table.columns().size(), table.rows().values());
        double lambda = 1 / settings.c();
        int[] fold = Folds.stratified(stratum, settings.folds(), settings.seed());
        double[] oof = new double[n];
        Map<String, HeldOut> heldOut = new LinkedHashMap<>();
        for (int k = 0; k < settings.folds(); k++) {
            if (cancel.get()) {
                throw new CancellationException("train-scan cancelled; nothing was saved");
            }
            progress.accept("fitting fold " + (k + 1) + " of " + settings.folds());
            List<double[]> tx = new ArrayList<>();
            List<Double> ty = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != k) {
                    tx.add(x[i]);
                    ty.add(y[i]);
                }
            }
            ScanModel m = ScanModel.fit(table.columns(), indicators, tx.toArray(new double[0][]),
                    ty.stream().mapToDouble(Double::doubleValue).toArray(), lambda);
            for (int i = 0; i < n; i++) {
                if (fold[i] == k) {
                    oof[i] = m.probability(x[i]);
                    CodeWithPair c = labeled.get(i);
                    heldOut.put(c.id(), new HeldOut(c.code().sha256(), k + 1, oof[i]));
                }
            }
        }
        if (cancel.get()) {
            throw new CancellationException("train-scan cancelled; nothing was saved");
        }
        progress.accept("fitting the full model on " + n + " labeled codes");
        ScanModel full = ScanModel.fit(table.columns(), indicators, x, y, lambda);
        Saved saved = new Saved(full, heldOut);
        String version = saved.version();

        List<Integer> clear = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (stratum[i] != 2) {
                clear.add(i);
            }
        }
        boolean[] truth = new boolean[clear.size()];
        double[] cvP = new double[clear.size()];
        for (int j = 0; j < clear.size(); j++) {
            truth[j] = stratum[clear.get(j)] == 1;
            cvP[j] = oof[clear.get(j)];
        }
        ScanValidation.Figures cv = ScanValidation.of(cvP, truth);
        Map<String, ScanValidation.Figures> sources = sourceFigures(table, labeled, clear, truth);

        Path folder = LearnedModels.prepare(db, NAME);
        LearnedModels.writeAtomically(folder.resolve(WEIGHTS_FILE), Json.write(saved));
        Report report = new Report(folder, version, n, labels, simulated, pos, neg, n - pos - neg,
                n + unlabeled.size(), full.inputNames(), cv, sources, labeledWithoutResults);
        LearnedModels.writeAtomically(folder.resolve(ModelCard.FILE_NAME), ScanCard.write(report, settings));

        String runId = "train-scan-" + version;
        Instant now = Instant.now();
        List<EvalResult> results = new ArrayList<>();
        for (CodeWithPair c : labeled) {
            HeldOut h = heldOut.get(c.id());
            results.add(new EvalResult(c.id(), NAME, version, h.probability(), null, null,
                    Json.write(Map.of("out_of_fold", true, "fold", h.fold())), runId, now, c.code().sha256()));
        }
        for (CodeWithPair c : unlabeled) {
            results.add(new EvalResult(c.id(), NAME, version, full.probability(table.rows().get(c.id())), null,
                    null, Json.write(Map.of("out_of_fold", false)), runId, now, c.code().sha256()));
        }
        new EvalResultRepository(db).save(results);
        return report;
    }

    /** What {@code train-scan} prints and the Dataset screen shows after training. */
    public static List<String> lines(Report r) {
        return ScanCard.lines(r);
    }

    /** Each source scan evaluator's own probability on the same labeled codes, where it has one. */
    private static Map<String, ScanValidation.Figures> sourceFigures(ScanFeatures.Table table,
                                                                      List<CodeWithPair> labeled, List<Integer> clear,
                                                                      boolean[] truth) {
        Map<String, ScanValidation.Figures> out = new TreeMap<>();
        for (int j = 0; j < table.columns().size(); j++) {
            String col = table.columns().get(j);
            if (!col.endsWith(":scan_prob")) {
                continue;
            }
            List<Double> p = new ArrayList<>();
            List<Boolean> t = new ArrayList<>();
            for (int k = 0; k < clear.size(); k++) {
                double v = table.rows().get(labeled.get(clear.get(k)).id())[j];
                if (!Double.isNaN(v)) {
                    p.add(v);
                    t.add(truth[k]);
                }
            }
            boolean[] tt = new boolean[t.size()];
            for (int k = 0; k < tt.length; k++) {
                tt[k] = t.get(k);
            }
            if (t.contains(true) && t.contains(false)) {
                out.put(col.substring(0, col.length() - ":scan_prob".length()),
                        ScanValidation.of(p.stream().mapToDouble(Double::doubleValue).toArray(), tt));
            }
        }
        return out;
    }
}
