package org.qartalign.ui.dashboard;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.alignment.Alignment;
import org.qartalign.alignment.ReportOptions;
import org.qartalign.store.Database;
import org.qartalign.ui.common.UiExecutors;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard's state without a toolkit, with same-thread and hand-run executors (as JabRef's tests do). */
class DashboardViewModelTest {
    static final ReportOptions OPTIONS = new ReportOptions(20, 3, 0.5, 0.95, List.of(), null, false);
    @TempDir
    Path dir;
    @AutoClose
    Database db;

    private DashboardViewModel model(UiExecutors executors) {
        db = LabeledDatabase.create(dir, true);
        DashboardViewModel m = new DashboardViewModel(db, executors);
        m.optionsProperty().set(OPTIONS);
        return m;
    }

    @Test
    void theThresholdIsKeptAcrossRecomputesAndTheExcludeSimulatedSwitch() {
        DashboardViewModel m = model(UiExecutors.sameThread());
        m.refresh();
        assertEquals("zx", m.scanEvaluatorProperty().get());
        m.thresholdProperty().set(0.3);
        m.refresh();
        assertEquals(0.3, m.thresholdProperty().get());
        m.excludeSimulatedProperty().set(true);
        assertFalse(m.reportProperty().get().dataset().simulatedIncluded(), "the switch recomputed the report");
        assertEquals(80, m.reportProperty().get().dataset().labels(), "ana's and ben's 40 labels each");
        assertEquals(0.3, m.thresholdProperty().get());
        assertEquals("zx", m.scanEvaluatorProperty().get());
        // At 0.3 the eval passes codes 12..39 (p = i/40 >= 0.3): of those 12, 16, ..., 36 (7 codes) do not scan.
        assertEquals(7, m.confusionProperty().get().fp(), 1e-9);
        assertEquals(21, m.confusionProperty().get().tp(), 1e-9);
    }

    /** The tester's case: excluding simulated labels left no scan evaluator, and switching back lost the choice. */
    @Test
    void theChosenEvaluatorAndItsThresholdComeBackAfterAReportThatLackedThem() {
        db = LabeledDatabase.create(dir, true);
        List<org.qartalign.core.EvalResult> second = new ArrayList<>();
        for (int i = 0; i < LabeledDatabase.CODES; i++) {
            String id = String.format("c%03d", i);
            String sha = new org.qartalign.store.DatasetRepository(db).find(id).orElseThrow().code().sha256();
            second.add(new org.qartalign.core.EvalResult(id, "zz", "1", 1 - i / 40.0, null, null, null, "run",
                    java.time.Instant.now(), sha));
        }
        new org.qartalign.store.EvalResultRepository(db).save(second);
        UiExecutors ui = UiExecutors.sameThread();
        DashboardViewModel m = new DashboardViewModel(db, ui, o -> org.qartalign.alignment.Alignment.engine(db,
                o.excludeSimulated() ? new ReportOptions(o.bootstrap(), o.seed(), o.threshold(), o.confidence(),
                        List.of("aes"), o.aesthetic(), true) : o, ui.bootstrapWorkers()));
        m.optionsProperty().set(OPTIONS);
        m.refresh();
        assertEquals("zx", m.scanEvaluatorProperty().get(), "the first scan evaluator is shown first");
        m.scanEvaluatorProperty().set("zz");
        m.thresholdProperty().set(0.9);
        m.excludeSimulatedProperty().set(true);
        assertNull(m.scanEvaluatorProperty().get(), "this report has no scan evaluator");
        m.thresholdProperty().set(0.4);
        m.excludeSimulatedProperty().set(false);
        assertEquals("zz", m.scanEvaluatorProperty().get());
        assertEquals(0.9, m.thresholdProperty().get(), "the threshold set for zz, not the one moved meanwhile");
    }

    @Test
    void theDisagreementsGalleryCountsFalsePassesAtTheSharedThreshold() {
        DashboardViewModel m = model(UiExecutors.sameThread());
        m.refresh();
        GalleryViewModel g = m.gallery();
        // At 0.5 the eval passes 20..39, of which 20, 24, 28, 32, 36 do not scan; at 0.3 also 12 and 16.
        assertTrue(g.headingProperty().get().contains("at threshold 0.50: 5 false passes"), g.headingProperty().get());
        m.thresholdProperty().set(0.3);
        assertTrue(g.headingProperty().get().contains("at threshold 0.30: 7 false passes"), g.headingProperty().get());
        m.excludeSimulatedProperty().set(true);
        assertTrue(g.headingProperty().get().contains("at threshold 0.30: 7 false passes"), g.headingProperty().get());
        // Worst first, as the HTML report orders it: |p - share who scanned| is largest for c001 (p 0.025, 2 of 2).
        assertEquals("c001", g.itemsProperty().get().get(0).code().codeId());
        g.sortProperty().set(GalleryViewModel.SORTS.get(1));
        assertEquals("c036", g.itemsProperty().get().get(0).code().codeId(), "most confident false pass first");
    }

