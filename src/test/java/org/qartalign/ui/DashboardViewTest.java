package org.qartalign.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.alignment.Alignment;
import org.qartalign.alignment.AlignmentReport;
import org.qartalign.alignment.ReportOptions;

import org.qartalign.store.Database;
import org.qartalign.ui.common.UiExecutors;
import org.qartalign.ui.dashboard.DashboardView;
import org.qartalign.ui.dashboard.DashboardViewModel;
import org.qartalign.ui.dashboard.Figures;
import org.qartalign.ui.dashboard.GalleryViewModel;
import org.qartalign.ui.dashboard.LabeledDatabase;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard on a database with known labels and evals: 40 codes, two labelers who agree, and an eval
 * "zx" whose scan probability is known per code, so every expected count below is worked out by hand.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardViewTest {
    static final int CODES = 40;
    static final ReportOptions OPTIONS = new ReportOptions(50, 3, 0.5, 0.95, List.of(), null, false);
    @TempDir
    Path dir;
    @AutoClose
    Database db;
    DashboardViewModel model;
    DashboardView view;

    /** Code i scans for people when i % 4 != 0; the eval gives p = i / 40, so it passes codes 20..39 at 0.5. */
    private void open(FxRobot robot) {
        db = LabeledDatabase.create(dir, false);
        robot.interact(() -> {
            model = new DashboardViewModel(db, UiExecutors.sameThread());
            model.optionsProperty().set(OPTIONS);
            view = new DashboardView(model);
            Stage stage = new Stage();
            Scene scene = new Scene(view, 1366, 768);
            scene.getStylesheets().add(org.qartalign.ui.QArtAlignApp.class.getResource("app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            model.refresh();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void select(FxRobot robot, String tabId) {
        robot.interact(() -> {
            TabPane tabs = view.tabs();
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getId().equals(tabId)).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theOverviewShowsTheSameNumbersAsTheCliReport(FxRobot robot) {
        open(robot);
        AlignmentReport cli = Alignment.report(db, OPTIONS);
        assertEquals(String.format("%,d", CODES), text(robot, "#overview-labeled-codes"));
        assertEquals("80", text(robot, "#overview-labels"));
        assertEquals(Figures.withInterval(cli.scan().evaluators().get("zx").cohenKappa()), text(robot, "#card-value-zx"));
        assertEquals(Figures.percent(cli.scan().human().scanRate()), text(robot, "#overview-human-scan-rate"));
        assertEquals("75.0%", Figures.pct(cli.scan().human().scanRate().value()), "30 of 40 codes scan");
    }

    @Test
    void theThresholdSliderUpdatesTheConfusionMatrix(FxRobot robot) {
        open(robot);
        select(robot, "tab-scan");
        // At 0.5 the eval passes codes 20..39: 15 of them scan (tp), 5 do not (fp); of 0..19, 15 scan (fn), 5 not (tn).
        assertEquals("15", text(robot, "#cm-tp").lines().findFirst().orElseThrow());
        assertEquals("5", text(robot, "#cm-fp").lines().findFirst().orElseThrow());
        robot.interact(() -> robot.lookup("#threshold-slider").queryAs(Slider.class).setValue(0.8));
        WaitForAsyncUtils.waitForFxEvents();
        // At 0.8 it passes codes 32..39: 32 and 36 do not scan, so tp 6, fp 2, fn 24, tn 8.
        assertEquals("6", text(robot, "#cm-tp").lines().findFirst().orElseThrow());
        assertEquals("2", text(robot, "#cm-fp").lines().findFirst().orElseThrow());
        assertEquals("24", text(robot, "#cm-fn").lines().findFirst().orElseThrow());
        assertEquals("8", text(robot, "#cm-tn").lines().findFirst().orElseThrow());
        assertTrue(text(robot, "#threshold-stats").contains("precision 0.750"), text(robot, "#threshold-stats"));
        javafx.scene.layout.Region ring = robot.lookup("#roc-threshold").queryAs(javafx.scene.layout.Region.class);
        assertTrue(ring.isVisible() && ring.getWidth() >= 14, "the slider's point on the ROC is a ring one can find: "
                + ring.getWidth() + " px");
    }

    @Test
    void clickingAToastPlotCellOpensItsCodesInTheGallery(FxRobot robot) {
        open(robot);
        select(robot, "tab-toast");
        assertEquals("strength", robot.lookup("#toast-x").queryComboBox().getValue());
        assertEquals("guidance_end", robot.lookup("#toast-y").queryComboBox().getValue());
        var grid = model.engineProperty().get().grid("strength", "guidance_end");
        // strength 0.5 + i/10 in five equal-width bins over [0.5, 4.4]; guidance_end 0.8 for even i, 1.0 for odd.
        var cell = grid.cells().get(0).get(0);
        assertEquals(List.of("c000", "c002", "c004", "c006"), cell.codeIds());
        assertEquals("50%\nn=4", robot.lookup("#toast-human #heat-cell-0-0 .label").queryAs(Label.class).getText(),
                "codes 0, 2, 4, 6: people scan 2 and 6 (i % 4 != 0)");
        robot.clickOn("#toast-human #heat-cell-0-0");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-disagreements", view.tabs().getSelectionModel().getSelectedItem().getId());
        assertTrue(text(robot, "#gallery-heading").endsWith(": 4 codes"), text(robot, "#gallery-heading"));
        assertEquals(4, robot.lookup("#gallery-tiles").queryAs(FlowPane.class).getChildren().size());
    }

    @Test
    void theHumansAndAestheticScreensShowTheReportsFigures(FxRobot robot) {
        open(robot);
        AlignmentReport cli = Alignment.report(db, OPTIONS);
        select(robot, "tab-humans");
        String humans = text(robot, "#inter-rater");
        assertTrue(humans.contains("percent agreement 1.000"), "two labelers who always agree: " + humans);
        assertTrue(humans.contains("Krippendorff's alpha (nominal) "
                + Figures.withInterval(cli.scan().interRater().krippendorffAlphaNominal())), humans);
        select(robot, "tab-aesthetic");
        String aesthetic = text(robot, "#aesthetic-figures");
        assertTrue(aesthetic.contains("Spearman " + Figures.withInterval(cli.aesthetic().evaluators().get("aes").spearman())),
                aesthetic);
    }

    @Test
    void theGalleryStartsWorstFirstAsTheHtmlReportAndCanShowFalsePassesFirst(FxRobot robot) throws Exception {
        open(robot);
        select(robot, "tab-disagreements");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#gallery-tiles").queryAs(FlowPane.class).getChildren().isEmpty());
        // Worst first, the gap |p - share who scanned|: c001 0.975, c002 0.95, c003 0.925, c036 0.9, c005 0.875.
        assertEquals(List.of("c001", "c002", "c003", "c036", "c005"), tileIds(robot).subList(0, 5));
        robot.interact(() -> model.gallery().sortProperty().set(GalleryViewModel.SORTS.get(1)));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> ids = tileIds(robot);
        // False passes: p >= 0.5 and people did not scan: codes 36, 32, 28, 24, 20 (highest p first);
        // then false fails (p < 0.5, people scanned), the most confident eval (lowest p) first: 1, 2, 3, 5, ...
        assertEquals(List.of("c036", "c032", "c028", "c024", "c020"), ids.subList(0, 5));
        assertEquals(List.of("c001", "c002", "c003", "c005"), ids.subList(5, 9));
        assertEquals(5 + 15, ids.size());
        assertTrue(text(robot, "#gallery-heading").contains("5 false passes"), text(robot, "#gallery-heading"));
    }

    private static List<String> tileIds(FxRobot robot) {
        return robot.lookup("#gallery-tiles").queryAs(FlowPane.class).getChildren().stream()
                .map(n -> n.getId().substring("tile-".length())).toList();
    }
}
