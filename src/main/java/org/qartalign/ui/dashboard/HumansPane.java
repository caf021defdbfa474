package org.qartalign.ui.dashboard;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
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
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
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
                column("scan rate [95% CI]      ", l -> Figures.percent(l.scanRate())),
                column("mean score [95% CI]      ", l -> Figures.withInterval(l.meanScore())),
                column("score sd", l -> Figures.num(l.scoreSd())),
                column("median s/code", l -> l.medianSecondsPerCode() == null ? "n/a"
                        : String.format("%.1f", l.medianSecondsPerCode())),
                column("scan kappa vs the others", l -> Figures.withInterval(l.leaveOneOutKappa())),
                column("score Spearman vs the others", l -> Figures.withInterval(l.leaveOneOutSpearman())),
                column("drift /100 codes", l -> l.scoreDrift() == null ? "n/a"
                        : Figures.num(l.scoreDrift().slopePer100Codes())),
                column("phones", l -> String.join(", ", l.phoneModels()))));
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
        c.setPrefWidth(Math.max(90, name.trim().length() * 8 + 24));
        return c;
    }

    /** Wide enough for the header and the longest cell, so names and intervals are never cut off. */
    @SuppressWarnings("unchecked")
    private static void fitToContent(TableColumn<AlignmentReport.LabelerFigures, ?> c,
                                     List<AlignmentReport.LabelerFigures> rows) {
        int chars = c.getText().trim().length() + 2;
        for (AlignmentReport.LabelerFigures l : rows) {
            Object v = ((TableColumn<AlignmentReport.LabelerFigures, String>) c).getCellObservableValue(l).getValue();
            chars = Math.max(chars, v == null ? 0 : v.toString().length());
        }
        c.setPrefWidth(chars * 7.5 + 24);
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
        for (TableColumn<AlignmentReport.LabelerFigures, ?> c : table.getColumns()) {
            fitToContent(c, r.labelers());
        }
        // Every row shown without a vertical scrollbar (up to 15), plus the header and a horizontal scrollbar.
        table.setPrefHeight(table.getFixedCellSize() * Math.max(2, Math.min(15, r.labelers().size())) + 72);
        table.setMinHeight(Region.USE_PREF_SIZE);
    }
}
