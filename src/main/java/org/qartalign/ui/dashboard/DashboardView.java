package org.qartalign.ui.dashboard;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.qartalign.ui.common.Styles;

import java.io.File;
import java.util.function.Supplier;

/** The eval engineer's screens, as tabs over one alignment report. */
public final class DashboardView extends BorderPane {
    private final TabPane tabs = new TabPane();
    private GalleryPane gallery;

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
        // A bar that moves by stage, not a spinning indicator: no animation competing with the report for the CPU.
        ProgressBar spinner = new ProgressBar();
        spinner.setId("dashboard-progress");
        spinner.setPrefWidth(120);
        spinner.progressProperty().bind(model.progressProperty());
        spinner.visibleProperty().bind(model.busyProperty());
        spinner.managedProperty().bind(model.busyProperty());
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

        Tab galleryTab = tab("disagreements", "Disagreements", () -> gallery(model));
        tabs.getTabs().addAll(
                tab("overview", "Overview", () -> new OverviewPane(model)),
                tab("scan", "Scan agreement", () -> new ScanAgreementPane(model)),
                tab("aesthetic", "Aesthetic agreement", () -> new AestheticPane(model)),
                tab("humans", "Humans", () -> new HumansPane(model)),
                tab("toast", "Toast plot", () -> new ToastPlotPane(model)),
                tab("best-of-n", "Best-of-N", () -> new BestOfNPane(model)),
                galleryTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("dashboard-tabs");
        // A tab's pane is built when it is first shown, so opening the dashboard builds one pane, not seven.
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> build(t));
        build(tabs.getSelectionModel().getSelectedItem());
        setCenter(tabs);
        model.setOnOpenCodes(selection -> {
            gallery(model).showSelection(selection.title(), selection.codeIds());
            tabs.getSelectionModel().select(galleryTab);
        });
    }

    private GalleryPane gallery(DashboardViewModel model) {
        if (gallery == null) {
            gallery = new GalleryPane(model.gallery());
        }
        return gallery;
    }

    private void build(Tab t) {
        if (t != null && t.getContent() == null && t.getUserData() instanceof Supplier<?> pane) {
            t.setContent((Node) pane.get());
        }
    }

    private static Tab tab(String id, String title, Supplier<Node> pane) {
        Tab t = new Tab(title);
        t.setUserData(pane);
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
        File f = org.qartalign.ui.common.Dialogs.choose(getScene().getWindow(), chooser::showSaveDialog);
        if (f == null) {
            return;
        }
        model.exportHtml(f.toPath());
    }
}
