package org.qartalign.ui.dashboard;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.qartalign.alignment.AlignmentReport;
import org.qartalign.alignment.Confusion;
import org.qartalign.alignment.ScanScores;
import org.qartalign.ui.common.Styles;
import org.qartalign.ui.controls.HeatMap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Scan agreement for one evaluator: the confusion matrix at a threshold the slider moves (recomputed in O(log n)
 * by the alignment engine), the ROC curve with that threshold marked, and the calibration chart and table.
 */
final class ScanAgreementPane extends ScrollPane {
    private final DashboardViewModel model;
    private final ComboBox<String> evaluator = new ComboBox<>();
    private final GridPane matrix = new GridPane();
    private final Label stats = new Label();
    private final Label reportFigures = new Label();
    private final NumberAxis rocX = new NumberAxis("false pass rate (1 - specificity)", 0, 1, 0.2);
    private final NumberAxis rocY = new NumberAxis("true pass rate (recall)", 0, 1, 0.2);
    private final LineChart<Number, Number> roc = new LineChart<>(rocX, rocY);
    private final XYChart.Series<Number, Number> marker = new XYChart.Series<>();
    private final LineChart<Number, Number> calibration = new LineChart<>(
            new NumberAxis("mean scan probability in bin", 0, 1, 0.1), new NumberAxis("human scan rate", 0, 1, 0.1));
    private final TableView<AlignmentReport.CalibrationBin> bins = new TableView<>();

