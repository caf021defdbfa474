package org.qartalign.ui.dashboard;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.qartalign.alignment.Alignment;
import org.qartalign.alignment.AlignmentEngine;
import org.qartalign.alignment.BootstrapWorkers;
import org.qartalign.alignment.AlignmentReport;
import org.qartalign.alignment.Confusion;
import org.qartalign.alignment.ReportOptions;
import org.qartalign.store.Database;
import org.qartalign.ui.common.UiExecutors;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The dashboard's state: one alignment report computed off the UI thread by the same code as the CLI's
 * {@code report}, the engine behind it (so the threshold slider recomputes a confusion matrix in O(log n)), and
 * the options the eval engineer picked.
 */
public final class DashboardViewModel {
    private final Database db;
    private final UiExecutors executors;
    private final ObjectProperty<ReportOptions> options = new SimpleObjectProperty<>(ReportOptions.defaults());
    private final ObjectProperty<AlignmentReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<AlignmentEngine> engine = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<String> scanEvaluator = new SimpleObjectProperty<>();
    private final DoubleProperty threshold = new SimpleDoubleProperty(0.5);
    private final ObjectProperty<Confusion> confusion = new SimpleObjectProperty<>();
    private final AtomicLong generation = new AtomicLong();
    private Consumer<CodeSelection> onOpenCodes = s -> { };

    /** A set of codes a screen asks the gallery to show, with a title saying where they came from. */
    public record CodeSelection(String title, List<String> codeIds) {
    }

    public DashboardViewModel(Database db, UiExecutors executors) {
        this.db = db;
        this.executors = executors;
        scanEvaluator.addListener((o, a, b) -> updateConfusion());
        threshold.addListener((o, a, b) -> updateConfusion());
        engine.addListener((o, a, b) -> updateConfusion());
    }

    /** Recomputes the report in the background; a newer refresh supersedes an older one still running. */
    public void refresh() {
        long mine = generation.incrementAndGet();
        ReportOptions opts = options.get();
        busy.set(true);
        status.set("Computing the alignment report (" + opts.bootstrap() + " bootstrap replicates) ...");
        executors.background().execute(() -> {
            try {
                long t0 = System.nanoTime();
                AlignmentEngine e = Alignment.engine(db, opts, BootstrapWorkers.over(executors.background()));
                AlignmentReport r = e.report();
                double seconds = (System.nanoTime() - t0) / 1e9;
                executors.ui().execute(() -> {
                    if (mine != generation.get()) {
                        return;
                    }
                    engine.set(e);
                    report.set(r);
                    List<String> scans = e.scanEvaluators();
                    if (scanEvaluator.get() == null || !scans.contains(scanEvaluator.get())) {
                        scanEvaluator.set(scans.isEmpty() ? null : scans.get(0));
                    }
                    threshold.set(opts.threshold());
                    busy.set(false);
                    status.set(String.format("Report over %,d labeled codes, computed in %.1f s%s.",
                            r.dataset().labeledCodes(), seconds,
                            r.dataset().simulatedIncluded() && r.dataset().simulatedLabelers() > 0
                                    ? "; includes SIMULATED labels" : ""));
                });
            } catch (RuntimeException ex) {
                executors.ui().execute(() -> {
                    if (mine == generation.get()) {
                        busy.set(false);
                        status.set("The report could not be computed: " + ex.getMessage());
                    }
                });
            }
        });
    }

    private void updateConfusion() {
        AlignmentEngine e = engine.get();
        String name = scanEvaluator.get();
        confusion.set(e == null || name == null || !e.scanEvaluators().contains(name) ? null
                : e.confusionAt(name, threshold.get()));
    }

    public void openCodes(String title, List<String> codeIds) {
        onOpenCodes.accept(new CodeSelection(title, codeIds));
    }

    public void setOnOpenCodes(Consumer<CodeSelection> handler) {
        this.onOpenCodes = handler;
    }

    public Database database() {
        return db;
    }

    public UiExecutors executors() {
        return executors;
    }

    public ObjectProperty<ReportOptions> optionsProperty() {
        return options;
    }

    public ObjectProperty<AlignmentReport> reportProperty() {
        return report;
    }

    public ObjectProperty<AlignmentEngine> engineProperty() {
        return engine;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<String> scanEvaluatorProperty() {
        return scanEvaluator;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public ObjectProperty<Confusion> confusionProperty() {
        return confusion;
    }
}
