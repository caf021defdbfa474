package org.qartalign.ui.dashboard;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.qartalign.alignment.AlignmentReport;
import org.qartalign.alignment.Estimate;
import org.qartalign.ui.common.Styles;

import java.util.Map;

/** The overview: the dataset, labeling progress per labeler, and one card per evaluator against the human ceiling. */
final class OverviewPane extends ScrollPane {
    private final VBox content = new VBox(18);

    private final DashboardViewModel model;

    OverviewPane(DashboardViewModel model) {
        this.model = model;
        setId("overview-pane");
        setFitToWidth(true);
        content.setPadding(new Insets(18));
        setContent(content);
        model.reportProperty().addListener((o, a, r) -> show(r));
        model.busyProperty().addListener((o, a, b) -> {
            if (model.reportProperty().get() == null) {
                show(null);
            }
        });
        show(model.reportProperty().get());
    }

    private void show(AlignmentReport r) {
        content.getChildren().clear();
        if (r == null) {
            Label waiting = new Label(model.busyProperty().get() ? "Computing the alignment report ..."
                    : "No report yet.");
            waiting.setId("overview-waiting");
            waiting.getStyleClass().add(Styles.TITLE);
            ProgressBar bar = new ProgressBar();
            bar.setPrefWidth(360);
            bar.progressProperty().bind(model.progressProperty());
            bar.visibleProperty().bind(model.busyProperty());
            Label status = new Label();
            status.getStyleClass().add(Styles.MUTED);
            status.setWrapText(true);
            status.textProperty().bind(model.statusProperty());
            content.getChildren().addAll(waiting, bar, status);
            return;
        }
        AlignmentReport.Dataset d = r.dataset();
        Label title = new Label("Dataset");
        title.getStyleClass().add(Styles.TITLE);
        GridPane facts = new GridPane();
        facts.setHgap(24);
        facts.setVgap(4);
        String[][] rows = {
                {"Prompt-URL pairs", String.format("%,d", d.pairs())},
                {"Generated codes", String.format("%,d", d.codes())},
                {"Labeled codes", String.format("%,d", d.labeledCodes())},
                {"Labels", String.format("%,d", d.labels())},
                {"Labelers", d.labelers() + (d.simulatedLabelers() > 0 ? " (" + d.simulatedLabelers() + " simulated)" : "")},
                {"Codes with 2+ labels", String.format("%,d", d.codesWithTwoOrMoreLabels())},
                {"Human scan rate", Figures.percent(r.scan().human().scanRate())},
        };
        for (int i = 0; i < rows.length; i++) {
            Label k = new Label(rows[i][0]);
            k.getStyleClass().add(Styles.MUTED);
            Label v = new Label(rows[i][1]);
            v.setId("overview-" + rows[i][0].toLowerCase().replaceAll("[^a-z0-9]+", "-"));
            facts.addRow(i, k, v);
        }
        VBox dataset = new VBox(8, title, facts);
        if (d.simulatedIncluded() && d.simulatedLabelers() > 0) {
            Label sim = new Label("These figures include SIMULATED labels (the demo's made-up people). How well an "
                    + "eval agrees with simulated people says nothing about the eval: judge evals on real labels only. "
                    + "Exclude the simulated ones with the option above.");
            sim.setId("simulated-warning");
            sim.getStyleClass().add("warning");
            sim.setWrapText(true);
            sim.setMaxWidth(560);
            dataset.getChildren().add(sim);
        }
        dataset.getStyleClass().add(Styles.CARD);
        dataset.setPadding(new Insets(16));

        VBox progress = new VBox(6);
        Label pTitle = new Label("Labeling progress");
        pTitle.getStyleClass().add(Styles.TITLE);
        progress.getChildren().add(pTitle);
        for (AlignmentReport.LabelerFigures l : r.labelers()) {
            ProgressBar bar = new ProgressBar(d.codes() == 0 ? 0 : (double) l.labels() / d.codes());
            bar.setPrefWidth(160);
            Label name = new Label(l.name() + (l.simulated() ? " (simulated)" : ""));
            name.setMinWidth(150);
            Label count = new Label(String.format("%,d / %,d", l.labels(), d.codes()));
            count.setMinWidth(Region.USE_PREF_SIZE);
            progress.getChildren().add(new HBox(10, name, bar, count));
        }
        int without = d.labelers() - r.labelers().size();
        if (without > 0) {
            // The dataset card counts every labeler; say why this list is shorter.
            Label none = new Label(without + (without == 1 ? " labeler has" : " labelers have") + " no labels yet.");
            none.setId("labelers-without-labels");
            none.getStyleClass().add(Styles.MUTED);
            progress.getChildren().add(none);
        }
        progress.getStyleClass().add(Styles.CARD);
        progress.setPadding(new Insets(16));

        FlowPane cards = new FlowPane(14, 14);
        cards.setId("evaluator-cards");
        for (Map.Entry<String, AlignmentReport.ScanEvaluator> e : r.scan().evaluators().entrySet()) {
            AlignmentReport.ScanEvaluator s = e.getValue();
            cards.getChildren().add(card(e.getKey(), "Scan: agreement with the people's majority (Cohen's kappa)",
                    s.cohenKappa(), EvaluatorVerdict.scan(s, EvaluatorVerdict.scanCeiling(r)),
                    "ROC AUC " + Figures.withInterval(s.rocAuc()) + ", over " + s.n() + " codes"));
        }
        for (Map.Entry<String, AlignmentReport.AestheticEvaluator> e : r.aesthetic().evaluators().entrySet()) {
            AlignmentReport.AestheticEvaluator a = e.getValue();
            cards.getChildren().add(card(e.getKey(), "Aesthetic: rank agreement with the mean human score (Spearman)",
                    a.spearman(), EvaluatorVerdict.aesthetic(a, r.aesthetic().interRater().typicalLabelerSpearman()),
                    "Kendall tau-b " + Figures.withInterval(a.kendallTauB()) + ", over " + a.n() + " codes"));
        }
        if (cards.getChildren().isEmpty()) {
            Label hint = new Label("No eval results yet. Run the scan evals (Dataset > Automated evals > Run "
                    + "evaluators, or `qart-align eval`) and label some codes: each evaluator then gets a card here "
                    + "that compares it with the people.");
            hint.setId("overview-run-evals-hint");
            hint.setWrapText(true);
            // In the cards' flow pane a wrapping label asks for its unwrapped width, which scrolled the tab sideways.
            hint.setPrefWidth(620);
            hint.setMaxWidth(620);
            hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            hint.getStyleClass().add(Styles.MUTED);
            cards.getChildren().add(hint);
        }
        Label evTitle = new Label("Evaluators against people");
        evTitle.getStyleClass().add(Styles.TITLE);
        content.getChildren().addAll(new HBox(18, dataset, progress), evTitle, cards);
    }

