package org.qartalign.ui.dataset;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.qartalign.alignment.Alignment;
import org.qartalign.alignment.AlignmentReport;
import org.qartalign.alignment.ReportCsvWriter;
import org.qartalign.alignment.ReportHtmlWriter;
import org.qartalign.alignment.ReportJsonWriter;
import org.qartalign.dataset.FolderImport;
import org.qartalign.dataset.FolderImporter;
import org.qartalign.dataset.ManifestExporter;
import org.qartalign.dataset.ManifestImporter;
import org.qartalign.eval.AestheticTraining;
import org.qartalign.eval.EvalProgress;
import org.qartalign.eval.EvalRunSummary;
import org.qartalign.eval.EvalRunner;
import org.qartalign.eval.Evaluator;
import org.qartalign.eval.EvaluatorRegistry;
import org.qartalign.eval.HeadTrainer;
import org.qartalign.eval.LearnedAestheticEvaluator;
import org.qartalign.eval.LearnedModels;
import org.qartalign.eval.ModelFolders;
import org.qartalign.eval.PayloadMatch;
import org.qartalign.eval.ScanTraining;
import org.qartalign.store.Database;
import org.qartalign.ui.common.Tasks;
import org.qartalign.ui.common.UiExecutors;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * The Dataset screen's work: import, evaluation runs, training and exports, each a background task with progress,
 * and cancel where the work can stop cleanly. One task runs at a time; when one changes the data the dashboard
 * report is recomputed.
 */
public final class DatasetViewModel {
    private final Database db;
    private final UiExecutors executors;
    private final Path models;
    private final Runnable dataChanged;
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty cancellable = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty log = new SimpleStringProperty("");
    private final StringProperty learnedModels = new SimpleStringProperty("");
    private final BooleanProperty learnedAestheticTrained = new SimpleBooleanProperty();
    private Tasks.Running current;

    public DatasetViewModel(Database db, UiExecutors executors, Path models, Runnable dataChanged) {
        this.db = db;
        this.executors = executors;
        this.models = models;
        this.dataChanged = dataChanged;
    }

    /** Reads this database's learned models in the background and shows them (the screen calls it when built). */
    public void refreshLearnedModels() {
        executors.background().execute(this::publishLearnedModels);
    }

    /** Reads this database's learned models (off the FX thread) and shows them. */
    private void publishLearnedModels() {
        List<LearnedModels.Summary> list = LearnedModels.list(LearnedModels.folderFor(db));
        StringBuilder sb = new StringBuilder();
        for (LearnedModels.Summary m : list) {
            sb.append(String.format(Locale.ROOT, "%s (%s): trained %s on %,d codes, %,d labels; %s%n", m.name(),
                    m.version(), m.trainedAt(), m.labeledCodes(), m.labels(), m.figures()));
        }
        String text = list.isEmpty() ? "No model learned from this database's labels yet." : sb.toString().trim();
        boolean aesthetic = list.stream().anyMatch(m -> m.name().equals(LearnedAestheticEvaluator.NAME));
        executors.ui().execute(() -> {
            learnedModels.set(text);
            learnedAestheticTrained.set(aesthetic);
        });
    }

    /** Built-in evaluators; model evaluators are found in the models folder when a run asks for them. */
    public List<String> scanEvaluatorNames() {
        return EvaluatorRegistry.standard().names();
    }

    public void importManifest(Path file) {
        start("Importing " + file + " ...", false, task -> {
            ManifestImporter.Result r = new ManifestImporter(db).importFile(file);
            return r.toString();
        }, true);
    }

    /** Builds codes and labels from sorted folders; cancelling before the final write stores nothing. */
    public void importFolders(FolderImport.Options options) {
        start("Importing " + options.folder() + " ...", true, task -> {
            try {
                return new FolderImporter(db).run(options, task::progress, task::cancelled).toString();
            } catch (CancellationException e) {
                return "Folder import cancelled; nothing was stored.";
            }
        }, true);
    }

    /** Runs the named evaluators over every code; names not built in are looked up in the models folder. */
    public void runEvaluators(List<String> names) {
        start("Evaluating with " + String.join(", ", names) + " ...", true, task -> {
            EvaluatorRegistry registry = EvaluatorRegistry.standard();
            boolean wantsModels = names.stream().anyMatch(n -> !registry.names().contains(n));
            try (ModelFolders folders = wantsModels ? ModelFolders.forDatabase(models, db) : null) {
                StringBuilder problems = new StringBuilder();
                if (folders != null) {
                    folders.problems().forEach(p -> problems.append("problem: ").append(p.message()).append('\n'));
                    folders.registerInto(registry).forEach(p -> problems.append("problem: ").append(p.message()).append('\n'));
                }
                List<Evaluator> evaluators = registry.createAll(names, PayloadMatch.EXACT);
                EvalRunSummary s = new EvalRunner(db).run(evaluators, EvalRunner.Options.defaults(),
                        p -> onEvalProgress(task, p), task.cancelFlag());
                return problems + summary(s);
            }
        }, true);
    }

