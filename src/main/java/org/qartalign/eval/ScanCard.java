package org.qartalign.eval;

import org.qartalign.store.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code learned-scan} card ({@code model.json}) and the lines {@code train-scan} prints. */
final class ScanCard {
    private ScanCard() {
    }

    static String summary(ScanValidation.Figures f) {
        return String.format(Locale.ROOT, "CV AUC %.3f [%.3f, %.3f], Brier %.3f [%.3f, %.3f], calibration slope %.2f",
                f.auc().value(), f.auc().low(), f.auc().high(), f.brier().value(), f.brier().low(), f.brier().high(),
                f.calibrationSlope());
    }

    static String write(ScanTraining.Report r, ScanTraining.Settings s) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("name", ScanTraining.NAME);
        card.put("kind", ScanTraining.KIND);
        card.put("version", r.version());
        card.put("weights", ScanTraining.WEIGHTS_FILE);
        card.put("trained_at", Instant.now().toString());
        card.put("training_set_size", r.labeledCodes());
        card.put("labels_used", r.labels());
        card.put("simulated_labels", r.simulatedLabels());
        card.put("classes", Map.of("scanned", r.positives(), "not_scanned", r.negatives(), "ties", r.ties()));
        card.put("target", "share of the current human scan answers per code that scanned (1 = every labeler "
                + "scanned it); figures are against the human majority, ties left out");
        card.put("model", "L2-regularised logistic regression (Newton/IRLS) on standardised features; missing "
                + "values imputed with the training mean plus a missing indicator; all fitted on training rows only");
        card.put("training", Map.of("C", s.c(), "folds", s.folds(), "seed", s.seed(),
                "folds_stratified_by", "human majority (scanned, not scanned, tie)"));
        card.put("features", r.features());
        card.put("summary", summary(r.crossValidated()));
        card.put("cv", figures(r.crossValidated()));
        Map<String, Object> sources = new LinkedHashMap<>();
        r.sources().forEach((name, f) -> sources.put(name, figures(f)));
        card.put("sources_on_the_same_codes", sources);
        card.put("provenance", "Fitted by train-scan to this database's human scan labels"
                + (r.simulatedLabels() > 0 ? " (" + r.simulatedLabels() + " of " + r.labels()
                + " labels are SIMULATED, not human)" : ""));
        card.put("what_it_is", "The probability that people scan a code, learned from this database's labels on "
                + "the stored results of its scan evals; labeled codes get their out-of-fold probability, the rest "
                + "the full fit.");
        card.put("good_for", "A calibrated scan probability for codes like the labeled ones, scanned by the same "
                + "labelers and phones.");
        card.put("not_good_for", "Other datasets, phones or labeler pools than it was fitted to; codes whose scan "
                + "evals were not run; comparing with the other evaluators on codes it was not held out from.");
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(card) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the learned-scan card: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> figures(ScanValidation.Figures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("codes", f.codes());
        m.put("scanned", f.positives());
        m.put("auc", List.of(f.auc().value(), f.auc().low(), f.auc().high()));
        m.put("brier", List.of(f.brier().value(), f.brier().low(), f.brier().high()));
        m.put("calibration_intercept", f.calibrationIntercept());
        m.put("calibration_slope", f.calibrationSlope());
        m.put("expected_calibration_error", f.expectedCalibrationError());
        List<Map<String, Object>> bins = new ArrayList<>();
        for (ScanValidation.Bin b : f.calibration()) {
            Map<String, Object> bin = new LinkedHashMap<>();
            bin.put("predicted", List.of(b.from(), b.to()));
            bin.put("codes", b.codes());
            bin.put("mean_predicted", b.meanPredicted());
            bin.put("observed", List.of(b.observed(), b.observedLow(), b.observedHigh()));
            bins.add(bin);
        }
        m.put("calibration", bins);
        return m;
    }

    /** What train-scan prints, and the Dataset screen shows, after training. */
    static List<String> lines(ScanTraining.Report r) {
        List<String> out = new ArrayList<>();
        if (r.simulatedLabels() > 0) {
            out.add("NOTE: " + r.simulatedLabels() + " of " + r.labels() + " labels are SIMULATED, not human");
        }
        out.add(String.format(Locale.ROOT, "trained on %d labeled codes (%d answers; human majority: %d scanned, %d "
                + "not, %d ties) with %d features", r.labeledCodes(), r.labels(), r.positives(), r.negatives(),
                r.ties(), r.features().size()));
        if (r.labeledWithoutResults() > 0) {
            out.add(r.labeledWithoutResults() + " labeled codes have no scan eval result and were left out: run eval");
        }
        ScanValidation.Figures f = r.crossValidated();
        out.add("out-of-fold on " + f.codes() + " codes with a clear majority: " + summary(f)
                + String.format(Locale.ROOT, ", intercept %.2f, ECE %.3f", f.calibrationIntercept(),
                f.expectedCalibrationError()));
        out.add("calibration (predicted bin: codes, mean predicted, observed [95% Wilson]):");
        for (ScanValidation.Bin b : f.calibration()) {
            out.add(String.format(Locale.ROOT, "  %.1f-%.1f: %4d  %.3f  %.3f [%.3f, %.3f]", b.from(), b.to(),
                    b.codes(), b.meanPredicted(), b.observed(), b.observedLow(), b.observedHigh()));
        }
        r.sources().forEach((name, s) -> out.add(String.format(Locale.ROOT,
                "  for comparison, %s's own scan_prob on %d of these codes: AUC %.3f [%.3f, %.3f], Brier %.3f",
                name, s.codes(), s.auc().value(), s.auc().low(), s.auc().high(), s.brier().value())));
        out.add(String.format(Locale.ROOT, "saved %s (version %s); stored learned-scan probabilities for %d codes",
                r.folder(), r.version(), r.scoredCodes()));
        return out;
    }
}
