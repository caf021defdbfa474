package org.qartalign.ui.dashboard;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.qartalign.alignment.AlignmentReport;
import org.qartalign.ui.common.Styles;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Aesthetic agreement: eval score against the mean human score, with rank and linear correlations per labeler. */
final class AestheticPane extends ScrollPane {
    private final DashboardViewModel model;
    private final ComboBox<String> evaluator = new ComboBox<>();
    private final NumberAxis humanAxis = new NumberAxis("mean human score (1-5, jittered)", 0.5, 5.5, 0.5);
    private final NumberAxis evalAxis = new NumberAxis();
    private final ScatterChart<Number, Number> scatter = new ScatterChart<>(humanAxis, evalAxis);
    private final Label figures = new Label();
    private final TableView<AlignmentReport.SingleLabeler> perLabeler = new TableView<>();
    private final Label none = new Label("No aesthetic evaluator has scored these codes yet. Train one on the "
            + "Dataset screen (\"Train learned aesthetic predictor\", or `qart-align train-aesthetic`), or import eval "
            + "results with an aesthetic score: its agreement with the people's scores then shows here.");
    private final HBox chartRow;
    private final HBox controls;
    private final Label perLabelerTitle =
            new Label("Does the eval agree with each labeler as well as that labeler agrees with the others?");

    AestheticPane(DashboardViewModel model) {
        this.model = model;
        setId("aesthetic-pane");
        setFitToWidth(true);
        evaluator.setId("aesthetic-evaluator");
        evaluator.valueProperty().addListener((o, a, b) -> show());
        controls = new HBox(12, new Label("Evaluator"), evaluator);
        controls.setAlignment(Pos.CENTER_LEFT);
        evalAxis.setLabel("eval score");
        evalAxis.setForceZeroInRange(false);
        scatter.setId("aesthetic-scatter");
        scatter.setTitle("Eval score against mean human score");
        scatter.setAnimated(false);
        scatter.setLegendVisible(false);
        // Mean scores fall on a few values: jitter and translucent small dots keep piled-up points visible.
        scatter.getStyleClass().add("dense-scatter");
        scatter.setPrefSize(560, 420);
        ChartSaving.install(scatter, "aesthetic-scatter");
        figures.setId("aesthetic-figures");
        figures.getStyleClass().add("figures");
        figures.setWrapText(true);
        perLabeler.setId("aesthetic-per-labeler");
        perLabeler.setPrefHeight(220);
        perLabeler.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        perLabeler.setPlaceholder(new Label("No labeler has scored codes this evaluator scored."));
        perLabeler.getColumns().addAll(List.of(
                column("labeler", AlignmentReport.SingleLabeler::labeler, 150),
                column("n", s -> String.valueOf(s.n()), 50),
                column("eval vs labeler: Spearman", s -> Figures.withInterval(s.spearman()), 190),
                column("Kendall tau-b", s -> Figures.withInterval(s.kendallTauB()), 170),
                column("Pearson", s -> Figures.withInterval(s.pearson()), 170),
                column("labeler vs the others: Spearman", s -> Figures.withInterval(s.labelerVsOthersSpearman()), 220)));
        VBox right = new VBox(10, figures);
        right.setPrefWidth(380);
        none.setId("aesthetic-none");
        none.setWrapText(true);
        none.setMaxWidth(620);
        none.getStyleClass().add(Styles.MUTED);
        chartRow = new HBox(18, scatter, right);
        VBox content = new VBox(16, controls, none, chartRow, perLabelerTitle, perLabeler);
        content.setPadding(new Insets(18));
        setContent(content);
        model.reportProperty().addListener((o, a, r) -> reload());
        reload();
    }

    private static TableColumn<AlignmentReport.SingleLabeler, String> column(
            String name, Function<AlignmentReport.SingleLabeler, String> value, double minWidth) {
        TableColumn<AlignmentReport.SingleLabeler, String> c = new TableColumn<>(name);
        c.setMinWidth(minWidth);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private void reload() {
        AlignmentReport r = model.reportProperty().get();
        List<String> names = r == null ? List.of() : new ArrayList<>(r.aesthetic().evaluators().keySet());
        String keep = evaluator.getValue();
        evaluator.setItems(FXCollections.observableArrayList(names));
        evaluator.setValue(keep != null && names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0));
        show();
    }

    private void show() {
        scatter.getData().clear();
        perLabeler.getItems().clear();
        AlignmentReport r = model.reportProperty().get();
        String name = evaluator.getValue();
        AlignmentReport.AestheticEvaluator a = r == null || name == null ? null : r.aesthetic().evaluators().get(name);
        // Without an aesthetic evaluator an empty chart and table say nothing: a hint says what to do instead.
        for (Node n : List.of(controls, chartRow, perLabelerTitle, perLabeler)) {
            n.setVisible(a != null);
            n.setManaged(a != null);
        }
        none.setVisible(a == null);
        none.setManaged(a == null);
        if (a == null) {
            figures.setText("");
            return;
        }
        AlignmentReport.AestheticInterRater h = r.aesthetic().interRater();
        figures.setText(String.join("\n",
                name + " against the mean human score (n = " + a.n() + ")",
                "Spearman " + Figures.withInterval(a.spearman()),
                "Kendall tau-b " + Figures.withInterval(a.kendallTauB()),
                "Pearson " + Figures.withInterval(a.pearson()),
                "",
                "People among themselves:",
                "Krippendorff's alpha (interval) " + Figures.withInterval(h.krippendorffAlphaInterval()),
                "Krippendorff's alpha (ordinal) " + Figures.withInterval(h.krippendorffAlphaOrdinal()),
                "typical labeler vs the others, Spearman " + Figures.withInterval(h.typicalLabelerSpearman())));
        XYChart.Series<Number, Number> points = new XYChart.Series<>();
        Random jitter = new Random(7);
        for (double[] p : a.scatter()) {
            points.getData().add(new XYChart.Data<>(p[0] + (jitter.nextDouble() - 0.5) * 0.3, p[1]));
        }
        scatter.getData().add(points);
        perLabeler.getItems().setAll(a.perLabeler());
    }
}
