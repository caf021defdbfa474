package org.qartalign.ui.dataset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.eval.ScanLabelsFixture;
import org.qartalign.store.Database;
import org.qartalign.ui.common.UiExecutors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Dataset screen's "Train scan model" and its list of learned models. */
class DatasetViewModelTrainingTest {
    @TempDir
    Path dir;

    Database db;
    int dataChanged;

    @AfterEach
    void close() {
        db.close();
    }

    private DatasetViewModel model(UiExecutors executors) {
        return new DatasetViewModel(db, executors, dir.resolve("models"), () -> dataChanged++);
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
