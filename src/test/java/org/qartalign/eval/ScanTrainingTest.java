package org.qartalign.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.EvalResult;
import org.qartalign.core.Label;
import org.qartalign.core.Labeler;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.EvalResultRepository;
import org.qartalign.store.Json;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanTrainingTest {
    static final ScanTraining.Settings SETTINGS = new ScanTraining.Settings(5, 3, 1.0);

    @TempDir
    Path dir;

    static Map<String, EvalResult> learned(Database db) {
        Map<String, EvalResult> out = new TreeMap<>();
        for (EvalResult r : new EvalResultRepository(db).latest()) {
            if (r.evaluator().equals(ScanTraining.NAME)) {
                out.put(r.codeId(), r);
            }
        }
        return out;
    }

    private static ScanTraining.Report train(Database db) throws Exception {
        return ScanTraining.run(db, SETTINGS, m -> { }, new AtomicBoolean());
    }

    @Test
    void labeledCodesGetOutOfFoldProbabilitiesTheRestTheFullFitAndTheCardBesideTheDatabase() throws Exception {
        try (Database db = ScanLabelsFixture.create(dir.resolve("labels.db"), 80, 20, 5)) {
            ScanTraining.Report r = train(db);
            assertEquals(80, r.labeledCodes());
            assertEquals(160, r.labels());
            assertEquals(100, r.scoredCodes());
            assertEquals(80, r.positives() + r.negatives() + r.ties());
            assertTrue(r.features().contains("zxing-robust:decodedCaptures"), r.features().toString());
            assertTrue(r.features().contains("zxing-robust:failedKinds.defocus missing"), r.features().toString());
            assertTrue(r.features().contains("zxing-plain:outcome=scanned"), r.features().toString());
            assertFalse(r.features().contains("zxing-robust:captures"), "a constant column carries nothing");
            assertTrue(r.crossValidated().auc().value() > 0.75, "q drives both evals and labels: " + r.crossValidated());

            Path folder = dir.resolve("labels-models").resolve(ScanTraining.NAME);
            assertEquals(folder, r.folder());
            JsonNode card = Json.MAPPER.readTree(Files.readString(folder.resolve("model.json")));
            assertEquals(r.version(), card.get("version").asText());
            assertEquals(80, card.get("training_set_size").asInt());
            assertEquals(r.crossValidated().auc().value(), card.get("cv").get("auc").get(0).asDouble(), 1e-12);
            assertTrue(card.get("provenance").asText().contains("Fitted by train-scan to this database's human scan labels"));

            Map<String, EvalResult> stored = learned(db);
            assertEquals(100, stored.size());
            List<Double> p = new ArrayList<>();
            List<Boolean> truth = new ArrayList<>();
            Map<String, int[]> votes = votes(db);
            for (EvalResult e : stored.values()) {
                JsonNode d = Json.MAPPER.readTree(e.details());
                int[] v = votes.get(e.codeId());
                assertEquals(v != null, d.get("out_of_fold").asBoolean(), e.codeId());
                assertEquals(r.version(), e.version());
                if (v != null && 2 * v[0] != v[1]) {
                    p.add(e.scanProb());
                    truth.add(2 * v[0] > v[1]);
                }
            }
            boolean[] t = new boolean[truth.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = truth.get(i);
            }
            ScanValidation.Figures again = ScanValidation.of(p.stream().mapToDouble(Double::doubleValue).toArray(), t);
            assertEquals(again.auc().value(), r.crossValidated().auc().value(), 1e-12,
                    "the printed CV AUC is that of the stored out-of-fold probabilities");
            assertEquals(again.brier().value(), r.crossValidated().brier().value(), 1e-12);
        }
    }

    private static Map<String, int[]> votes(Database db) {
        Map<String, int[]> out = new HashMap<>();
        for (Label l : new LabelRepository(db).heads()) {
            if (l.scanned() != null) {
                int[] v = out.computeIfAbsent(l.codeId(), k -> new int[2]);
                v[0] += l.scanned() ? 1 : 0;
                v[1]++;
            }
        }
        return out;
    }

    @Test
    void noLabeledCodesStoredProbabilityComesFromAModelThatSawItsLabel() throws Exception {
        try (Database db = ScanLabelsFixture.create(dir.resolve("labels.db"), 60, 10, 8)) {
            train(db);
            Map<String, EvalResult> first = learned(db);

            // Each fold recomputed on its own: a model fitted only on the other folds' codes gives the stored values.
            ScanFeatures.Table table = ScanFeatures.build(new EvalResultRepository(db).latest(),
                    new DatasetRepository(db).codes());
            int[] indicators = ScanModel.indicatorsFor(table.columns().size(), table.rows().values());
            Map<String, int[]> votes = votes(db);
            for (int k = 1; k <= SETTINGS.folds(); k++) {
                List<double[]> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                List<String> held = new ArrayList<>();
                for (Map.Entry<String, int[]> v : votes.entrySet()) {
                    int fold = Json.MAPPER.readTree(first.get(v.getKey()).details()).get("fold").asInt();
                    if (fold == k) {
                        held.add(v.getKey());
                    } else {
                        x.add(table.rows().get(v.getKey()));
                        y.add(v.getValue()[0] / (double) v.getValue()[1]);
                    }
                }
                assertFalse(held.isEmpty());
                ScanModel m = ScanModel.fit(table.columns(), indicators, x.toArray(new double[0][]),
                        y.stream().mapToDouble(Double::doubleValue).toArray(), 1 / SETTINGS.c());
                for (String id : held) {
                    assertEquals(m.probability(table.rows().get(id)), first.get(id).scanProb(), 1e-12, id);
                }
            }

            // A third answer that changes code-x's share scanned but not its majority (so not its fold).
            String x = null;
            for (Map.Entry<String, int[]> v : new TreeMap<>(votes).entrySet()) {
                if (v.getValue()[0] == 2) {
                    x = v.getKey();
                    break;
                }
            }
            Labeler cy = new LabelerRepository(db).getOrCreate("cy", false);
            new LabelRepository(db).append(ScanLabelsFixture.answer(x, cy.id(), false,
                    Instant.parse("2026-06-01T00:00:00Z")));
            train(db);
            Map<String, EvalResult> second = learned(db);
            int fold = Json.MAPPER.readTree(first.get(x).details()).get("fold").asInt();
            assertEquals(fold, Json.MAPPER.readTree(second.get(x).details()).get("fold").asInt());
            assertEquals(first.get(x).scanProb(), second.get(x).scanProb(), 0.0,
                    x + "'s own new answer must not reach its stored probability");
            int changedElsewhere = 0;
            for (String id : votes.keySet()) {
                int f = Json.MAPPER.readTree(first.get(id).details()).get("fold").asInt();
                if (f == fold) {
                    assertEquals(first.get(id).scanProb(), second.get(id).scanProb(), 0.0, id + " shares x's fold");
                } else if (first.get(id).scanProb().doubleValue() != second.get(id).scanProb()) {
                    changedElsewhere++;
                }
            }
            assertTrue(changedElsewhere > 0, "the other folds' models did see the new answer");
            assertNotEquals(first.get("code-065").scanProb(), second.get("code-065").scanProb(),
                    "the full fit, which an unlabeled code gets, saw it too");
        }
    }

    @Test
    void tooFewCodesOfOneClassAreRefusedWithHowManyMoreAndNothingIsWritten() throws Exception {
        try (Database db = ScanLabelsFixture.create(dir.resolve("labels.db"), 14, 5, 2)) {
            Map<String, int[]> votes = votes(db);
            long pos = votes.values().stream().filter(v -> 2 * v[0] > v[1]).count();
            long neg = votes.values().stream().filter(v -> 2 * v[0] < v[1]).count();
            TooFewLabelsException e = assertThrows(TooFewLabelsException.class, () -> train(db));
            assertTrue(e.getMessage().contains("has " + pos + " scanned and " + neg + " not scanned"), e.getMessage());
            if (neg < 10) {
                assertTrue(e.getMessage().contains((10 - neg) + " more codes that people could not scan"), e.getMessage());
            }
            if (pos < 10) {
                assertTrue(e.getMessage().contains((10 - pos) + " more codes that people scanned"), e.getMessage());
            }
            assertFalse(Files.exists(dir.resolve("labels-models")));
            assertTrue(learned(db).isEmpty());
        }
    }

    @Test
    void withoutStoredScanEvalsTrainingSaysToRunEvalFirst() throws Exception {
        try (Database db = Database.open(dir.resolve("empty.db"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> train(db));
            assertTrue(e.getMessage().contains("run `eval` first"), e.getMessage());
        }
    }

    @Test
    void aCancelledTrainingSavesNothing() throws Exception {
        try (Database db = ScanLabelsFixture.create(dir.resolve("labels.db"), 60, 10, 8)) {
            AtomicBoolean cancel = new AtomicBoolean();
            assertThrows(CancellationException.class, () -> ScanTraining.run(db, SETTINGS, m -> {
                if (m.startsWith("fitting fold 2")) {
                    cancel.set(true);
                }
            }, cancel));
            assertFalse(Files.exists(dir.resolve("labels-models")));
            assertTrue(learned(db).isEmpty());
        }
    }

    @Test
    void trainingOnDatabaseAChangesNothingThatDatabaseBUses() throws Exception {
        try (Database a = ScanLabelsFixture.create(dir.resolve("a.db"), 60, 10, 8);
             Database b = ScanLabelsFixture.create(dir.resolve("b.db"), 50, 10, 9)) {
            ScanTraining.Report rb = train(b);
            Map<String, byte[]> filesB = snapshot(dir.resolve("b-models"));
            Map<String, EvalResult> resultsB = learned(b);
            train(a);
            Labeler cy = new LabelerRepository(a).getOrCreate("cy", false);
            new LabelRepository(a).append(ScanLabelsFixture.answer("code-001", cy.id(), true,
                    Instant.parse("2026-06-01T00:00:00Z")));
            ScanTraining.Report ra = train(a);
            assertNotEquals(rb.folder(), ra.folder());
            assertTrue(ra.folder().startsWith(dir.resolve("a-models")));
            Map<String, byte[]> after = snapshot(dir.resolve("b-models"));
            assertEquals(filesB.keySet(), after.keySet());
            filesB.forEach((k, v) -> assertTrue(java.util.Arrays.equals(v, after.get(k)), k));
            assertEquals(resultsB, learned(b));
        }
    }

    static Map<String, byte[]> snapshot(Path folder) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(folder.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