    @Test
    void anOverviewCardSaysInWordsThatAnEvalPassingHalfTheUnscannableCodesIsPoor() {
        DashboardViewModel m = model(UiExecutors.sameThread());
        m.excludeSimulatedProperty().set(true);
        var r = m.reportProperty().get();
        EvaluatorVerdict v = EvaluatorVerdict.scan(r.scan().evaluators().get("zx"), EvaluatorVerdict.scanCeiling(r));
        // At 0.5, of the 10 codes people could not scan (i % 4 == 0) the eval passes 20, 24, 28, 32, 36.
        assertEquals("closeness-poor", v.style());
        assertTrue(v.verdict().contains("50.0% of the codes people could not scan pass (over 20.0%)"), v.verdict());
        assertTrue(v.lines().get(1).startsWith("False passes: 5 of the 10 codes people could not scan pass this eval, "
                + "50.0%"), v.lines().get(1));
        assertTrue(v.lines().stream().noneMatch(l -> l.contains("_")), "no raw keys: " + v.lines());
    }

    @Test
    void aLabelerWhoSaysEveryCodeScansIsHighlightedAndTheOthersAreNot() {
        DashboardViewModel m = model(UiExecutors.sameThread());
        m.refresh();
        // sim scans 100%; ana's and ben's pooled rate is 75% (30 of 40 each): 25 points apart, outside sim's interval.
        // ana scans 75% against ben's and sim's pooled 87.5%: 12.5 points, under the 15-point bar.
        var outliers = LabelerOutliers.byScanRate(m.reportProperty().get().labelers());
        assertEquals(List.of("sim"), List.copyOf(outliers.keySet()));
        assertEquals("sim scans 100% of codes, the other labelers 75%: check their phone, light and instructions",
                outliers.get("sim"));
    }

    @Test
    void aNewerRefreshSupersedesAnOlderOneStillRunning() {
        List<Runnable> background = new ArrayList<>();
        DashboardViewModel m = model(new UiExecutors(background::add, Runnable::run, Runnable::run));
        m.refresh();
        m.excludeSimulatedProperty().set(true);
        assertEquals(2, background.size());
        assertTrue(m.busyProperty().get());
        background.get(1).run();
        assertEquals(80, m.reportProperty().get().dataset().labels(), "the newer run, without the simulated labels");
        assertFalse(m.busyProperty().get());
        background.get(0).run();
        assertEquals(80, m.reportProperty().get().dataset().labels(), "the older run finishing late changes nothing");
        assertFalse(m.busyProperty().get());
    }

    @Test
    void anErrorInTheComputationTurnsTheSpinnerOffAndSaysWhy() {
        db = LabeledDatabase.create(dir, false);
        DashboardViewModel m = new DashboardViewModel(db, UiExecutors.sameThread(), options -> {
            throw new OutOfMemoryError("Java heap space");
        });
        m.refresh();
        assertFalse(m.busyProperty().get(), "an Error must not leave the spinner on");
        assertEquals("The report could not be computed: Java heap space", m.statusProperty().get());
        assertNull(m.reportProperty().get());
    }

    @Test
    void anOlderRunFailingLateDoesNotOverwriteTheNewerReport() {
        db = LabeledDatabase.create(dir, false);
        List<Runnable> background = new ArrayList<>();
        int[] calls = {0};
        DashboardViewModel m = new DashboardViewModel(db, new UiExecutors(background::add, Runnable::run, Runnable::run),
                options -> {
                    if (calls[0]++ == 0) {
                        throw new IllegalStateException("database is locked");
                    }
                    return Alignment.engine(db, options);
                });
        m.optionsProperty().set(OPTIONS);
        m.refresh();
        m.refresh();
        background.get(0).run();
        assertTrue(m.busyProperty().get(), "the newer run is still going");
        background.get(1).run();
        assertFalse(m.busyProperty().get());
        assertTrue(m.statusProperty().get().startsWith("Report over 40 labeled codes"), m.statusProperty().get());
    }
}
