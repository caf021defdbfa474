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
import org.qartalign.alignment.AlignmentReport;
import org.qartalign.alignment.Confusion;
import org.qartalign.alignment.ReportOptions;
import org.qartalign.eval.EvaluatorRegistry;
import org.qartalign.store.Database;
import org.qartalign.alignment.ReportHtmlWriter;
import org.qartalign.ui.common.Tasks;
import org.qartalign.ui.common.UiExecutors;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
    private final EngineSource source;
    private final ObjectProperty<ReportOptions> options = new SimpleObjectProperty<>(ReportOptions.defaults());
    private final ObjectProperty<AlignmentReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<AlignmentEngine> engine = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty excludeSimulated = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<String> scanEvaluator = new SimpleObjectProperty<>();
    /** What the user last picked, and the threshold they set for it; a report that lacks it does not forget it. */
    private String wantedEvaluator;
    private Double wantedThreshold;
    private boolean choosingForTheUser;
    private final DoubleProperty threshold = new SimpleDoubleProperty(0.5);
    private final StringProperty operatingPoint = new SimpleStringProperty("");
    private final ObjectProperty<Confusion> confusion = new SimpleObjectProperty<>();
    private final AtomicLong generation = new AtomicLong();
    private Consumer<CodeSelection> onOpenCodes = s -> { };
    private GalleryViewModel gallery;

    /** A set of codes a screen asks the gallery to show, with a title saying where they came from. */
    public record CodeSelection(String title, List<String> codeIds) {
    }

    /** Computes an engine for some options; the app's reads the database, tests' can fail on purpose. */
    interface EngineSource {
        AlignmentEngine compute(ReportOptions options);
    }

    public DashboardViewModel(Database db, UiExecutors executors) {
        this(db, executors, options -> Alignment.engine(db, options, executors.bootstrapWorkers()));
    }

    DashboardViewModel(Database db, UiExecutors executors, EngineSource source) {
        this.db = db;
        this.executors = executors;
        this.source = source;
        scanEvaluator.addListener((o, a, b) -> {
            if (!choosingForTheUser) {
                wantedEvaluator = b;
                wantedThreshold = null;
            }
            moveToOperatingPoint(a, b);
            updateConfusion();
        });
        threshold.addListener((o, a, b) -> {
            if (!choosingForTheUser && Objects.equals(scanEvaluator.get(), wantedEvaluator)) {
                wantedThreshold = b.doubleValue();
            }
            updateConfusion();
        });
        engine.addListener((o, a, b) -> updateConfusion());
        threshold.set(options.get().threshold());
        excludeSimulated.addListener((o, a, b) -> {
            ReportOptions opts = options.get();
            options.set(new ReportOptions(opts.bootstrap(), opts.seed(), opts.threshold(), opts.confidence(),
                    opts.evaluators(), opts.aesthetic(), b));
            refresh();
        });
    }

    /**
     * Recomputes the report in the background; a newer refresh supersedes an older one still running. The chosen
     * scan evaluator and threshold are kept, so a recompute or the "exclude simulated" switch never moves them.
     */
    public void refresh() {
        long mine = generation.incrementAndGet();
        ReportOptions opts = options.get();
        busy.set(true);
        progress.set(0.02);
        status.set("Computing the alignment report (" + opts.bootstrap() + " bootstrap replicates) ...");
        long t0 = System.nanoTime();
        Tasks.create(task -> {
                    long started = System.nanoTime();
                    task.progress(0.05, "Reading labels and eval results ...");
                    AlignmentEngine e = source.compute(opts);
                    long read = System.nanoTime();
                    task.progress(0.5, "Computing every figure over " + opts.bootstrap() + " bootstrap replicates ...");
                    AlignmentReport r = e.report();
                    return new Computed(e, r, (started - t0) / 1e9, (read - started) / 1e9,
                            (System.nanoTime() - read) / 1e9);
                })
                .onProgress(p -> {
                    if (mine == generation.get()) {
                        progress.set(p.fraction());
                        status.set(p.message());
                    }
                })
                .onSuccess(c -> {
                    if (mine == generation.get()) {
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        // On stderr, so the app's report time can be set against the CLI's on the same database.
                        System.err.printf(Locale.ROOT, "report computed in %.2f s (queued %.2f s, reading and "
                                        + "preparing %.2f s, figures %.2f s, shown %.2f s)%n", seconds, c.queued(),
                                c.read(), c.figures(), seconds - c.queued() - c.read() - c.figures());
                        show(c, seconds);
                    }
                })
                .onError(Throwable.class, ex -> {
                    if (mine == generation.get()) {
                        status.set("The report could not be computed: "
                                + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
                    }
                })
                .andFinally(() -> {
                    if (mine == generation.get()) {
                        busy.set(false);
                        progress.set(0);
                    }
                })
                .run(executors);
    }

    /** An engine and its report, with where the time went: waiting for a worker, reading, the figures. */
    private record Computed(AlignmentEngine engine, AlignmentReport report, double queued, double read,
                            double figures) {
    }

    private void show(Computed c, double seconds) {
        List<String> scans = c.engine().scanEvaluators();
        // The user's choice, even when the report in between lacked it (e.g. excluding simulated labels left none).
        String keep = wantedEvaluator != null ? wantedEvaluator : scanEvaluator.get();
        boolean kept = keep != null && scans.contains(keep);
        choosingForTheUser = true;
        try {
            engine.set(c.engine());
            report.set(c.report());
            scanEvaluator.set(kept ? keep : scans.isEmpty() ? null : scans.get(0));
            if (kept && wantedThreshold != null) {
                threshold.set(wantedThreshold);
            }
        } finally {
            choosingForTheUser = false;
        }
        AlignmentReport r = c.report();
        status.set(String.format(Locale.ROOT, "Report over %,d labeled codes, computed in %.1f s%s.",
                r.dataset().labeledCodes(), seconds, r.dataset().simulatedIncluded() && r.dataset().simulatedLabelers() > 0
                        ? "; includes SIMULATED labels" : ""));
    }

    /**
     * Writes the current report as one HTML file, off the UI thread, the same self-contained file as the CLI's
     * {@code report --format html} (thumbnails of the disagreements embedded); the status line says how it went.
     */
    public void exportHtml(Path file) {
        AlignmentReport r = report.get();
        if (r == null) {
            return;
        }
        status.set("Writing the report with its thumbnails to " + file + " ...");
        Tasks.create(() -> Files.writeString(file, ReportHtmlWriter.write(r, db), StandardCharsets.UTF_8))
                .onSuccess(f -> status.set("Report written to " + file))
                .onError(Throwable.class, ex -> status.set("Could not write " + file + ": " + ex.getMessage()))
                .run(executors);
    }

    /**
     * A scan evaluator whose scan_prob is a score starts at its advised threshold (max kappa against people, from
     * the report), not at 0.5; going back to a probability restores the report's threshold. Recomputes keep it.
     */
    private void moveToOperatingPoint(String from, String to) {
        AlignmentReport r = report.get();
        AlignmentReport.ScanEvaluator s = r == null || to == null ? null : r.scan().evaluators().get(to);
        Double advised = s == null || s.thresholdAdvice() == null || s.thresholdAdvice().maxKappa() == null ? null
                : s.thresholdAdvice().maxKappa().threshold();
        boolean score = to != null && EvaluatorRegistry.SCORES_NOT_PROBABILITIES.contains(to);
        if (score && advised != null) {
            threshold.set(advised);
            operatingPoint.set(String.format(Locale.ROOT, "%s's scan_prob is a score, not a probability: the "
                    + "threshold starts at its advised operating point %.2f (max kappa against people); the "
                    + "report's figures below are at %.2f.", to, advised, options.get().threshold()));
        } else {
            if (from != null && EvaluatorRegistry.SCORES_NOT_PROBABILITIES.contains(from)) {
                threshold.set(options.get().threshold());
            }
            operatingPoint.set(to == null ? "" : to.startsWith("learned-")
                    ? to + "'s scan_prob is a probability fitted to these labels (out of fold for labeled codes)."
                    : "");
        }
    }

    /** Why the threshold starts where it does for the chosen scan evaluator (empty when nothing to say). */
    public StringProperty operatingPointProperty() {
        return operatingPoint;
    }

    private void updateConfusion() {
        AlignmentEngine e = engine.get();
        String name = scanEvaluator.get();
        confusion.set(e == null || name == null || !e.scanEvaluators().contains(name) ? null
                : e.confusionAt(name, threshold.get()));
    }

    /** The disagreements gallery's model, made on first use. */
    public GalleryViewModel gallery() {
        if (gallery == null) {
            gallery = new GalleryViewModel(db, executors, this);
        }
        return gallery;
    }

    public void openCodes(String title, List<String> codeIds) {
        onOpenCodes.accept(new CodeSelection(title, codeIds));
    }

    public void setOnOpenCodes(Consumer<CodeSelection> handler) {
        this.onOpenCodes = handler;
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

    public BooleanProperty excludeSimulatedProperty() {
        return excludeSimulated;
    }

    public DoubleProperty progressProperty() {
        return progress;
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
