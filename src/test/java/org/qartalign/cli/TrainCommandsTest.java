package org.qartalign.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.eval.AestheticTrainingTest;
import org.qartalign.eval.ScanLabelsFixture;
import org.qartalign.store.Database;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train-scan}, {@code train-aesthetic} and {@code models} as a user runs them. */
class TrainCommandsTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = QArtAlignCommand.commandLine(p -> 0);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void trainScanPrintsCrossValidatedFiguresAndSavesBesideTheDatabase() {
        Path db = dir.resolve("labels.db");
        ScanLabelsFixture.create(db, 70, 10, 4).close();
        Run r = run("train-scan", "--db", db.toString(), "--folds", "4", "-C", "0.5");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("trained on 70 labeled codes (140 answers"), r.out());
        assertTrue(r.out().matches("(?s).*out-of-fold on \\d+ codes with a clear majority: CV AUC 0\\.\\d{3} \\[.*"),
                r.out());
        assertTrue(r.out().contains("calibration (predicted bin"), r.out());
        assertTrue(r.out().contains("for comparison, zxing-robust's own scan_prob"), r.out());
        assertTrue(r.out().contains("stored learned-scan probabilities for 80 codes"), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("labels-models/learned-scan/model.json")));
    }

    @Test
    void trainScanWithTooFewLabelsExitsTwoSayingHowManyMore() {
        Path db = dir.resolve("labels.db");
        ScanLabelsFixture.create(db, 8, 10, 4).close();
        Run r = run("train-scan", "--db", db.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("train-scan needs at least 10 codes of each class") && r.err().contains("more codes"),
                r.err());
        assertFalse(Files.exists(dir.resolve("labels-models")));
    }

    @Test
    void trainAestheticThenModelsListsTheLearnedModelWithItsFigures() throws Exception {
        Path models = AestheticTrainingTest.modelsWithFeatures(dir.resolve("install"));
        try (Database db = AestheticTrainingTest.syntheticDatabase(dir, "labels", 30, 2, false)) {
            assertTrue(db.file().toString().endsWith("labels.db"));
        }
        String dbFile = dir.resolve("labels.db").toString();
        Run before = run("models", "--models", models.toString(), "--db", dbFile);
        assertEquals(0, before.exit(), before.err());
        assertTrue(before.out().contains("features qr-art-features"), before.out());
        assertFalse(before.out().contains("learned-aesthetic"), before.out());

        Run train = run("train-aesthetic", "--db", dbFile, "--models", models.toString(), "--folds", "3",
                "--epochs", "30");
        assertEquals(0, train.exit(), train.err());
        assertTrue(train.out().contains("trained on 30 labeled codes (60 labels), 3 folds"), train.out());
        assertTrue(train.out().contains("saved " + dir.resolve("labels-models").resolve("learned-aesthetic")),
                train.out());

        Run after = run("models", "--models", models.toString(), "--db", dbFile);
        assertEquals(0, after.exit(), after.err());
        assertTrue(after.out().contains("evaluator learned-aesthetic head-"), after.out());
        assertTrue(after.out().matches("(?s).*learned learned-aesthetic head-\\w+ trained \\d{4}-.* on 30 codes "
                + "\\(60 labels\\): CV Spearman .*"), after.out());
        assertFalse(Files.exists(models.resolve("learned-aesthetic")));
    }

    @Test
    void trainAestheticWithTooFewScoresExitsTwoSayingHowManyMore() throws Exception {
        AestheticTrainingTest.syntheticDatabase(dir, "labels", 12, 2, false).close();
        Run r = run("train-aesthetic", "--db", dir.resolve("labels.db").toString(), "--models",
                dir.resolve("nowhere").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("has 12: label 18 more codes first"), r.err());
    }

    @Test
    void modelsNamesABadFolderAndExitsOne() throws Exception {
        Path models = AestheticTrainingTest.modelsWithFeatures(dir.resolve("install"));
        Files.createDirectories(models.resolve("broken"));
        Files.writeString(models.resolve("broken/model.json"), "{\"name\": \"broken\"");
        Run r = run("models", "--models", models.toString(), "--db", dir.resolve("none.db").toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("features qr-art-features"), r.out());
        assertTrue(r.err().contains("problem: ") && r.err().contains("broken"), r.err());
    }
}
