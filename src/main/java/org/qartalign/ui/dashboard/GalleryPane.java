package org.qartalign.ui.dashboard;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.qartalign.alignment.AlignmentReport;
import org.qartalign.ui.common.Styles;

import java.util.List;
import java.util.Locale;

/**
 * The disagreements gallery: codes where an eval and the people disagree, false passes first (the eval said it
 * scans, people could not), then false fails, each sorted by how confident the eval was. Also shows any set of
 * codes another screen opens (a toast-plot cell). Click a code for its full image, labels and history.
 */
final class GalleryPane extends VBox {
    static final int PAGE = 48;
    private final GalleryViewModel model;
    private final FlowPane tiles = new FlowPane(12, 12);
    private final Button more = new Button("Show more");
    private List<GalleryViewModel.Item> shown = List.of();
    private int visible;

    GalleryPane(GalleryViewModel model) {
        this.model = model;
        DashboardViewModel dashboard = model.dashboard();
        setId("gallery-pane");
        setSpacing(10);
        setPadding(new Insets(18));
        ComboBox<String> evaluator = new ComboBox<>();
        evaluator.setId("gallery-evaluator");
        dashboard.engineProperty().addListener((o, a, e) -> {
            String keep = dashboard.scanEvaluatorProperty().get();
            evaluator.setItems(FXCollections.observableArrayList(e == null ? List.of() : e.scanEvaluators()));
            dashboard.scanEvaluatorProperty().set(keep);
        });
        evaluator.valueProperty().bindBidirectional(dashboard.scanEvaluatorProperty());
        ComboBox<String> labeler = new ComboBox<>(model.labelers());
        labeler.setId("gallery-labeler");
        labeler.valueProperty().bindBidirectional(model.labelerProperty());
        ComboBox<String> param = new ComboBox<>(model.params());
        param.setId("gallery-param");
        param.valueProperty().bindBidirectional(model.paramProperty());
        ComboBox<String> sort = new ComboBox<>(FXCollections.observableArrayList(GalleryViewModel.SORTS));
        sort.setId("gallery-sort");
        sort.valueProperty().bindBidirectional(model.sortProperty());
        TextField paramMin = new TextField();
        TextField paramMax = new TextField();
        paramMin.setId("gallery-param-min");
        paramMax.setId("gallery-param-max");
        paramMin.setPromptText("from");
        paramMax.setPromptText("to");
        paramMin.setPrefColumnCount(5);
        paramMax.setPrefColumnCount(5);
        paramMin.textProperty().bindBidirectional(model.paramMinProperty());
        paramMax.textProperty().bindBidirectional(model.paramMaxProperty());
        Button clear = new Button("Back to disagreements");
        clear.setId("gallery-clear-selection");
        clear.setOnAction(e -> model.showSelection(null, null));
        Label threshold = new Label();
        threshold.setId("gallery-threshold");
        threshold.textProperty().bind(dashboard.thresholdProperty().asString(Locale.ROOT,
                "threshold %.2f (set on the Scan agreement tab)"));
        threshold.getStyleClass().add(Styles.MUTED);
        FlowPane filters = new FlowPane(8, 6, caption("Evaluator"), evaluator, threshold, caption("Labeler"), labeler,
                caption("Parameter"), param, paramMin, caption("to"), paramMax, caption("Sort"), sort, clear);
        filters.setAlignment(Pos.CENTER_LEFT);
        Label heading = new Label();
        heading.setId("gallery-heading");
        heading.getStyleClass().add("section-title");
        heading.setWrapText(true);
        heading.textProperty().bind(model.headingProperty());
        tiles.setId("gallery-tiles");
        tiles.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(new VBox(10, tiles, more));
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        more.setId("gallery-more");
        more.setOnAction(e -> showMore());
        getChildren().addAll(filters, heading, scroll);
        model.itemsProperty().addListener((o, a, items) -> show(items));
        show(model.itemsProperty().get());
    }

    /** Shows a given set of codes (from a toast-plot cell), or the disagreements again when ids is null. */
    void showSelection(String title, List<String> ids) {
        model.showSelection(title, ids);
    }

    private void show(List<GalleryViewModel.Item> items) {
        shown = items;
        tiles.getChildren().clear();
        visible = 0;
        showMore();
    }

    private void showMore() {
        int end = Math.min(shown.size(), visible + PAGE);
        AlignmentReport r = model.dashboard().reportProperty().get();
        for (int i = visible; i < end; i++) {
            tiles.getChildren().add(tile(shown.get(i), r));
        }
        visible = end;
        more.setVisible(visible < shown.size());
        more.setManaged(visible < shown.size());
    }

    private VBox tile(GalleryViewModel.Item item, AlignmentReport r) {
        AlignmentReport.CodeFigures c = item.code();
        ImageView view = new ImageView();
        view.setFitWidth(150);
        view.setFitHeight(150);
        view.setPreserveRatio(true);
        model.thumbnail(c, view::setImage);
        Label id = new Label(c.codeId());
        id.getStyleClass().add("tile-title");
        String verdict = item.falsePass() ? "FALSE PASS" : item.falseFail() ? "false fail" : "";
        Label kind = new Label(verdict);
        kind.getStyleClass().add(item.falsePass() ? "false-pass" : Styles.MUTED);
        StringBuilder evals = new StringBuilder();
        for (int e = 0; e < r.dataset().evaluators().size(); e++) {
            String name = r.dataset().evaluators().get(e);
            if (c.scanProb() != null && !Double.isNaN(c.scanProb()[e])) {
                evals.append(String.format(Locale.ROOT, "%s p=%.2f%n", name, c.scanProb()[e]));
            }
            if (c.aesthetic() != null && !Double.isNaN(c.aesthetic()[e])) {
                evals.append(String.format(Locale.ROOT, "%s %.2f%n", name, c.aesthetic()[e]));
            }
        }
        String params = item.params();
        Label facts = new Label(String.format(Locale.ROOT,
                "people: %d/%d scanned, mean score %s%n%s%s", c.scanned(), c.labels(),
                c.humanAesthetic() == null ? "n/a" : String.format(Locale.ROOT, "%.1f", c.humanAesthetic()),
                evals, params));
        facts.getStyleClass().add("tile-facts");
        facts.setWrapText(true);
        VBox tile = new VBox(4, view, id, kind, facts);
        tile.setId("tile-" + c.codeId());
        tile.getStyleClass().addAll(Styles.CARD, "gallery-tile");
        tile.setPadding(new Insets(8));
        tile.setPrefWidth(176);
        tile.setOnMouseClicked(ev -> openDetail(c.codeId()));
        tile.setFocusTraversable(true);
        tile.setOnKeyPressed(ev -> {
            if (ev.getCode() == KeyCode.ENTER || ev.getCode() == KeyCode.SPACE) {
                openDetail(c.codeId());
                ev.consume();
            }
        });
        return tile;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private void openDetail(String codeId) {
        model.detail(codeId, d -> CodeDetailDialog.show(d, getScene().getWindow()));
    }

    List<GalleryViewModel.Item> shownItems() {
        return shown;
    }
}