    private static void onEvalProgress(Tasks.Context task, EvalProgress p) {
        task.progress(p.fraction(), String.format(Locale.ROOT, "Evaluated %,d of %,d codes - %s elapsed%s", p.done(),
                p.total(), format(p.elapsed()), p.eta() == null ? "" : ", about " + format(p.eta()) + " left"));
    }

    static String summary(EvalRunSummary s) {
        StringBuilder sb = new StringBuilder(s.cancelled() ? "Cancelled; what finished is stored and a new run resumes.\n"
                : "Done in " + format(s.elapsed()) + ".\n");
        s.evaluated().forEach((name, n) -> sb.append(String.format(Locale.ROOT, "%s: %,d evaluated, %,d cached%n",
                name, n, s.skippedCached().getOrDefault(name, 0))));
        if (!s.failures().isEmpty()) {
            sb.append(s.failures().size()).append(" codes could not be read, e.g. ")
                    .append(s.failures().get(0).codeId()).append(": ").append(s.failures().get(0).message());
        }
        return sb.toString();
    }

    public void trainAesthetic() {
        start("Training the learned aesthetic predictor ...", false, task -> {
            AestheticTraining.Report r;
            try {
                r = AestheticTraining.run(db, models, HeadTrainer.Settings.defaults(5, 1), m -> task.progress(-1, m));
            } finally {
                publishLearnedModels();
            }
            return String.format(Locale.ROOT, "learned-aesthetic %s: %d labeled codes, cross-validated Spearman %.3f, "
                            + "MAE %.3f (best single feature %s: %.3f); %d codes scored%s.", r.version(),
                    r.labeledCodes(), r.cvSpearman(), r.cvMae(), r.baselineFeature(), r.baselineSpearman(),
                    r.scoredCodes(), r.simulatedLabels() > 0 ? "; trained on SIMULATED labels" : "");
        }, true);
    }

    /** Fits learned-scan to the human scan answers; cancel stops it between folds and saves nothing. */
    public void trainScan() {
        start("Training the learned scan model ...", true, task -> {
            try {
                ScanTraining.Report r = ScanTraining.run(db, ScanTraining.Settings.defaults(),
                        m -> task.progress(-1, m), task.cancelFlag());
                return String.join("\n", ScanTraining.lines(r));
            } catch (CancellationException e) {
                return e.getMessage();
            } finally {
                publishLearnedModels();
            }
        }, true);
    }

    public void exportLabels(Path file) {
        boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        start("Exporting labels to " + file + " ...", false, task -> {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                ManifestExporter e = new ManifestExporter(db, file.toAbsolutePath().getParent());
                int n = csv ? e.writeCsv(w) : e.writeJsonl(w);
                return String.format(Locale.ROOT, "Wrote %,d codes to %s", n, file);
            }
        }, false);
    }

    public void exportReport(Path file, AlignmentReport current) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        start("Writing the report to " + file + " ...", false, task -> {
            AlignmentReport r = current != null ? current
                    : Alignment.report(db, org.qartalign.alignment.ReportOptions.defaults(), executors.bootstrapWorkers());
            String text = name.endsWith(".csv") ? ReportCsvWriter.write(r)
                    : name.endsWith(".json") ? ReportJsonWriter.write(r) : ReportHtmlWriter.write(r, db);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return "Report written to " + file;
        }, false);
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
            message.set("Cancelling ...");
        }
    }

    private void start(String what, boolean canCancel, Tasks.Work<String> work, boolean changesData) {
        if (running.get()) {
            return;
        }
        running.set(true);
        cancellable.set(canCancel);
        progress.set(-1);
        message.set(what);
        current = Tasks.create(work)
                .onProgress(p -> {
                    progress.set(p.fraction());
                    message.set(p.message());
                })
                .onSuccess(result -> {
                    addToLog(result);
                    if (changesData) {
                        dataChanged.run();
                    }
                })
                .onError(Throwable.class, e -> addToLog("Failed: " + (e.getMessage() != null ? e.getMessage() : e)))
                .andFinally(() -> {
                    current = null;
                    running.set(false);
                    cancellable.set(false);
                    progress.set(0);
                    message.set("");
                })
                .run(executors);
    }

    private void addToLog(String line) {
        log.set(line + (log.get().isEmpty() ? "" : "\n\n" + log.get()));
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty cancellableProperty() {
        return cancellable;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** This database's learned models: name, version, training date, label count and cross-validated figures. */
    public StringProperty learnedModelsProperty() {
        return learnedModels;
    }

    /** Whether this database has a learned-aesthetic model, so that running it can work. */
    public BooleanProperty learnedAestheticTrainedProperty() {
        return learnedAestheticTrained;
    }

    public StringProperty logProperty() {
        return log;
    }
}
