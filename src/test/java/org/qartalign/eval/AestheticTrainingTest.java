package org.qartalign.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.CodeImages;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;
import org.qartalign.core.GeneratedCode;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.core.Labeler;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.EvalResultRepository;
import org.qartalign.store.Json;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AestheticTrainingTest {
    static final HeadTrainer.Settings SETTINGS = new HeadTrainer.Settings(4, 7, 0, 100, 0.05f, 0.05f);

    @TempDir
    static Path shared;
    static Database trained;
    static Path trainedModels;
    static AestheticTraining.Report report;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOnce() throws Exception {
        trainedModels = modelsWithFeatures(shared);
        trained = syntheticDatabase(shared, 36, 3);
        report = AestheticTraining.run(trained, trainedModels, SETTINGS, msg -> { });
    }

    @AfterAll
    static void closeShared() {
        trained.close();
    }

    /**
     * Codes whose image brightness drives two labelers' aesthetic scores (1-5, with noise); every code after the
     * first {@code labeled} is left unlabeled.
     */
    private static Database syntheticDatabase(Path dir, int labeled, int unlabeled) throws Exception {
        Database db = Database.open(dir.resolve("labels.db"));
        Files.createDirectories(dir.resolve("images"));
        List<GeneratedCode> codes = new ArrayList<>();
        List<Label> answers = new ArrayList<>();
        Random random = new Random(3);
        Labeler ann = new LabelerRepository(db).getOrCreate("ann", false);
        Labeler bob = new LabelerRepository(db).getOrCreate("bob", false);
        for (int i = 0; i < labeled + unlabeled; i++) {
            double brightness = random.nextDouble();
            BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            int v = (int) (40 + 200 * brightness);
            g.setColor(new Color(v, (int) (v * 0.8), 255 - v));
            g.fillRect(0, 0, 64, 64);
            g.setColor(Color.BLACK);
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    if (random.nextBoolean()) {
                        g.fillRect(c * 8, r * 8, 8, 8);
                    }
                }
            }
            g.dispose();
            String id = String.format("code-%03d", i);
            Path file = dir.resolve("images").resolve(id + ".png");
            ImageIO.write(img, "png", file.toFile());
            String sha = CodeImages.sha256(file);
            if (i < labeled) {
                for (Labeler who : List.of(ann, bob)) {
                    long score = Math.max(1, Math.min(5, Math.round(1 + 4 * brightness + random.nextGaussian() * 0.4)));
                    answers.add(answer(id, who.id(), (int) score, null));
                }
            }
            codes.add(new GeneratedCode(id, 0, "images/" + id + ".png", sha, Map.of("strength", brightness)));
        }
        db.transaction(c -> {
            for (GeneratedCode code : codes) {
                long pair = new DatasetRepository(db).pairId("prompt " + code.id(), "https://example.org/" + code.id());
                new DatasetRepository(db).insertCode(new GeneratedCode(code.id(), pair, code.imagePath(), code.sha256(),
                        code.params()));
            }
            for (Label l : answers) {
                new LabelRepository(db).insert(l);
            }
            return null;
        });
        return db;
    }

    private static Label answer(String codeId, long labelerId, int aesthetic, String supersedes) {
        return new Label(UUID.randomUUID().toString(), codeId, labelerId, null, LabelKind.ANSWER, true, null,
                aesthetic, Instant.now(), 1000L, Instant.now(), "", supersedes);
    }

    private static Path modelsWithFeatures(Path dir) throws Exception {
        Path models = dir.resolve("models");
        ModelFoldersTest.copyFolder(QrArtFeaturesModelTest.MODEL, models.resolve("qr-art-features"));
        return models;
    }

    private static Map<String, EvalResult> learnedResults(Database db) {
        Map<String, EvalResult> out = new TreeMap<>();
        for (EvalResult r : new EvalResultRepository(db).all()) {
            if (r.evaluator().equals(LearnedAestheticEvaluator.NAME)) {
                out.put(r.codeId(), r);
            }
        }
        return out;
    }

    @Test
    void trainingScoresLabeledCodesOutOfFoldAndTheRestWithTheFullFitAndWritesACard() throws Exception {
        Path models = trainedModels;
        Database db = trained;
        assertEquals(36, report.labeledCodes());
        assertEquals(72, report.labels());
        assertEquals(39, report.scoredCodes());
        assertTrue(report.cvSpearman() > 0.7, "brightness drives the labels: " + report.cvSpearman());
        assertTrue(report.cvMae() < 1.0, "MAE " + report.cvMae());
        assertTrue(report.baselineSpearman() > 0.7, report.baselineFeature() + " " + report.baselineSpearman());

        JsonNode card = Json.MAPPER.readTree(Files.readString(models.resolve("learned-aesthetic/model.json")));
        assertEquals(36, card.get("training_set_size").asInt());
        assertEquals(report.cvSpearman(), card.get("cv_spearman").asDouble(), 1e-12);
        assertEquals(report.cvMae(), card.get("cv_mae").asDouble(), 1e-12);
        assertEquals(report.baselineFeature(), card.get("baseline").get("feature").asText());
        assertTrue(card.has("trained_at"));

        AestheticHead head = AestheticHead.read(models.resolve("learned-aesthetic/head.json"));
        Map<String, EvalResult> results = learnedResults(db);
        assertEquals(39, results.size());
        for (EvalResult r : results.values()) {
            boolean labeled = r.codeId().compareTo("code-036") < 0;
            JsonNode details = Json.MAPPER.readTree(r.details());
            assertEquals(labeled, details.get("out_of_fold").asBoolean(), r.codeId());
            if (labeled) {
                assertEquals(head.outOfFold().get(r.codeId()).score(), r.aesthetic(), 0.0);
            }
            assertTrue(r.aesthetic() >= 1 && r.aesthetic() <= 5);
            assertEquals(head.version(), r.version());
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aLabeledCodesOwnLabelNeverChangesItsOwnScoreWhileARerunGivesTheSameScores() throws Exception {
        Database db = trained;
        Path models = trainedModels;
        Map<String, EvalResult> first = learnedResults(db);
        String firstVersion = first.get("code-000").version();

        AestheticTraining.run(db, models, SETTINGS, msg -> { });
        Map<String, EvalResult> again = learnedResults(db);
        assertEquals(first.keySet(), again.keySet());
        for (String id : first.keySet()) {
            assertEquals(first.get(id).aesthetic(), again.get(id).aesthetic(), 0.0, id);
            assertEquals(firstVersion, again.get(id).version());
        }

        LabelRepository labels = new LabelRepository(db);
        for (Label head : labels.heads()) {
            if (head.codeId().equals("code-005")) {
                labels.append(answer("code-005", head.labelerId(), 6 - head.aesthetic(), head.uuid()));
            }
        }
        AestheticTraining.run(db, models, SETTINGS, msg -> { });
        Map<String, EvalResult> relabeled = learnedResults(db);
        assertEquals(first.get("code-005").aesthetic(), relabeled.get("code-005").aesthetic(), 0.0,
                "code-005's own labels must not reach its out-of-fold score");
        assertNotEquals(first.get("code-036").aesthetic(), relabeled.get("code-036").aesthetic(),
                "the full fit, which the unlabeled code gets, did see the new labels");
    }

    @Test
    void theDiscoveredEvaluatorGivesTheScoresTrainingStored() throws Exception {
        Path models = trainedModels;
        Database db = trained;
        Map<String, EvalResult> stored = learnedResults(db);
        List<CodeWithPair> codes = new DatasetRepository(db).codes();
        try (ModelFolders folders = ModelFolders.discover(models)) {
            assertEquals(List.of(), folders.problems());
            Evaluator learned = folders.evaluators().stream()
                    .filter(e -> e.name().equals(LearnedAestheticEvaluator.NAME)).findFirst().orElseThrow();
            assertEquals(stored.get("code-000").version(), learned.version());
            List<BufferedImage> images = new ArrayList<>();
            for (CodeWithPair c : codes) {
                images.add(CodeImages.read(CodeImages.resolve(db.folder(), c.code().imagePath())));
            }
            try (Evaluator.Worker worker = learned.newWorker()) {
                List<EvalResult> fresh = worker.evaluateBatch(codes, images, "test");
                for (EvalResult r : fresh) {
                    assertEquals(stored.get(r.codeId()).aesthetic(), r.aesthetic(), 1e-5, r.codeId());
                }
                EvalResult single = worker.evaluate(codes.get(33), images.get(33), "test");
                assertEquals(stored.get(codes.get(33).id()).aesthetic(), single.aesthetic(), 1e-5);
            }
        }
    }

    @Test
    void theEvalRunnerThroughTheRegistryGivesTheScoresTrainingStored() throws Exception {
        Map<String, EvalResult> stored = learnedResults(trained);
        try (ModelFolders folders = ModelFolders.discover(trainedModels)) {
            EvaluatorRegistry registry = EvaluatorRegistry.standard();
            assertEquals(List.of(), folders.registerInto(registry));
            Evaluator learned = registry.create(LearnedAestheticEvaluator.NAME);
            new EvalRunner(trained).run(List.of(learned), EvalRunner.Options.defaults().withThreads(2).withoutCache(),
                    p -> { }, new java.util.concurrent.atomic.AtomicBoolean());
        }
        Map<String, EvalResult> rerun = learnedResults(trained);
        assertEquals(stored.keySet(), rerun.keySet());
        for (String id : stored.keySet()) {
            assertEquals(stored.get(id).aesthetic(), rerun.get(id).aesthetic(), 1e-5, id);
        }
    }

    @Test
    void tooFewLabeledCodesAreRefusedWithTheNumberNeededAndNothingIsWritten() throws Exception {
        Path models = modelsWithFeatures(dir);
        try (Database db = syntheticDatabase(dir, 10, 3)) {
            TooFewLabelsException e = assertThrows(TooFewLabelsException.class,
                    () -> AestheticTraining.run(db, models, SETTINGS, msg -> { }));
            assertEquals(10, e.have());
            assertEquals(30, e.need());
            assertTrue(e.getMessage().contains("at least 30") && e.getMessage().contains("label 20 more"), e.getMessage());
            assertFalse(Files.exists(models.resolve("learned-aesthetic")));
            assertTrue(learnedResults(db).isEmpty());
        }
    }
}