    ScanAgreementPane(DashboardViewModel model) {
        this.model = model;
        setId("scan-pane");
        setFitToWidth(true);
        evaluator.setId("scan-evaluator");
        evaluator.valueProperty().bindBidirectional(model.scanEvaluatorProperty());
        Slider slider = new Slider(0, 1, model.thresholdProperty().get());
        slider.setId("threshold-slider");
        slider.setPrefWidth(320);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setMajorTickUnit(0.1);
        slider.setBlockIncrement(0.01);
        slider.valueProperty().bindBidirectional(model.thresholdProperty());
        Label thresholdText = new Label();
        thresholdText.setId("threshold-text");
        thresholdText.textProperty().bind(model.thresholdProperty().asString("threshold %.2f"));
        HBox controls = new HBox(12, new Label("Evaluator"), evaluator, new Label("Predicts \"scans\" when p >="),
                slider, thresholdText);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label operatingPoint = new Label();
        operatingPoint.setId("operating-point");
        operatingPoint.setWrapText(true);
        operatingPoint.getStyleClass().add(Styles.MUTED);
        operatingPoint.textProperty().bind(model.operatingPointProperty());

        matrix.setId("confusion-matrix");
        matrix.setHgap(3);
        matrix.setVgap(3);
        stats.setId("threshold-stats");
        stats.getStyleClass().add("figures");
        reportFigures.setId("report-figures");
        reportFigures.getStyleClass().add("figures");
        reportFigures.setWrapText(true);
        reportFigures.setMaxWidth(560);
        VBox left = new VBox(10, title("Confusion matrix (positive = scans)"), matrix, stats,
                title("At the report's threshold, with 95% bootstrap intervals"), reportFigures);
        left.setMinWidth(360);
        left.setMaxWidth(580);

        roc.setId("roc-chart");
        roc.setTitle("ROC curve");
        roc.setCreateSymbols(false);
        roc.setAnimated(false);
        roc.setLegendVisible(true);
        roc.setPrefSize(460, 400);
        roc.setMinWidth(380);
        ChartSaving.install(roc, "roc");
        calibration.setId("calibration-chart");
        calibration.setTitle("Calibration (reliability)");
        calibration.setAnimated(false);
        calibration.setPrefSize(440, 360);
        calibration.setMinWidth(360);
        ChartSaving.install(calibration, "calibration");

        bins.setId("calibration-table");
        bins.setPrefHeight(300);
        bins.setPrefWidth(540);
        bins.setMinWidth(520);
        bins.setPlaceholder(new Label("No calibration bins yet."));
        bins.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        bins.getColumns().addAll(List.of(
                column("bin", b -> String.format("%.1f-%.1f", b.lo(), b.hi())),
                column("n", b -> String.valueOf(b.n())),
                column("mean p", b -> Figures.num(b.meanProb())),
                column("people", b -> Figures.pct(b.humanScanRate())),
                column("people: Wilson 95%", b -> b.wilson() == null ? "" : String.format("%.1f-%.1f%%",
                        100 * b.wilson().lo(), 100 * b.wilson().hi()))));
        double[] widths = {70, 50, 70, 70, 190};
        for (int i = 0; i < widths.length; i++) {
            bins.getColumns().get(i).setMinWidth(widths[i]);
        }

        HBox row1 = new HBox(18, left, roc);
        HBox row2 = new HBox(18, calibration, bins);
        VBox content = new VBox(16, controls, operatingPoint, row1, row2);
        content.setPadding(new Insets(18));
        setContent(content);

        model.reportProperty().addListener((o, a, r) -> rebuild());
        model.scanEvaluatorProperty().addListener((o, a, b) -> rebuild());
        model.confusionProperty().addListener((o, a, c) -> showConfusion(c));
        rebuild();
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static TableColumn<AlignmentReport.CalibrationBin, String> column(
            String name, Function<AlignmentReport.CalibrationBin, String> value) {
        TableColumn<AlignmentReport.CalibrationBin, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    private void rebuild() {
        AlignmentReport r = model.reportProperty().get();
        List<String> names = model.engineProperty().get() == null ? List.of()
                : model.engineProperty().get().scanEvaluators();
        if (!evaluator.getItems().equals(names)) {
            String keep = model.scanEvaluatorProperty().get();
            evaluator.setItems(FXCollections.observableArrayList(names));
            model.scanEvaluatorProperty().set(keep);
        }
        roc.getData().clear();
        calibration.getData().clear();
        bins.getItems().clear();
        String name = model.scanEvaluatorProperty().get();
        AlignmentReport.ScanEvaluator s = r == null || name == null ? null : r.scan().evaluators().get(name);
        if (s == null) {
            reportFigures.setText("No scan evaluator with labeled codes yet: run the scan eval and label some codes.");
            showConfusion(null);
            return;
        }
        reportFigures.setText(String.join("\n",
                "n = " + s.n() + " codes with a human majority",
                "accuracy " + Figures.withInterval(s.accuracy()),
                "precision " + Figures.withInterval(s.precision()) + "   recall " + Figures.withInterval(s.recall()),
                "specificity " + Figures.withInterval(s.specificity()) + "   F1 " + Figures.withInterval(s.f1()),
                "Cohen's kappa " + Figures.withInterval(s.cohenKappa()),
                "MCC " + Figures.withInterval(s.mcc()),
                "ROC AUC " + Figures.withInterval(s.rocAuc()),
                "Brier " + Figures.withInterval(s.brier()) + "   ECE " + Figures.withInterval(s.ece()),
                advice(s.thresholdAdvice())));

        XYChart.Series<Number, Number> diagonal = new XYChart.Series<>();
        diagonal.setName("chance");
        diagonal.getData().addAll(List.of(new XYChart.Data<>(0, 0), new XYChart.Data<>(1, 1)));
        XYChart.Series<Number, Number> curve = new XYChart.Series<>();
        curve.setName(name + " (AUC " + Figures.value(s.rocAuc()) + ")");
        for (ScanScores.RocPoint p : s.rocCurve()) {
            curve.getData().add(new XYChart.Data<>(p.fpr(), p.tpr()));
        }
        marker.setName("slider's threshold");
        marker.getData().clear();
        roc.getData().addAll(List.of(diagonal, curve, marker));

        XYChart.Series<Number, Number> perfect = new XYChart.Series<>();
        perfect.setName("perfectly calibrated");
        perfect.getData().addAll(List.of(new XYChart.Data<>(0, 0), new XYChart.Data<>(1, 1)));
        XYChart.Series<Number, Number> observed = new XYChart.Series<>();
        observed.setName(name);
        List<AlignmentReport.CalibrationBin> nonEmpty = new ArrayList<>();
        for (AlignmentReport.CalibrationBin b : s.calibration()) {
            if (b.n() > 0 && b.meanProb() != null && b.humanScanRate() != null) {
                observed.getData().add(new XYChart.Data<>(b.meanProb(), b.humanScanRate()));
                nonEmpty.add(b);
            }
        }
        calibration.getData().addAll(List.of(perfect, observed));
        bins.getItems().setAll(s.calibration());
        showConfusion(model.confusionProperty().get());
    }

    private static String advice(AlignmentReport.ThresholdAdvice a) {
        if (a == null) {
            return "";
        }
        return "threshold advice: max kappa at " + choice(a.maxKappa()) + "; Youden's J at " + choice(a.youdenJ())
                + "; precision >= 0.95 from " + choice(a.precision95());
    }

    private static String choice(AlignmentReport.ThresholdChoice c) {
        if (c == null || c.threshold() == null) {
            return "n/a" + (c != null && c.note() != null ? " (" + c.note() + ")" : "");
        }
        return Figures.num(c.threshold()) + " (kappa " + Figures.num(c.cohenKappa()) + ", precision "
                + Figures.num(c.precision()) + ", passes " + Figures.pct(c.passRate()) + ")";
    }

    private void showConfusion(Confusion c) {
        matrix.getChildren().clear();
        marker.getData().clear();
        if (c == null) {
            stats.setText("");
            return;
        }
        double n = Math.max(1, c.n());
        matrix.add(new Label(""), 0, 0);
        matrix.add(header("eval: passes"), 1, 0);
        matrix.add(header("eval: fails"), 2, 0);
        matrix.add(header("people: scanned"), 0, 1);
        matrix.add(header("people: did not"), 0, 2);
        matrix.add(cell("tp", "true pass", c.tp(), n, true), 1, 1);
        matrix.add(cell("fn", "false fail", c.fn(), n, false), 2, 1);
        matrix.add(cell("fp", "FALSE PASS", c.fp(), n, false), 1, 2);
        matrix.add(cell("tn", "true fail", c.tn(), n, true), 2, 2);
        stats.setText(String.format("at threshold %.2f: precision %s, recall %s, specificity %s%n"
                        + "Cohen's kappa %s, MCC %s, passes %s of codes",
                model.thresholdProperty().get(), Figures.num(c.precision()), Figures.num(c.recall()),
                Figures.num(c.specificity()), Figures.num(c.cohenKappa()), Figures.num(c.mcc()),
                Figures.pct(c.passRate())));
        double fpr = c.fp() + c.tn() == 0 ? Double.NaN : c.fp() / (c.fp() + c.tn());
        double tpr = c.recall();
        if (Double.isFinite(fpr) && Double.isFinite(tpr)) {
            // The chart draws no symbols (the curve has hundreds of points), so the marker brings its own node.
            XYChart.Data<Number, Number> point = new XYChart.Data<>(fpr, tpr);
            javafx.scene.layout.Region ring = new javafx.scene.layout.Region();
            ring.setId("roc-threshold");
            ring.getStyleClass().addAll("chart-line-symbol", "roc-threshold");
            ring.setMouseTransparent(true);
            point.setNode(ring);
            marker.getData().add(point);
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.MUTED);
        l.setPadding(new Insets(0, 8, 0, 0));
        return l;
    }

    private static StackPane cell(String id, String what, double count, double n, boolean agree) {
        Label l = new Label(String.format("%,d%n%s", Math.round(count), what));
        l.setId("cm-" + id);
        l.setStyle("-fx-text-alignment: center; -fx-text-fill: " + (count / n > 0.35 ? "white" : "#1f2328") + ";");
        StackPane p = new StackPane(l);
        p.setPrefSize(120, 64);
        double share = count / n;
        javafx.scene.paint.Color base = agree ? HeatMap.colour(1) : HeatMap.colour(0);
        javafx.scene.paint.Color fill = javafx.scene.paint.Color.WHITE.interpolate(base, Math.min(1, 0.15 + share * 1.6));
        p.setStyle(String.format("-fx-background-color: #%02x%02x%02x; -fx-background-radius: 4;",
                (int) (fill.getRed() * 255), (int) (fill.getGreen() * 255), (int) (fill.getBlue() * 255)));
        return p;
    }
}
