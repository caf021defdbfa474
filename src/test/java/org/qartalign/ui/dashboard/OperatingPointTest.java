package org.qartalign.ui.dashboard;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.alignment.AlignmentReport;
import org.qartalign.alignment.ReportOptions;
import org.qartalign.core.EvalResult;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.EvalResultRepository;
import org.qartalign.ui.common.UiExecutors;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scan evaluator whose scan_prob is a score starts at the report's threshold advice, not at 0.5. */
class OperatingPointTest {
    @TempDir
    Path dir;
    @AutoClose
    Database db;

    @Test
    void zxingRobustStartsAtItsAdvisedThresholdAndAProbabilityGoesBackToTheReportsThreshold() {
        db = LabeledDatabase.create(dir, false);
        // zxing-robust here gives a fifth of "zx"'s p = i / 40: the same ranking, far too low to read at 0.5.
        List<EvalResult> robust = new ArrayList<>();
        for (int i = 0; i < LabeledDatabase.CODES; i++) {
            String id = String.format("c%03d", i);
            String sha = new DatasetRepository(db).find(id).orElseThrow().code().sha256();
            robust.add(new EvalResult(id, "zxing-robust", "1+c1", i / 200.0, null, null, null, "r", Instant.now(), sha));
        }
        new EvalResultRepository(db).save(robust);
        DashboardViewModel m = new DashboardViewModel(db, UiExecutors.sameThread());
        m.optionsProperty().set(new ReportOptions(20, 3, 0.5, 0.95, List.of(), null, false));
        m.refresh();
        m.scanEvaluatorProperty().set("zx");
        assertEquals(0.5, m.thresholdProperty().get(), 0.0);

        m.scanEvaluatorProperty().set("zxing-robust");
        AlignmentReport.ThresholdChoice advice = m.reportProperty().get().scan().evaluators().get("zxing-robust")
                .thresholdAdvice().maxKappa();
        assertEquals(advice.threshold(), m.thresholdProperty().get(), 0.0);
        assertTrue(m.thresholdProperty().get() < 0.2, "p never reaches 0.2: " + m.thresholdProperty().get());
        assertTrue(m.operatingPointProperty().get().contains("is a score, not a probability"),
                m.operatingPointProperty().get());
        assertTrue(m.confusionProperty().get().tp() > 0, "at its operating point it passes codes");

        double chosen = m.thresholdProperty().get();
        m.refresh();
        assertEquals(chosen, m.thresholdProperty().get(), 0.0, "a recompute keeps the threshold");

        m.scanEvaluatorProperty().set("zx");
        assertEquals(0.5, m.thresholdProperty().get(), 0.0, "an evaluator not known as a score: the report's threshold");
        assertNotEquals(chosen, 0.5);
    }
}
