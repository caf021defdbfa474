package org.qartalign.ui.dashboard;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.qartalign.alignment.AlignmentReport;
import org.qartalign.ui.common.Styles;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** How people agree with each other (the ceiling for every eval), and a table where a sloppy labeler stands out. */
final class HumansPane extends ScrollPane {
    private final DashboardViewModel model;
    private final Label interRater = new Label();
    private final TableView<AlignmentReport.LabelerFigures> table = new TableView<>();
    private final Label outlierNote = new Label();
    private Map<String, String> outliers = Map.of();

    HumansPane(DashboardViewModel model) {
        this.model = model;
        setId("humans-pane");
        setFitToWidth(true);
        interRater.setId("inter-rater");
        interRater.getStyleClass().add("figures");
        table.setId("labeler-table");
        table.setFixedCellSize(26);
        table.setPlaceholder(new Label("No labels yet: the Label screen adds them, or import a manifest."));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AlignmentReport.LabelerFigures item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("labeler-outlier");
                setTooltip(null);
                String why = empty || item == null ? null : outliers.get(item.name());
                if (why != null) {
                    getStyleClass().add("labeler-outlier");
                    setTooltip(new Tooltip(why));
                }
            }
        });
        table.getColumns().addAll(List.of(
                column("labeler", l -> (outliers.containsKey(l.name()) ? "! " : "") + l.name()
                        + (l.simulated() ? " (simulated)" : "")),
                column("labels", l -> String.valueOf(l.labels())),
                column("scan rate\n[95% CI]", l -> Figures.percent(l.scanRate())),
                column("mean score\n[95% CI]", l -> Figures.withInterval(l.meanScore())),
                column("score\nsd", l -> Figures.num(l.scoreSd())),
                column("median\ns/code", l -> l.medianSecondsPerCode() == null ? "n/a"
                        : String.format("%.1f", l.medianSecondsPerCode())),
                column("scan kappa\nvs the others", l -> Figures.withInterval(l.leaveOneOutKappa())),
                column("score Spearman\nvs the others", l -> Figures.withInterval(l.leaveOneOutSpearman())),
                column("drift\n/100 codes", l -> l.scoreDrift() == null ? "n/a"
                        : Figures.num(l.scoreDrift().slopePer100Codes())),
                column("phones", l -> String.join(", ", l.phoneModels()))));
        // Columns share the table's width: no sideways scrolling at 1366x768 while every column is at least as
        // wide as its content (fitToContent); only content wider than the window brings a scrollbar back.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label t1 = new Label("Agreement between labelers");
        t1.getStyleClass().add(Styles.TITLE);
        Label t2 = new Label("Labelers");
        t2.getStyleClass().add(Styles.TITLE);
        outlierNote.setId("labeler-outliers");
        outlierNote.getStyleClass().add("warning");
        outlierNote.setWrapText(true);
        VBox content = new VBox(12, t1, interRater, t2, outlierNote, table);
        content.setPadding(new Insets(18));
        setContent(content);
        model.reportProperty().addListener((o, a, r) -> show(r));
        show(model.reportProperty().get());
    }

    private static TableColumn<AlignmentReport.LabelerFigures, String> column(
            String name, Function<AlignmentReport.LabelerFigures, String> value) {
        TableColumn<AlignmentReport.LabelerFigures, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        return c;
    }

    /** The phones column's minimum keeps this many characters; a longer list shows whole in its tooltip. */
    private static final int PHONES_CHARS = 24;
    private static final double CELL_PADDING = 12;
    /** The root font size of app.css, which table cells and headers inherit. */
    private static final double FONT_PX = 13;

    /**
     * At least as wide as the header's longest line and the longest cell, measured in the table's font, so names
     * and intervals are never cut off; the phones column, the last, takes what width is left.
     */
    @SuppressWarnings("unchecked")
    private static void fitToContent(TableColumn<AlignmentReport.LabelerFigures, ?> c,
                                     List<AlignmentReport.LabelerFigures> rows, boolean last) {
        double w = 0;
        for (String line : c.getText().split("\n")) {
            w = Math.max(w, textWidth(line, FontWeight.BOLD));
        }
        for (AlignmentReport.LabelerFigures l : rows) {
            Object v = ((TableColumn<AlignmentReport.LabelerFigures, String>) c).getCellObservableValue(l).getValue();
            String text = v == null ? "" : v.toString();
            w = Math.max(w, textWidth(last && text.length() > PHONES_CHARS ? text.substring(0, PHONES_CHARS) : text,
                    FontWeight.NORMAL));
        }
        c.setMinWidth(Math.ceil(w + CELL_PADDING));
        c.setPrefWidth(Math.ceil(w + CELL_PADDING));
    }

    private static double textWidth(String s, FontWeight weight) {
        Text t = new Text(s);
        t.setFont(Font.font(Font.getDefault().getFamily(), weight, FONT_PX));
        return t.getLayoutBounds().getWidth();
    }

    private void show(AlignmentReport r) {
        if (r == null) {
            interRater.setText("");
            table.getItems().clear();
            return;
        }
        AlignmentReport.ScanInterRater s = r.scan().interRater();
        AlignmentReport.AestheticInterRater a = r.aesthetic().interRater();
        AlignmentReport.HumanScan h = r.scan().human();
        interRater.setText(String.join("\n",
                "Scan answers, over " + s.codes() + " codes with two or more labels:",
                "   percent agreement " + Figures.withInterval(s.percentAgreement()),
                "   Krippendorff's alpha (nominal) " + Figures.withInterval(s.krippendorffAlphaNominal()),
                "   Fleiss' kappa " + Figures.withInterval(s.fleissKappa()),
                "   Gwet's AC1 " + Figures.withInterval(s.gwetAc1()),
                "Aesthetic scores, over " + a.codes() + " codes:",
                "   Krippendorff's alpha (interval) " + Figures.withInterval(a.krippendorffAlphaInterval()),
                "   Krippendorff's alpha (ordinal) " + Figures.withInterval(a.krippendorffAlphaOrdinal()),
                "Human scan truth: majority of each code's labelers; " + h.ties() + " tied codes left out.",
                h.testRetest() == null || h.testRetest().pairs() == 0 ? "Test-retest: no re-test items yet."
                        : "Test-retest over " + h.testRetest().pairs() + " re-tested codes: scan agreement "
                        + Figures.withInterval(h.testRetest().scanAgreement()) + ", score Spearman "
                        + Figures.withInterval(h.testRetest().scoreSpearman())));
        outliers = LabelerOutliers.byScanRate(r.labelers());
        outlierNote.setText(outliers.isEmpty() ? "" : "Highlighted (!): " + String.join("; ", outliers.values()));
        outlierNote.setVisible(!outliers.isEmpty());
        outlierNote.setManaged(!outliers.isEmpty());
        table.getItems().setAll(r.labelers());
        List<TableColumn<AlignmentReport.LabelerFigures, ?>> columns = table.getColumns();
        for (int i = 0; i < columns.size(); i++) {
            fitToContent(columns.get(i), r.labelers(), i == columns.size() - 1);
        }
        // Every row shown without a vertical scrollbar (up to 15), plus the two-line header.
        table.setPrefHeight(table.getFixedCellSize() * Math.max(2, Math.min(15, r.labelers().size())) + 40);
        table.setMinHeight(Region.USE_PREF_SIZE);
    }
}
