package org.qartalign.ui.dataset;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.qartalign.eval.LearnedAestheticEvaluator;
import org.qartalign.ui.common.Styles;
import org.qartalign.ui.dashboard.DashboardViewModel;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Import, evaluate, train and export, each as a background task with progress (and cancel where it can stop). */
public final class DatasetPane extends ScrollPane {
    public DatasetPane(DatasetViewModel model, DashboardViewModel dashboard) {
        setId("dataset-pane");
        setFitToWidth(true);

        Button importButton = new Button("Import manifest (JSONL) ...");
        importButton.setId("dataset-import");
        importButton.setOnAction(e -> choose(false, "manifest.jsonl", "JSONL manifest", "*.jsonl")
                .ifPresent(f -> model.importManifest(f.toPath())));
        Button importFolders = new Button("Import sorted folders ...");
        importFolders.setId("dataset-import-folders");
        importFolders.setOnAction(e -> FolderImportDialog.show(getScene().getWindow()).ifPresent(model::importFolders));

        List<CheckBox> boxes = new ArrayList<>();
        FlowPane evaluatorBoxes = new FlowPane(12, 6);
        for (String name : model.scanEvaluatorNames()) {
            CheckBox b = new CheckBox(name);
            b.setId("run-" + name);
            b.setSelected(true);
            boxes.add(b);
            evaluatorBoxes.getChildren().add(b);
        }
        CheckBox learned = new CheckBox(LearnedAestheticEvaluator.NAME);
        learned.setId("run-" + LearnedAestheticEvaluator.NAME);
        // offered only once this database has the model, so a run never fails with "unknown evaluator"
        learned.visibleProperty().bind(model.learnedAestheticTrainedProperty());
        learned.managedProperty().bind(learned.visibleProperty());
        learned.visibleProperty().addListener((o, was, now) -> learned.setSelected(learned.isSelected() && now));
        boxes.add(learned);
        evaluatorBoxes.getChildren().add(learned);
        TextField extra = new TextField();
        extra.setId("run-extra");
        extra.setPromptText("other model evaluators from models/, comma-separated");
        extra.setPrefColumnCount(34);
        Button run = new Button("Run evaluators");
        run.setId("dataset-run-evaluators");
        run.setOnAction(e -> {
            List<String> names = new ArrayList<>();
            boxes.stream().filter(CheckBox::isSelected).forEach(b -> names.add(b.getText()));
            Arrays.stream(extra.getText().split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add);
            if (!names.isEmpty()) {
                model.runEvaluators(names);
            }
        });

        Button train = new Button("Train learned aesthetic predictor");
        train.setId("dataset-train");
        train.setOnAction(e -> model.trainAesthetic());
        Button trainScan = new Button("Train scan model");
        trainScan.setId("dataset-train-scan");
        trainScan.setOnAction(e -> model.trainScan());
        Label learnedModels = new Label();
        learnedModels.setId("dataset-learned-models");
        learnedModels.setWrapText(true);
        learnedModels.getStyleClass().add("figures");
        learnedModels.textProperty().bind(model.learnedModelsProperty());
        model.refreshLearnedModels();

        Button exportLabels = new Button("Export labels (JSONL or CSV) ...");
        exportLabels.setId("dataset-export-labels");
        exportLabels.setOnAction(e -> choose(true, "labels.jsonl", "JSONL manifest or CSV", "*.jsonl", "*.csv")
                .ifPresent(f -> model.exportLabels(f.toPath())));
        Button exportReport = new Button("Export report (HTML, JSON or CSV) ...");
        exportReport.setId("dataset-export-report");
        exportReport.setOnAction(e -> choose(true, "alignment-report.html", "Report", "*.html", "*.json", "*.csv")
                .ifPresent(f -> model.exportReport(f.toPath(), dashboard.reportProperty().get())));

        for (Button b : List.of(importButton, importFolders, run, train, trainScan, exportLabels, exportReport)) {
            b.disableProperty().bind(model.runningProperty());
        }
        ProgressBar bar = new ProgressBar();
        bar.setId("dataset-progress");
        bar.setPrefWidth(420);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("dataset-cancel");
        cancel.visibleProperty().bind(model.cancellableProperty());
        cancel.setOnAction(e -> model.cancel());
        Label message = new Label();
        message.setId("dataset-message");
        message.textProperty().bind(model.messageProperty());
        Label log = new Label();
        log.setId("dataset-log");
        log.setWrapText(true);
        log.getStyleClass().add("figures");
        log.textProperty().bind(model.logProperty());

        VBox content = new VBox(14,
                section("Import", "Add generated codes, with any eval scores and earlier labels, from a JSONL "
                        + "manifest, or codes a person sorted into folders (valid/invalid, good/bad, 1 to 5).",
                        new HBox(10, importButton, importFolders)),
                section("Automated evals", "Scan evals decode simulated phone captures; model evaluators run "
                        + "TorchScript predictors from the models folder.", evaluatorBoxes, new HBox(8, extra, run)),
                section("Learn from the labels", "The aesthetic predictor is a small head on image features fitted "
                        + "to the mean human score; the scan model is a logistic regression from the stored scan "
                        + "evals to the human scan answers. Both use 5-fold cross-validation (labeled codes get "
                        + "out-of-fold values) and are saved beside this database.", new HBox(10, train, trainScan),
                        learnedModels),
                section("Export", "Labels as a manifest, and the alignment report as a file.",
                        new HBox(10, exportLabels, exportReport)),
                new HBox(10, bar, cancel), message, log);
        content.setPadding(new Insets(18));
        setContent(content);
    }

    private static VBox section(String title, String text, javafx.scene.Node... nodes) {
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        Label d = new Label(text);
        d.getStyleClass().add(Styles.MUTED);
        d.setWrapText(true);
        VBox box = new VBox(8, t, d);
        box.getChildren().addAll(nodes);
        box.getStyleClass().add(Styles.CARD);
        box.setPadding(new Insets(14));
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    private java.util.Optional<File> choose(boolean save, String initial, String description, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(initial);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        File f = org.qartalign.ui.common.Dialogs.choose(getScene().getWindow(),
                save ? chooser::showSaveDialog : chooser::showOpenDialog);
        return java.util.Optional.ofNullable(f);
    }
}
