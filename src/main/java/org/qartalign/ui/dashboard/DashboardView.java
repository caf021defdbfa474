package org.qartalign.ui.dashboard;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.qartalign.ui.common.Styles;

import java.io.File;

/** The eval engineer's screens, as tabs over one alignment report. */
public final class DashboardView extends BorderPane {
    private final TabPane tabs = new TabPane();

    public DashboardView(DashboardViewModel model) {
        setId("dashboard-view");
        Button refresh = new Button("Recompute");
        refresh.setId("dashboard-refresh");
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.busyProperty());
        CheckBox excludeSimulated = new CheckBox("Exclude simulated labels");
        excludeSimulated.setId("exclude-simulated");
        excludeSimulated.selectedProperty().bindBidirectional(model.excludeSimulatedProperty());
        Button export = new Button("Export HTML report ...");
        export.setId("dashboard-export-html");
        export.disableProperty().bind(model.reportProperty().isNull());
        export.setOnAction(e -> exportHtml(model));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busyProperty());
        Label status = new Label();
        status.setId("dashboard-status");
        status.getStyleClass().add(Styles.MUTED);
        status.textProperty().bind(model.statusProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(10, refresh, excludeSimulated, spinner, status, grow, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 16, 10, 16));
        bar.getStyleClass().add("top-bar");
        setTop(bar);

        GalleryPane gallery = new GalleryPane(model.gallery());
        Tab galleryTab = tab("disagreements", "Disagreements", gallery);
        tabs.getTabs().addAll(
                tab("overview", "Overview", new OverviewPane(model)),
                tab("scan", "Scan agreement", new ScanAgreementPane(model)),
                tab("aesthetic", "Aesthetic agreement", new AestheticPane(model)),
                tab("humans", "Humans", new HumansPane(model)),
                tab("toast", "Toast plot", new ToastPlotPane(model)),
                tab("best-of-n", "Best-of-N", new BestOfNPane(model)),
                galleryTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("dashboard-tabs");
        setCenter(tabs);
        model.setOnOpenCodes(selection -> {
            gallery.showSelection(selection.title(), selection.codeIds());
            tabs.getSelectionModel().select(galleryTab);
        });
    }

    private static Tab tab(String id, String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId("tab-" + id);
        return t;
    }

    public TabPane tabs() {
        return tabs;
    }

    private void exportHtml(DashboardViewModel model) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("alignment-report.html");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML report", "*.html"));
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f == null) {
            return;
        }
        model.exportHtml(f.toPath());
    }
}
