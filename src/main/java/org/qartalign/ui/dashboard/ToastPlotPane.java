package org.qartalign.ui.dashboard;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.qartalign.alignment.AlignmentEngine;
import org.qartalign.alignment.ParameterGrid;
import org.qartalign.ui.controls.HeatMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The toast plot: heat maps over two generation parameters of the human scan rate, each eval's scan rate and the
 * mean aesthetic, side by side; hover a cell for its numbers, click it to open its codes in the gallery.
 */
final class ToastPlotPane extends ScrollPane {
    private final DashboardViewModel model;
    private final ComboBox<String> xParam = new ComboBox<>();
    private final ComboBox<String> yParam = new ComboBox<>();
    private final FlowPane maps = new FlowPane(20, 20);
    private ParameterGrid grid;

    ToastPlotPane(DashboardViewModel model) {
        this.model = model;
        setId("toast-pane");
        setFitToWidth(true);
        xParam.setId("toast-x");
        yParam.setId("toast-y");
        xParam.valueProperty().addListener((o, a, b) -> recompute());
        yParam.valueProperty().addListener((o, a, b) -> recompute());
        HBox controls = new HBox(10, new Label("Rows"), xParam, new Label("Columns"), yParam,
                new Label("Click a cell to see its codes."));
        controls.setAlignment(Pos.CENTER_LEFT);
        maps.setId("toast-maps");
        VBox content = new VBox(14, controls, maps);
        content.setPadding(new Insets(18));
        setContent(content);
        model.engineProperty().addListener((o, a, e) -> reload());
        reload();
    }

    private void reload() {
        AlignmentEngine e = model.engineProperty().get();
        List<String> params = e == null ? List.of() : e.numericParams();
        String keepX = xParam.getValue();
        String keepY = yParam.getValue();
        xParam.setItems(FXCollections.observableArrayList(params));
        yParam.setItems(FXCollections.observableArrayList(params));
        // The report's own toast axes (rows = first parameter, as in the HTML report) unless the user chose others.
        List<String> axes = e == null ? null : e.defaultGridAxes();
        xParam.setValue(keepX != null && params.contains(keepX) ? keepX : axes != null ? axes.get(0)
                : params.isEmpty() ? null : params.get(0));
        String x = xParam.getValue();
        yParam.setValue(keepY != null && params.contains(keepY) && !keepY.equals(x) ? keepY
                : axes != null && !axes.get(1).equals(x) ? axes.get(1)
                : params.stream().filter(p -> !p.equals(x)).findFirst().orElse(null));
        recompute();
    }

    private void recompute() {
        maps.getChildren().clear();
        AlignmentEngine e = model.engineProperty().get();
        String x = xParam.getValue();
        String y = yParam.getValue();
        if (e == null || x == null || y == null || x.equals(y)) {
            maps.getChildren().add(new Label("Choose two different numeric generation parameters."));
            return;
        }
        grid = e.grid(x, y);
        // Each cell shows the n its rate is over: people's rate leaves tied codes out (counted apart), an eval's rate
        // is over the codes it scored.
        maps.getChildren().add(map("toast-human", "People: scan rate (ties apart)", ParameterGrid.Cell::humanScanRate,
                true, c -> "n=" + c.humanMajority() + (c.ties() == 0 ? "" : c.ties() == 1 ? "\n1 tie"
                        : "\n" + c.ties() + " ties")));
        for (String ev : grid.scanEvaluators()) {
            maps.getChildren().add(map("toast-scan-" + ev, ev + ": predicted scan rate",
                    c -> c.evalScanRate().get(ev), true, c -> "n=" + c.evalScored().getOrDefault(ev, 0)));
        }
        maps.getChildren().add(map("toast-aesthetic", "People: mean aesthetic (1-5)",
                ParameterGrid.Cell::meanHumanAesthetic, false, c -> "n=" + c.n()));
    }

    private VBox map(String id, String title, Function<ParameterGrid.Cell, Double> value, boolean percent,
                     Function<ParameterGrid.Cell, String> count) {
        int rows = grid.xBins().size();
        int cols = grid.yBins().size();
        HeatMap.Cell[][] cells = new HeatMap.Cell[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                ParameterGrid.Cell cell = grid.cells().get(r).get(c);
                Double v = cell.n() == 0 ? null : value.apply(cell);
                Double colour = v == null ? null : percent ? v : (v - 1) / 4;
                String text = v == null ? "" : percent ? String.format(Locale.ROOT, "%.0f%%", 100 * v)
                        : String.format(Locale.ROOT, "%.2f", v);
                cells[r][c] = new HeatMap.Cell(colour, text, cell.n(), count.apply(cell), details(cell));
            }
        }
        HeatMap heat = new HeatMap();
        heat.setId(id);
        heat.show(grid.x(), grid.xBins(), grid.y(), grid.yBins(), cells);
        heat.setOnCellClicked((r, c) -> {
            ParameterGrid.Cell cell = grid.cells().get(r).get(c);
            model.openCodes(grid.x() + " " + grid.xBins().get(r) + ", " + grid.y() + " " + grid.yBins().get(c),
                    cell.codeIds());
        });
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        VBox box = new VBox(6, t, heat);
        ChartSaving.install(box, id);
        return box;
    }

    private String details(ParameterGrid.Cell c) {
        List<String> lines = new ArrayList<>();
        lines.add("n = " + c.n() + " labeled codes");
        lines.add("people scanned: " + Figures.pct(c.humanScanRate()) + " of the " + c.humanMajority()
                + " codes with a majority" + (c.ties() == 0 ? "" : " (" + c.ties() + " tied, left out)"));
        c.evalScanRate().forEach((k, v) -> lines.add(k + " predicts: " + Figures.pct(v) + " of "
                + c.evalScored().getOrDefault(k, 0) + " codes"));
        lines.add("mean human aesthetic: " + (c.meanHumanAesthetic() == null ? "n/a"
                : String.format(Locale.ROOT, "%.2f", c.meanHumanAesthetic())));
        c.meanEvalAesthetic().forEach((k, v) -> lines.add(k + " mean aesthetic: "
                + String.format(Locale.ROOT, "%.2f", v)));
        return String.join("\n", lines);
    }
}
