package org.qartalign.eval;

import org.qartalign.stats.PairedScores;
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
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Learns the {@code learned-aesthetic} evaluator from the human labels: features for every code, a head per
 * cross-validation fold for out-of-fold scores, a head fitted on every labeled code for the rest, then the head and
 * its card beside the database ({@code <db>-models/learned-aesthetic/}) and every code's score in the eval table.
 */
public final class AestheticTraining {
    public static final int MIN_LABELED_CODES = 30;
    /** The human aesthetic scale (1-5); predictions are clamped to it. */
    public static final double LOW = 1;
    public static final double HIGH = 5;
    // bench-aesthetic on the demo: batch 8 was the fastest, batch 32 half as fast as 1 (cache misses on CPU).
    static final int FEATURE_BATCH = 8;

    /**
     * @param baselineFeature the single feature whose |Spearman| with the mean human score is highest over all
     *                        labeled codes (chosen with hindsight, so the baseline is if anything optimistic)
     */
    public record Report(Path folder, String version, int labeledCodes, int labels, int simulatedLabels,
                         int scoredCodes, double cvSpearman, double cvMae, String baselineFeature,
                         double baselineSpearman, List<String> skipped) {
    }

    private AestheticTraining() {
    }

    /**
     * @param models the shipped models folder, which holds the features model; it is only read: the learned head
     *               goes beside the database ({@link LearnedModels})
     */
    public static Report run(Database db, Path models, HeadTrainer.Settings settings, Consumer<String> progress)
            throws ModelFolderException, IOException {
        Map<String, double[]> sums = new TreeMap<>();
        Map<Long, Boolean> simulatedLabeler = new HashMap<>();
        for (Labeler l : new LabelerRepository(db).all()) {
            simulatedLabeler.put(l.id(), l.simulated());
        }
        int labels = 0;
        int simulated = 0;
        for (Label l : new LabelRepository(db).heads()) {
            // every current aesthetic score counts, with a scan answer or without one
            if (l.kind() == LabelKind.ANSWER && l.aesthetic() != null) {
                sums.computeIfAbsent(l.codeId(), k -> new double[2]);
                sums.get(l.codeId())[0] += l.aesthetic();
                sums.get(l.codeId())[1]++;
                labels++;
                if (l.hasFlag("simulated") || simulatedLabeler.getOrDefault(l.labelerId(), false)) {
                    simulated++;
                }
            }
        }
        int needed = Math.max(MIN_LABELED_CODES, settings.folds());
        if (sums.size() < needed) {
            throw tooFew(needed, sums.size(), "the database " + db.file() + " has " + sums.size());
        }
        Path featuresFolder = models.resolve(ModelFolders.FEATURES_FOLDER);
        try (TorchScriptModel features = TorchScriptModel.load(featuresFolder)) {
            if (features.card().outputKind() != ModelCard.OutputKind.EMBEDDING) {
                throw new ModelFolderException(featuresFolder, "is a score model, not a features model");
            }
            List<CodeWithPair> codes = new DatasetRepository(db).codes();
            FeatureExtraction.Result extracted = FeatureExtraction.run(features, db.folder(), codes, FEATURE_BATCH,
                    progress);
            List<CodeWithPair> labeled = new ArrayList<>();
            for (CodeWithPair c : codes) {
                if (sums.containsKey(c.id()) && extracted.features().containsKey(c.id())) {
                    labeled.add(c);
                }
            }
            if (labeled.size() < needed) {
                throw tooFew(needed, labeled.size(), "the database " + db.file() + " has " + sums.size() + ", of "
                        + "which " + labeled.size() + " have a readable image");
            }
            int n = labeled.size();
            float[][] x = new float[n][];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = extracted.features().get(labeled.get(i).id());
                double[] s = sums.get(labeled.get(i).id());
                y[i] = s[0] / s[1];
            }
            int[] fold = Folds.assign(n, settings.folds(), settings.seed());
            double[] oof = new double[n];
            Map<String, AestheticHead.HeldOutScore> heldOut = new LinkedHashMap<>();
            for (int k = 0; k < settings.folds(); k++) {
                progress.accept("training fold " + (k + 1) + " of " + settings.folds());
                List<Integer> train = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (fold[i] != k) {
                        train.add(i);
                    }
                }
                float[][] tx = new float[train.size()][];
                double[] ty = new double[train.size()];
                for (int j = 0; j < train.size(); j++) {
                    tx[j] = x[train.get(j)];
                    ty[j] = y[train.get(j)];
                }
                HeadWeights head = HeadTrainer.fit(tx, ty, settings, seedFor(settings.seed(), k + 1), LOW, HIGH);
                for (int i = 0; i < n; i++) {
                    if (fold[i] == k) {
                        oof[i] = head.apply(x[i]);
                        CodeWithPair c = labeled.get(i);
                        heldOut.put(c.id(), new AestheticHead.HeldOutScore(c.code().sha256(), k + 1, oof[i]));
                    }
                }
            }
            progress.accept("training the full fit on " + n + " labeled codes");
            HeadWeights full = HeadTrainer.fit(x, y, settings, seedFor(settings.seed(), 0), LOW, HIGH);
            AestheticHead head = new AestheticHead(ModelFolders.FEATURES_FOLDER, features.versionTag(),
                    features.card().outputNames(), full, heldOut);

