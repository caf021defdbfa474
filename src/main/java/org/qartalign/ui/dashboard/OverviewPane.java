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

    OverviewPane(DashboardViewModel model) {
        setId("overview-pane");
        setFitToWidth(true);
        content.setPadding(new Insets(18));
        setContent(content);
        model.reportProperty().addListener((o, a, r) -> show(r));
        show(model.reportProperty().get());
    }

    private void show(AlignmentReport r) {
        content.getChildren().clear();
        if (r == null) {
            content.getChildren().add(new Label("No report yet."));
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
            Label sim = new Label("These figures include SIMULATED labels (demo). Exclude them with the option above.");
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
        progress.getStyleClass().add(Styles.CARD);
        progress.setPadding(new Insets(16));

        FlowPane cards = new FlowPane(14, 14);
        cards.setId("evaluator-cards");
        for (Map.Entry<String, AlignmentReport.ScanEvaluator> e : r.scan().evaluators().entrySet()) {
            AlignmentReport.ScanEvaluator s = e.getValue();
            cards.getChildren().add(card(e.getKey(), "scan: Cohen's kappa", s.cohenKappa(), s.ceiling(),
                    "eval passes " + Figures.percent(s.evalScanRate()) + "\npeople scanned "
                            + Figures.percent(s.humanScanRate()) + "\nROC AUC " + Figures.withInterval(s.rocAuc())));
        }
        for (Map.Entry<String, AlignmentReport.AestheticEvaluator> e : r.aesthetic().evaluators().entrySet()) {
            AlignmentReport.AestheticEvaluator a = e.getValue();
            cards.getChildren().add(card(e.getKey(), "aesthetic: Spearman", a.spearman(), a.ceiling(),
                    "Kendall tau-b " + Figures.withInterval(a.kendallTauB()) + "\nn = " + a.n()));
        }
        Label evTitle = new Label("Evaluators against people");
        evTitle.getStyleClass().add(Styles.TITLE);
        content.getChildren().addAll(new HBox(18, dataset, progress), evTitle, cards);
    }

    private static VBox card(String name, String measure, Estimate headline, AlignmentReport.Ceiling ceiling,
                             String details) {
        Label title = new Label(name);
        title.getStyleClass().add("card-title");
        Label what = new Label(measure);
        what.getStyleClass().add(Styles.MUTED);
        Label value = new Label(Figures.withInterval(headline));
        value.setId("card-value-" + name);
        value.getStyleClass().add("card-value");
        String ceilingText = ceiling == null || ceiling.human() == null ? "human ceiling: n/a"
                + (ceiling != null && ceiling.note() != null ? " (" + ceiling.note() + ")" : "")
                : "human ceiling (" + ceiling.measure() + "): " + Figures.num(ceiling.human())
                + (ceiling.ratio() == null ? "" : String.format(" - reaches %.0f%% of it", 100 * ceiling.ratio()));
        Label ceil = new Label(ceilingText);
        ceil.setWrapText(true);
        Label more = new Label(details);
        more.getStyleClass().add(Styles.MUTED);
        VBox card = new VBox(6, title, what, value, ceil, more);
        card.setId("card-" + name);
        card.getStyleClass().addAll(Styles.CARD, "eval-card", closeness(ceiling));
        card.setPadding(new Insets(14));
        card.setPrefWidth(300);
        return card;
    }

    /** Green when the eval reaches 90% of the human ceiling, amber from 70%, red below. */
    static String closeness(AlignmentReport.Ceiling c) {
        if (c == null || c.ratio() == null) {
            return "closeness-unknown";
        }
        return c.ratio() >= 0.9 ? "closeness-good" : c.ratio() >= 0.7 ? "closeness-fair" : "closeness-poor";
    }
}