    private static VBox card(String name, String measure, Estimate headline, EvaluatorVerdict verdict,
                             String details) {
        Label title = new Label(name);
        title.getStyleClass().add("card-title");
        Label what = new Label(measure);
        what.getStyleClass().add(Styles.MUTED);
        what.setWrapText(true);
        Label value = new Label(Figures.withInterval(headline));
        value.setId("card-value-" + name);
        value.getStyleClass().add("card-value");
        VBox card = new VBox(6, title, what, value);
        if (verdict.falsePasses() != null) {
            // The colour weighs false passes as much as agreement, so they are a headline too.
            Label second = new Label(verdict.falsePasses());
            second.setId("card-false-passes-" + name);
            second.getStyleClass().add("card-value-second");
            card.getChildren().add(second);
        }
        Label says = new Label(verdict.verdict());
        says.setId("card-verdict-" + name);
        says.getStyleClass().add("card-verdict");
        says.setWrapText(true);
        card.getChildren().add(says);
        for (String line : verdict.lines()) {
            Label l = new Label(line);
            l.setWrapText(true);
            card.getChildren().add(l);
        }
        Label more = new Label(details);
        more.getStyleClass().add(Styles.MUTED);
        more.setWrapText(true);
        card.getChildren().add(more);
        card.setId("card-" + name);
        card.getStyleClass().addAll(Styles.CARD, "eval-card", verdict.style());
        card.setPadding(new Insets(14));
        card.setPrefWidth(364);
        card.setMaxWidth(364);
        return card;
    }
}
