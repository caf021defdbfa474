package org.qartalign.ui.controls;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.util.Duration;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * A heat map of values in [0, 1] over a grid of row and column bins; each cell shows its value and n, a tooltip
 * with its numbers, and reports clicks. Cells without data are left blank.
 */
public final class HeatMap extends GridPane {
    /**
     * One cell: its colour value in [0, 1] (null when undefined), the text shown in it, its count and the text its
     * tooltip shows.
     */
    public record Cell(Double value, String text, int n, String count, String details) {
    }

    private BiConsumer<Integer, Integer> onCellClicked = (r, c) -> { };

    public HeatMap() {
        getStyleClass().add("heat-map");
        setHgap(2);
        setVgap(2);
    }

    public void setOnCellClicked(BiConsumer<Integer, Integer> handler) {
        this.onCellClicked = handler;
    }

    /** Fills the map; {@code cells[r][c]} is drawn at row r (top to bottom) and column c. */
    public void show(String rowTitle, List<String> rowLabels, String columnTitle, List<String> columnLabels,
                     Cell[][] cells) {
        getChildren().clear();
        Label corner = new Label(rowTitle + " \\ " + columnTitle);
        corner.getStyleClass().add("heat-axis-title");
        add(corner, 0, 0);
        for (int c = 0; c < columnLabels.size(); c++) {
            Label l = new Label(columnLabels.get(c));
            l.getStyleClass().add("heat-axis");
            l.setMaxWidth(Double.MAX_VALUE);
            l.setAlignment(Pos.CENTER);
            add(l, c + 1, 0);
        }
        for (int r = 0; r < rowLabels.size(); r++) {
            Label l = new Label(rowLabels.get(r));
            l.getStyleClass().add("heat-axis");
            add(l, 0, r + 1);
            for (int c = 0; c < columnLabels.size(); c++) {
                add(cell(cells[r][c], r, c), c + 1, r + 1);
            }
        }
    }

    private StackPane cell(Cell cell, int r, int c) {
        Label text = new Label();
        // The cell grows to its text rather than cutting "n=104, 9 ties" to "n=104, 9 ...".
        text.setMinSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        text.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        StackPane pane = new StackPane(text);
        pane.setId("heat-cell-" + r + "-" + c);
        pane.getStyleClass().add("heat-cell");
        pane.setMinSize(54, 38);
        pane.setPrefSize(70, 44);
        GridPane.setHgrow(pane, Priority.ALWAYS);
        GridPane.setVgrow(pane, Priority.ALWAYS);
        pane.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        if (cell == null || cell.n() == 0) {
            pane.getStyleClass().add("heat-empty");
            return pane;
        }
        if (cell.value() == null) {
            text.setText(cell.count());
        } else {
            Color fill = colour(cell.value());
            pane.setStyle("-fx-background-color: " + web(fill) + ";");
            text.setText(cell.text() + "\n" + cell.count());
            text.setStyle("-fx-text-fill: " + (fill.getBrightness() < 0.6 ? "white" : "#1f2328") + ";");
        }
        Tooltip tip = new Tooltip(cell.details());
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(pane, tip);
        pane.setOnMouseClicked(e -> onCellClicked.accept(r, c));
        pane.setFocusTraversable(true);
        pane.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER || e.getCode() == javafx.scene.input.KeyCode.SPACE) {
                onCellClicked.accept(r, c);
                e.consume();
            }
        });
        return pane;
    }

    /** A colour-blind-safe scale from a warm red (0) through pale yellow to teal (1). */
    public static Color colour(double v) {
        double t = Math.max(0, Math.min(1, v));
        Color low = Color.web("#c0392b");
        Color mid = Color.web("#f6e8a6");
        Color high = Color.web("#1b7f6b");
        return t < 0.5 ? low.interpolate(mid, t * 2) : mid.interpolate(high, (t - 0.5) * 2);
    }

    private static String web(Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }
}
