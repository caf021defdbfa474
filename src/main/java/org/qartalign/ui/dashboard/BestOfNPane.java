package org.qartalign.ui.dashboard;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.qartalign.alignment.AlignmentReport;
import org.qartalign.alignment.Estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Best-of-N: the human scan rate of the code the eval would keep among N candidates, against random and oracle. */
final class BestOfNPane extends ScrollPane {
    private final DashboardViewModel model;
    private final ComboBox<String> evaluator = new ComboBox<>();
    private final NumberAxis nAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(nAxis, new NumberAxis("human scan rate of the pick", 0, 1, 0.1));
    private final Label table = new Label();

    BestOfNPane(DashboardViewModel model) {
        this.model = model;
        setId("best-of-n-pane");
        setFitToWidth(true);
        evaluator.setId("best-of-n-evaluator");
        evaluator.valueProperty().addListener((o, a, b) -> show());
        nAxis.setLabel("candidates per request (N)");
        nAxis.setForceZeroInRange(false);
        nAxis.setTickUnit(1);
        nAxis.setMinorTickVisible(false);
        // N is a whole number: fixed bounds on whole numbers so every tick is one (auto-ranging picks 0.25 steps).
        nAxis.setAutoRanging(false);
        nAxis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.intValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return Integer.parseInt(s);
            }
        });
        chart.setId("best-of-n-chart");
        chart.setTitle("Generate N, keep the eval's pick");
        chart.setAnimated(false);
        chart.setPrefSize(640, 420);
        ChartSaving.install(chart, "best-of-n");
        table.setId("best-of-n-table");
        table.getStyleClass().add("figures");
        table.setWrapText(true);
        table.setMaxWidth(520);
        HBox controls = new HBox(12, new Label("Evaluator"), evaluator);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(16, controls, new HBox(18, chart, table));
        content.setPadding(new Insets(18));
        setContent(content);
        model.reportProperty().addListener((o, a, r) -> reload());
        reload();
    }

    private void reload() {
        AlignmentReport r = model.reportProperty().get();
        List<String> names = r == null || r.bestOfN() == null ? List.of()
                : new ArrayList<>(r.bestOfN().evaluators().keySet());
        String keep = evaluator.getValue();
        evaluator.setItems(FXCollections.observableArrayList(names));
        evaluator.setValue(keep != null && names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0));
        show();
    }

    private void show() {
        chart.getData().clear();
        AlignmentReport r = model.reportProperty().get();
        String name = evaluator.getValue();
        List<AlignmentReport.BestOfNPoint> points = r == null || r.bestOfN() == null || name == null ? null
                : r.bestOfN().evaluators().get(name);
        if (points == null || points.isEmpty()) {
            table.setText("Best-of-N needs prompt-URL pairs with several generated codes, labeled by people "
                    + "(demo: --candidates K) and a scan evaluator.");
            return;
        }
        nAxis.setLowerBound(points.get(0).n());
        nAxis.setUpperBound(Math.max(points.get(0).n() + 1, points.get(points.size() - 1).n()));
        chart.getData().add(series(name + " pick", points, AlignmentReport.BestOfNPoint::evalPick));
        chart.getData().add(series("random pick", points, AlignmentReport.BestOfNPoint::randomPick));
        chart.getData().add(series("oracle", points, AlignmentReport.BestOfNPoint::oracle));
        XYChart.Series<Number, Number> goal = new XYChart.Series<>();
        goal.setName("95% goal");
        goal.getData().add(new XYChart.Data<>(points.get(0).n(), 0.95));
        goal.getData().add(new XYChart.Data<>(points.get(points.size() - 1).n(), 0.95));
        chart.getData().add(goal);
        StringBuilder sb = new StringBuilder("N   pairs   eval pick            random       oracle\n");
        for (AlignmentReport.BestOfNPoint p : points) {
            sb.append(String.format("%-3d %-7d %-20s %-12s %s%n", p.n(), p.pairs(), Figures.percent(p.evalPick()),
                    Figures.pct(p.randomPick().value()), Figures.pct(p.oracle().value())));
        }
        sb.append("\n").append(r.bestOfN().selectionRule());
        table.setText(sb.toString());
    }

    private static XYChart.Series<Number, Number> series(String name, List<AlignmentReport.BestOfNPoint> points,
                                                         Function<AlignmentReport.BestOfNPoint, Estimate> value) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (AlignmentReport.BestOfNPoint p : points) {
            Estimate e = value.apply(p);
            if (e != null && e.value() != null) {
                s.getData().add(new XYChart.Data<>(p.n(), e.value()));
            }
        }
        return s;
    }
}
