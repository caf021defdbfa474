package org.qartalign.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One training on a synthetic database is shared, read-only: it is closed after training, and every test works on
 * its own copy of the database, its images and its learned models, so no test sees what another one wrote.
 */
public class AestheticTrainingTest {
    static final HeadTrainer.Settings SETTINGS = new HeadTrainer.Settings(4, 7, 0, 100, 0.05f, 0.05f);

    /** The shared training: a closed database and its folder, the shipped models, and what training reported. */
    private record Trained(Path folder, Path models, AestheticTraining.Report report) {
    }

    private static Trained trained;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOnce(@TempDir Path shared) throws Exception {
        Path models = modelsWithFeatures(shared);
        Path folder = shared.resolve("trained");
        try (Database db = syntheticDatabase(folder, 36, 3)) {
            trained = new Trained(folder, models, AestheticTraining.run(db, models, SETTINGS, msg -> { }));
        }
    }

    /** A private copy of the trained database folder (database, images, learned models). */
    private Database copyOfTrained() throws Exception {
        Path to = dir.resolve("copy");
        try (Stream<Path> files = Files.walk(trained.folder())) {
            for (Path f : files.toList()) {
                Path target = to.resolve(trained.folder().relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return Database.open(to.resolve("labels.db"));
    }

    /**
     * Codes whose image brightness drives two labelers' aesthetic scores (1-5, with noise); every code after the
     * first {@code labeled} is left unlabeled.
     */
    private static Database syntheticDatabase(Path dir, int labeled, int unlabeled) throws Exception {
        return syntheticDatabase(dir, "labels", labeled, unlabeled, true);
    }

    private static Database syntheticDatabase(Path dir, int labeled, int unlabeled, boolean scanAnswers)
            throws Exception {
        return syntheticDatabase(dir, "labels", labeled, unlabeled, scanAnswers);
    }

    /** The database {@code name.db} in {@code dir}, its images in {@code name-images/}. */
    public static Database syntheticDatabase(Path dir, String name, int labeled, int unlabeled, boolean scanAnswers)
            throws Exception {
        Database db = Database.open(dir.resolve(name + ".db"));
        String images = name + "-images";
        Files.createDirectories(dir.resolve(images));
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
            Path file = dir.resolve(images).resolve(id + ".png");
            ImageIO.write(img, "png", file.toFile());
            String sha = CodeImages.sha256(file);
            if (i < labeled) {
                for (Labeler who : List.of(ann, bob)) {
                    long score = Math.max(1, Math.min(5, Math.round(1 + 4 * brightness + random.nextGaussian() * 0.4)));
                    answers.add(answer(id, who.id(), scanAnswers ? Boolean.TRUE : null, (int) score, null));
                }
            }
            codes.add(new GeneratedCode(id, 0, images + "/" + id + ".png", sha, Map.of("strength", brightness)));
        }
        ScanLabelsFixture.store(db, codes, answers);
        return db;
    }

    private static Label answer(String codeId, long labelerId, Boolean scanned, int aesthetic, String supersedes) {
        return new Label(UUID.randomUUID().toString(), codeId, labelerId, null, LabelKind.ANSWER, scanned, null,
                aesthetic, Instant.now(), 1000L, Instant.now(), "", supersedes);
    }

    public static Path modelsWithFeatures(Path dir) throws Exception {
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
    void trainingScoresLabeledCodesOutOfFoldAndTheRestWithTheFullFitAndWritesACardBesideTheDatabase() throws Exception {
        AestheticTraining.Report report = trained.report();
        assertEquals(36, report.labeledCodes());
        assertEquals(72, report.labels());
        assertEquals(39, report.scoredCodes());
        assertTrue(report.cvSpearman() > 0.7, "brightness drives the labels: " + report.cvSpearman());
        assertTrue(report.cvMae() < 1.0, "MAE " + report.cvMae());
        assertTrue(report.baselineSpearman() > 0.7, report.baselineFeature() + " " + report.baselineSpearman());

        try (Database db = copyOfTrained()) {
            Path folder = db.folder().resolve("labels-models").resolve("learned-aesthetic");
            assertEquals(trained.folder().resolve("labels-models").resolve("learned-aesthetic"), report.folder());
            assertFalse(Files.exists(trained.models().resolve("learned-aesthetic")), "never in the shipped models/");
            JsonNode card = Json.MAPPER.readTree(Files.readString(folder.resolve("model.json")));
            assertEquals(36, card.get("training_set_size").asInt());
            assertEquals(report.cvSpearman(), card.get("cv_spearman").asDouble(), 1e-12);
            assertEquals(report.cvMae(), card.get("cv_mae").asDouble(), 1e-12);
            assertEquals(report.baselineFeature(), card.get("baseline").get("feature").asText());
            assertTrue(card.has("trained_at"));
            LearnedModels.Summary listed = LearnedModels.list(LearnedModels.folderFor(db)).get(0);
            assertEquals("learned-aesthetic", listed.name());
            assertEquals(36, listed.labeledCodes());
            assertTrue(listed.figures().startsWith("CV Spearman"), listed.figures());

            AestheticHead head = AestheticHead.read(folder.resolve("head.json"));
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
    }

    @Test
    void aLabeledCodesOwnLabelNeverChangesItsOwnScoreWhileARerunGivesTheSameScores() throws Exception {
        try (Database db = copyOfTrained()) {
            Map<String, EvalResult> first = learnedResults(db);
            String firstVersion = first.get("code-000").version();

            AestheticTraining.run(db, trained.models(), SETTINGS, msg -> { });
            Map<String, EvalResult> again = learnedResults(db);
            assertEquals(first.keySet(), again.keySet());
            for (String id : first.keySet()) {
                assertEquals(first.get(id).aesthetic(), again.get(id).aesthetic(), 0.0, id);
                assertEquals(firstVersion, again.get(id).version());
            }

            LabelRepository labels = new LabelRepository(db);
            for (Label head : labels.heads()) {
                if (head.codeId().equals("code-005")) {
                    labels.append(answer("code-005", head.labelerId(), true, 6 - head.aesthetic(), head.uuid()));
                }
            }
            AestheticTraining.run(db, trained.models(), SETTINGS, msg -> { });
            Map<String, EvalResult> relabeled = learnedResults(db);
            assertEquals(first.get("code-005").aesthetic(), relabeled.get("code-005").aesthetic(), 0.0,
                    "code-005's own labels must not reach its out-of-fold score");
            assertNotEquals(first.get("code-036").aesthetic(), relabeled.get("code-036").aesthetic(),
                    "the full fit, which the unlabeled code gets, did see the new labels");
        }
    }

    @Test
    void theDiscoveredEvaluatorGivesTheScoresTrainingStored() throws Exception {
        try (Database db = copyOfTrained()) {
            Map<String, EvalResult> stored = learnedResults(db);
            List<CodeWithPair> codes = new DatasetRepository(db).codes();
            try (ModelFolders shippedOnly = ModelFolders.discover(trained.models())) {
                assertTrue(shippedOnly.evaluators().isEmpty(), "the learned head belongs to its database");
            }
            try (ModelFolders folders = ModelFolders.forDatabase(trained.models(), db)) {
                assertEquals(List.of(), folders.problems());
                Evaluator learned = folders.evaluators().stream()
                        .filter(e -> e.name().equals(LearnedAestheticEvaluator.NAME)).findFirst().orElseThrow();
                assertEquals(stored.get("code-000").version(), learned.version());
                try (Evaluator.Worker worker = learned.newWorker()) {
                    for (CodeWithPair c : codes) {
                        EvalResult r = worker.evaluate(c, CodeImages.read(CodeImages.resolve(db.folder(),
                                c.code().imagePath())), "test");
                        assertEquals(stored.get(c.id()).aesthetic(), r.aesthetic(), 1e-5, c.id());
                    }
                }
            }
        }
    }

    @Test
    void theEvalRunnerThroughTheRegistryGivesTheScoresTrainingStored() throws Exception {
        try (Database db = copyOfTrained()) {
            Map<String, EvalResult> stored = learnedResults(db);
            try (ModelFolders folders = ModelFolders.forDatabase(trained.models(), db)) {
                EvaluatorRegistry registry = EvaluatorRegistry.standard();
                assertEquals(List.of(), folders.registerInto(registry));
                Evaluator learned = registry.create(LearnedAestheticEvaluator.NAME);
                new EvalRunner(db).run(List.of(learned), EvalRunner.Options.defaults().withThreads(2).withoutCache(),
                        p -> { }, new java.util.concurrent.atomic.AtomicBoolean());
            }
            Map<String, EvalResult> rerun = learnedResults(db);
            assertEquals(stored.keySet(), rerun.keySet());
            for (String id : stored.keySet()) {
                assertEquals(stored.get(id).aesthetic(), rerun.get(id).aesthetic(), 1e-5, id);
            }
        }
    }

    @Test
    void aReadOnlyShippedModelsFolderTrainsAndIsLeftAsItWas() throws Exception {
        Path models = modelsWithFeatures(dir.resolve("install"));
        Map<String, byte[]> before = ScanTrainingTest.snapshot(models);
        Path features = models.resolve("qr-art-features");
        for (Path p : List.of(features, models)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        try (Database db = copyOfTrained()) {
            AestheticTraining.Report r = AestheticTraining.run(db, models, SETTINGS, msg -> { });
            assertEquals(36, r.labeledCodes());
            assertTrue(r.folder().startsWith(db.folder().resolve("labels-models")));
        } finally {
            for (Path p : List.of(models, features)) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Map<String, byte[]> after = ScanTrainingTest.snapshot(models);
        assertEquals(before.keySet(), after.keySet(), "nothing written into the install's models folder");
        before.forEach((k, v) -> assertTrue(java.util.Arrays.equals(v, after.get(k)), k));
    }

    @Test
    void trainingOnDatabaseAChangesNothingThatDatabaseBUses() throws Exception {
        try (Database b = copyOfTrained()) {
            Path bFolder = LearnedModels.folderFor(b);
            Map<String, byte[]> filesB = ScanTrainingTest.snapshot(bFolder);
            Map<String, EvalResult> resultsB = learnedResults(b);
            try (Database a = syntheticDatabase(b.folder(), "other", 33, 2, true)) {
                AestheticTraining.Report r = AestheticTraining.run(a, trained.models(), SETTINGS, msg -> { });
                assertEquals(b.folder().resolve("other-models").resolve("learned-aesthetic"), r.folder(),
                        "A, in the same folder as B, keeps its model in a folder named after it");
                try (ModelFolders forA = ModelFolders.forDatabase(trained.models(), a);
                     ModelFolders forB = ModelFolders.forDatabase(trained.models(), b)) {
                    assertNotEquals(forA.evaluators().get(0).version(), forB.evaluators().get(0).version());
                    assertEquals(resultsB.get("code-000").version(), forB.evaluators().get(0).version());
                }
            }
            Map<String, byte[]> after = ScanTrainingTest.snapshot(bFolder);
            assertEquals(filesB.keySet(), after.keySet());
            filesB.forEach((k, v) -> assertTrue(java.util.Arrays.equals(v, after.get(k)), k));
            assertEquals(resultsB, learnedResults(b));
        }
    }

    @Test
    void aestheticScoresWithoutAScanAnswerAreTrainedOn() throws Exception {
        try (Database db = syntheticDatabase(dir, 32, 2, false)) {
            AestheticTraining.Report r = AestheticTraining.run(db, trained.models(), SETTINGS, msg -> { });
            assertEquals(32, r.labeledCodes());
            assertEquals(64, r.labels());
        }
    }

    @Test
    void tooFewLabeledCodesAreRefusedWithTheNumberNeededAndNothingIsWritten() throws Exception {
        try (Database db = syntheticDatabase(dir, 10, 3, false)) {
            TooFewLabelsException e = assertThrows(TooFewLabelsException.class,
                    () -> AestheticTraining.run(db, trained.models(), SETTINGS, msg -> { }));
            assertEquals(10, e.have());
            assertEquals(30, e.need());
            assertTrue(e.getMessage().contains("at least 30 codes with a human aesthetic score (with or without a "
                    + "scan answer)") && e.getMessage().contains("has 10") && e.getMessage().contains("label 20 more"),
                    e.getMessage());
            assertFalse(Files.exists(LearnedModels.folderFor(db)));
            assertTrue(learnedResults(db).isEmpty());
        }
    }
}
