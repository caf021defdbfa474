package org.qartalign.ui.dataset;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.eval.ScanLabelsFixture;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.EvalResultRepository;
import org.qartalign.testing.TestDatasets;
import org.qartalign.ui.common.UiExecutors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Dataset screen's tasks without a toolkit: what the log says, when the dashboard is told, cancel; and its
 * "Train scan model" with the list of learned models.
 */
class DatasetViewModelTest {
    @TempDir
    Path dir;
    @AutoClose
    Database db;
    int dataChanged;

    private DatasetViewModel model(UiExecutors executors) {
        return new DatasetViewModel(db, executors, dir.resolve("models"), () -> dataChanged++);
    }

    @Test
    void importingAManifestAddsItsCodesLogsTheCountsAndRefreshesTheDashboard() throws Exception {
        db = Database.open(dir.resolve("labels.db"));
        TestDatasets.writeQr("https://a.b/1", dir.resolve("one.png"));
        Path manifest = Files.writeString(dir.resolve("m.jsonl"),
                "{\"id\": \"m1\", \"prompt\": \"p\", \"url\": \"https://a.b/1\", \"image\": \"one.png\"}\n");
        DatasetViewModel m = model(UiExecutors.sameThread());
        m.importManifest(manifest);
        assertEquals(1, new DatasetRepository(db).countCodes());
        assertEquals(manifest + ": 1 codes added, 0 already present, 0 labels and 0 eval results added",
                m.logProperty().get());
        assertEquals(1, dataChanged);
        assertFalse(m.runningProperty().get());
        assertEquals("", m.messageProperty().get());
    }

    @Test
    void aBadManifestIsLoggedWithItsFileAndLineAndTheDashboardIsNotRefreshed() throws Exception {
        db = Database.open(dir.resolve("labels.db"));
        Path manifest = Files.writeString(dir.resolve("bad.jsonl"), "{\"id\": \"m1\", \"prompt\": \"p\",\n");
        DatasetViewModel m = model(UiExecutors.sameThread());
        m.importManifest(manifest);
        String log = m.logProperty().get();
        assertTrue(log.startsWith("Failed: ") && log.contains(manifest + ":1"), log);
        assertEquals(0, dataChanged);
        assertFalse(m.runningProperty().get());
        assertEquals(0, new DatasetRepository(db).countCodes());
    }

    @Test
    void runningTheScanEvalStoresAResultPerCodeAndSaysSo() {
        db = TestDatasets.withCodes(dir, 3);
        DatasetViewModel m = model(UiExecutors.sameThread());
        m.runEvaluators(List.of("zxing-plain"));
        assertTrue(m.logProperty().get().contains("zxing-plain: 3 evaluated, 0 cached"), m.logProperty().get());
        // Plain QR codes of their own URLs: every one decodes.
        for (String id : List.of("c000", "c001", "c002")) {
            assertEquals(1.0, new EvalResultRepository(db).forCode(id).get(0).scanProb(), id);
        }
        assertEquals(1, dataChanged);
    }

    @Test
    void cancellingARunBeforeItStartsEvaluatesNothingAndSaysWhatHappened() {
        db = TestDatasets.withCodes(dir, 3);
        List<Runnable> background = new ArrayList<>();
        DatasetViewModel m = model(new UiExecutors(background::add, Runnable::run, Runnable::run));
        m.runEvaluators(List.of("zxing-plain"));
        assertTrue(m.runningProperty().get());
        assertTrue(m.cancellableProperty().get());
        m.cancel();
        background.forEach(Runnable::run);
        assertTrue(m.logProperty().get().startsWith("Cancelled;"), m.logProperty().get());
        assertTrue(new EvalResultRepository(db).forCode("c000").isEmpty());
        assertFalse(m.runningProperty().get());
        assertFalse(m.cancellableProperty().get());
    }

    @Test
    void oneTaskRunsAtATime() {
        db = TestDatasets.withCodes(dir, 2);
        List<Runnable> background = new ArrayList<>();
        DatasetViewModel m = model(new UiExecutors(background::add, Runnable::run, Runnable::run));
        m.runEvaluators(List.of("zxing-plain"));
        m.exportLabels(dir.resolve("labels.jsonl"));
        assertEquals(1, background.size(), "the export waits for the user to try again");
    }

    @Test
    void exportingLabelsWritesTheManifestAndNamesTheFile() {
        db = TestDatasets.withCodes(dir, 2);
        DatasetViewModel m = model(UiExecutors.sameThread());
        Path out = dir.resolve("labels.jsonl");
        m.exportLabels(out);
        assertEquals("Wrote 2 codes to " + out, m.logProperty().get());
        assertTrue(Files.exists(out));
        assertEquals(0, dataChanged, "an export changes no data");
    }

    @Test
    void trainingTheScanModelLogsItsFiguresListsItAndRefreshesTheDashboard() {
        db = ScanLabelsFixture.create(dir.resolve("labels.db"), 60, 5, 3);
        DatasetViewModel m = model(UiExecutors.sameThread());
        m.refreshLearnedModels();
        assertEquals("No model learned from this database's labels yet.", m.learnedModelsProperty().get());
        m.trainScan();
        String log = m.logProperty().get();
        assertTrue(log.contains("trained on 60 labeled codes") && log.contains("CV AUC"), log);
        assertEquals(1, dataChanged);
        String listed = m.learnedModelsProperty().get();
        assertTrue(listed.startsWith("learned-scan (lr-") && listed.contains("on 60 codes, 120 labels; CV AUC"), listed);
        assertFalse(m.learnedAestheticTrainedProperty().get(), "no learned-aesthetic to offer");
        assertTrue(Files.isDirectory(dir.resolve("labels-models/learned-scan")));
    }

    @Test
    void cancellingTheScanTrainingSavesNothingAndSaysSo() {
        db = ScanLabelsFixture.create(dir.resolve("labels.db"), 60, 5, 3);
        List<Runnable> background = new ArrayList<>();
        DatasetViewModel m = model(new UiExecutors(background::add, Runnable::run, Runnable::run));
        m.trainScan();
        assertTrue(m.cancellableProperty().get());
        m.cancel();
        new ArrayList<>(background).forEach(Runnable::run);
        String log = m.logProperty().get();
        assertTrue(log.contains("cancelled"), log);
        assertFalse(Files.exists(dir.resolve("labels-models")));
        assertFalse(m.runningProperty().get());
    }

    @Test
    void tooFewLabelsAreLoggedWithHowManyMoreAreNeeded() {
        db = ScanLabelsFixture.create(dir.resolve("labels.db"), 6, 5, 3);
        DatasetViewModel m = model(UiExecutors.sameThread());
        m.trainScan();
        String log = m.logProperty().get();
        assertTrue(log.startsWith("Failed: train-scan needs at least 10 codes of each class") && log.contains("more"),
                log);
        assertEquals(0, dataChanged);
    }
}