            double cvSpearman = PairedScores.spearman(oof, y);
            double cvMae = PairedScores.meanAbsoluteError(oof, y);
            String bestFeature = null;
            double best = -1;
            List<String> names = features.card().outputNames();
            for (int j = 0; j < names.size(); j++) {
                double[] col = new double[n];
                for (int i = 0; i < n; i++) {
                    col[i] = x[i][j];
                }
                double rho = Math.abs(PairedScores.spearman(col, y));
                if (!Double.isNaN(rho) && rho > best) {
                    best = rho;
                    bestFeature = names.get(j);
                }
            }

            Path folder = LearnedModels.prepare(db, ModelFolders.LEARNED_FOLDER);
            head.write(folder.resolve(AestheticHead.FILE_NAME));
            Report report = new Report(folder, head.version(), n, labels, simulated, extracted.features().size(),
                    cvSpearman, cvMae, bestFeature, best, extracted.problems());
            writeCard(folder, head, settings, report, features);

            LearnedAestheticEvaluator evaluator = new LearnedAestheticEvaluator(folder, features, head);
            String runId = "train-aesthetic-" + head.version();
            Instant now = Instant.now();
            List<EvalResult> results = new ArrayList<>();
            for (CodeWithPair c : codes) {
                float[] v = extracted.features().get(c.id());
                if (v != null) {
                    results.add(evaluator.result(c, v, runId, now));
                }
            }
            new EvalResultRepository(db).save(results);
            return report;
        }
    }

    private static TooFewLabelsException tooFew(int needed, int have, String detail) {
        return new TooFewLabelsException("train-aesthetic needs at least " + needed + " codes with a human aesthetic "
                + "score (with or without a scan answer) and a readable image; " + detail + ": label "
                + (needed - have) + " more codes first", have, needed);
    }

    private static int seedFor(long seed, int part) {
        return (int) ((seed * 1_000_003L + part) & 0x7fffffff);
    }

    private static void writeCard(Path folder, AestheticHead head, HeadTrainer.Settings s, Report r,
                                  TorchScriptModel features) throws IOException {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("name", LearnedAestheticEvaluator.NAME);
        card.put("kind", ModelFolders.LEARNED_KIND);
        card.put("version", head.version());
        card.put("head", AestheticHead.FILE_NAME);
        card.put("features", head.features());
        card.put("features_version", features.versionTag());
        card.put("trained_at", Instant.now().toString());
        card.put("training_set_size", r.labeledCodes());
        card.put("labels_used", r.labels());
        card.put("simulated_labels", r.simulatedLabels());
        card.put("target", "mean of the current human aesthetic scores (1-5) per code, with or without a scan answer");
        card.put("summary", String.format(java.util.Locale.ROOT, "CV Spearman %.3f, MAE %.3f (best single feature "
                + "|Spearman| %.3f)", r.cvSpearman(), r.cvMae(), r.baselineSpearman()));
        card.put("head_shape", s.hidden() == 0 ? "linear on standardised features"
                : "one ReLU hidden layer of " + s.hidden() + " on standardised features");
        card.put("training", Map.of("library", "DJL training API on the PyTorch engine", "loss", "L2",
                "optimizer", "Adam", "learning_rate", s.learningRate(), "weight_decay", s.weightDecay(),
                "epochs", s.epochs(), "folds", s.folds(), "seed", s.seed()));
        card.put("cv_spearman", r.cvSpearman());
        card.put("cv_mae", r.cvMae());
        card.put("baseline", Map.of("feature", r.baselineFeature() == null ? "none" : r.baselineFeature(),
                "abs_spearman", r.baselineSpearman(),
                "note", "best single feature over all labeled codes, chosen with hindsight"));
        card.put("score_range", List.of(LOW, HIGH));
        card.put("provenance", "Trained by train-aesthetic on this database's labels"
                + (r.simulatedLabels() > 0 ? " (" + r.simulatedLabels() + " of " + r.labels()
                + " labels are SIMULATED, not human)" : ""));
        card.put("what_it_is", "A small head on hand-made image features predicting the mean human aesthetic "
                + "score of a code; labeled codes get their out-of-fold score.");
        card.put("good_for", "Ranking this dataset's codes by expected human aesthetic score.");
        card.put("not_good_for", "Other datasets, styles or labeler pools than it was trained on; judging "
                + "content or prompt fidelity; any use when its cross-validated Spearman is near zero.");
        LearnedModels.writeAtomically(folder.resolve(ModelCard.FILE_NAME),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(card) + "\n");
    }
}
