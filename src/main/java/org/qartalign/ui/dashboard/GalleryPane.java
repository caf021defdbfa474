package org.qartalign.ui.dashboard;

import javafx.collections.FXCollections;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.qartalign.alignment.AlignmentReport;
import org.qartalign.core.CodeImages;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.Labeler;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;
import org.qartalign.ui.common.Styles;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The disagreements gallery: codes where an eval and the people disagree, false passes first (the eval said it
 * scans, people could not), then false fails, each sorted by how confident the eval was. Also shows any set of
 * codes another screen opens (a toast-plot cell). Click a code for its full image, labels and history.
 */
final class GalleryPane extends VBox {
    static final int PAGE = 48;
    private final DashboardViewModel model;
    private final ComboBox<String> evaluator = new ComboBox<>();
    private final ComboBox<String> labeler = new ComboBox<>();
    private final ComboBox<String> param = new ComboBox<>();
    private final javafx.scene.control.TextField paramMin = new javafx.scene.control.TextField();
    private final javafx.scene.control.TextField paramMax = new javafx.scene.control.TextField();
    private final ComboBox<String> sort = new ComboBox<>(FXCollections.observableArrayList(
            "false passes first, most confident first", "eval confidence, highest first", "eval confidence, lowest first"));
    private final javafx.scene.control.Label heading = new javafx.scene.control.Label();
    private final FlowPane tiles = new FlowPane(12, 12);
    private final Button more = new Button("Show more");
    private final Map<String, Image> thumbnails = new HashMap<>();
    private Map<String, CodeWithPair> codes = Map.of();
    private Map<String, Set<String>> codesByLabeler = Map.of();
    private List<String> selection;
    private String selectionTitle;
    private List<Item> shown = List.of();
    private int visible;

    /** One gallery entry: a code, how sure the eval was, whether it is a false pass. */
    record Item(AlignmentReport.CodeFigures code, Double evalProb, boolean falsePass, boolean falseFail) {
    }

    GalleryPane(DashboardViewModel model) {
        this.model = model;
        setId("gallery-pane");
        setSpacing(10);
        setPadding(new Insets(18));
        evaluator.setId("gallery-evaluator");
        labeler.setId("gallery-labeler");
        param.setId("gallery-param");
        sort.setId("gallery-sort");
        sort.getSelectionModel().select(0);
        paramMin.setId("gallery-param-min");
        paramMax.setId("gallery-param-max");
        paramMin.setPromptText("from");
        paramMax.setPromptText("to");
        paramMin.setPrefColumnCount(5);
        paramMax.setPrefColumnCount(5);
        for (var c : List.of(evaluator.valueProperty(), labeler.valueProperty(), param.valueProperty(),
                sort.valueProperty())) {
            c.addListener((o, a, b) -> refilter());
        }
        paramMin.textProperty().addListener((o, a, b) -> refilter());
        paramMax.textProperty().addListener((o, a, b) -> refilter());
        Button clear = new Button("Back to disagreements");
        clear.setId("gallery-clear-selection");
        clear.setOnAction(e -> showSelection(null, null));
        FlowPane filters = new FlowPane(8, 6, caption("Evaluator"), evaluator, caption("Labeler"), labeler,
                caption("Parameter"), param, paramMin, caption("to"), paramMax, caption("Sort"), sort, clear);
        filters.setAlignment(Pos.CENTER_LEFT);
        heading.setId("gallery-heading");
        heading.getStyleClass().add("section-title");
        tiles.setId("gallery-tiles");
        tiles.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(new VBox(10, tiles, more));
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        more.setId("gallery-more");
        more.setOnAction(e -> showMore());
        getChildren().addAll(filters, heading, scroll);
        model.reportProperty().addListener((o, a, r) -> reload());
        reload();
    }

    /** Shows a given set of codes (from a toast-plot cell), or the disagreements again when ids is null. */
    void showSelection(String title, List<String> ids) {
        selection = ids;
        selectionTitle = title;
        refilter();
    }

    private void reload() {
        AlignmentReport r = model.reportProperty().get();
        if (r == null) {
            return;
        }
        var db = model.database();
        model.executors().background().execute(() -> {
            Map<String, CodeWithPair> byId = new HashMap<>();
            for (CodeWithPair c : new DatasetRepository(db).codes()) {
                byId.put(c.id(), c);
            }
            Map<String, Set<String>> byLabeler = new HashMap<>();
            for (Labeler l : new LabelerRepository(db).all()) {
                Set<String> ids = new HashSet<>();
                for (org.qartalign.core.Label h : new LabelRepository(db).heads(l.id())) {
                    ids.add(h.codeId());
                }
                byLabeler.put(l.name(), ids);
            }
            model.executors().ui().execute(() -> {
                codes = byId;
                codesByLabeler = byLabeler;
                List<String> scanEvals = new ArrayList<>(r.scan().evaluators().keySet());
                String keep = evaluator.getValue();
                evaluator.setItems(FXCollections.observableArrayList(scanEvals));
                evaluator.setValue(keep != null && scanEvals.contains(keep) ? keep : scanEvals.isEmpty() ? null : scanEvals.get(0));
                List<String> labelers = new ArrayList<>(List.of("any labeler"));
                labelers.addAll(new TreeSet<>(byLabeler.keySet()));
                labeler.setItems(FXCollections.observableArrayList(labelers));
                labeler.setValue("any labeler");
                TreeSet<String> params = new TreeSet<>();
                byId.values().forEach(c -> c.code().params().forEach((k, v) -> {
                    if (v instanceof Number) {
                        params.add(k);
                    }
                }));
                List<String> paramItems = new ArrayList<>(List.of("no parameter filter"));
                paramItems.addAll(params);
                param.setItems(FXCollections.observableArrayList(paramItems));
                param.setValue("no parameter filter");
                refilter();
            });
        });
    }

    private void refilter() {
        AlignmentReport r = model.reportProperty().get();
        if (r == null) {
            return;
        }
        String ev = evaluator.getValue();
        int e = ev == null ? -1 : r.dataset().evaluators().indexOf(ev);
        double t = r.settings().threshold();
        Set<String> only = selection == null ? null : new HashSet<>(selection);
        Set<String> byLabeler = labeler.getValue() == null || labeler.getValue().equals("any labeler") ? null
                : codesByLabeler.getOrDefault(labeler.getValue(), Set.of());
        String p = param.getValue() == null || param.getValue().equals("no parameter filter") ? null : param.getValue();
        List<Item> items = new ArrayList<>();
        for (AlignmentReport.CodeFigures c : r.codes()) {
            if (only != null && !only.contains(c.codeId())) {
                continue;
            }
            if (byLabeler != null && !byLabeler.contains(c.codeId())) {
                continue;
            }
            if (p != null) {
                CodeWithPair cw = codes.get(c.codeId());
                Double v = cw == null ? null : cw.code().numericParam(p);
                if (v == null || v < bound(paramMin, Double.NEGATIVE_INFINITY)
                        || v > bound(paramMax, Double.POSITIVE_INFINITY)) {
                    continue;
                }
            }
            Double prob = e < 0 || c.scanProb() == null || Double.isNaN(c.scanProb()[e]) ? null : c.scanProb()[e];
            boolean falsePass = prob != null && c.humanScan() != null && prob >= t && c.humanScan() == 0;
            boolean falseFail = prob != null && c.humanScan() != null && prob < t && c.humanScan() == 1;
            if (only == null && !falsePass && !falseFail) {
                continue;
            }
            items.add(new Item(c, prob, falsePass, falseFail));
        }
        Comparator<Item> byConfidence = Comparator.comparing(i -> i.evalProb() == null ? 0.5 : i.evalProb());
        String how = sort.getValue() == null ? "" : sort.getValue();
        Comparator<Item> order;
        if (how.startsWith("eval confidence, highest")) {
            order = byConfidence.reversed();
        } else if (how.startsWith("eval confidence, lowest")) {
            order = byConfidence;
        } else {
            order = Comparator.comparing((Item i) -> i.falsePass() ? 0 : 1)
                    .thenComparing(i -> i.evalProb() == null ? 0 : (i.falsePass() ? -i.evalProb() : i.evalProb()));
        }
        items.sort(order.thenComparing(i -> i.code().codeId()));
        shown = items;
        long fp = items.stream().filter(Item::falsePass).count();
        long ff = items.stream().filter(Item::falseFail).count();
        heading.setText(only != null ? selectionTitle + ": " + items.size() + " codes"
                : String.format(Locale.ROOT, "%s at threshold %.2f: %d false passes (eval says it scans, people could not), %d false fails",
                ev == null ? "no scan evaluator" : ev, t, fp, ff));
        tiles.getChildren().clear();
        visible = 0;
        showMore();
    }

    private void showMore() {
        int end = Math.min(shown.size(), visible + PAGE);
        AlignmentReport r = model.reportProperty().get();
        for (int i = visible; i < end; i++) {
            tiles.getChildren().add(tile(shown.get(i), r));
        }
        visible = end;
        more.setVisible(visible < shown.size());
        more.setManaged(visible < shown.size());
    }

    private VBox tile(Item item, AlignmentReport r) {
        AlignmentReport.CodeFigures c = item.code();
        ImageView view = new ImageView();
        view.setFitWidth(150);
        view.setFitHeight(150);
        view.setPreserveRatio(true);
        loadThumbnail(c, view);
        javafx.scene.control.Label id = new javafx.scene.control.Label(c.codeId());
        id.getStyleClass().add("tile-title");
        String verdict = item.falsePass() ? "FALSE PASS" : item.falseFail() ? "false fail" : "";
        javafx.scene.control.Label kind = new javafx.scene.control.Label(verdict);
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
        CodeWithPair cw = codes.get(c.codeId());
        String params = cw == null ? "" : paramsText(cw);
        javafx.scene.control.Label facts = new javafx.scene.control.Label(String.format(Locale.ROOT,
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
        tile.setOnMouseClicked(ev -> CodeDetailDialog.show(model.database(), c.codeId(), getScene().getWindow()));
        tile.setFocusTraversable(true);
        tile.setOnKeyPressed(ev -> {
            if (ev.getCode() == javafx.scene.input.KeyCode.ENTER || ev.getCode() == javafx.scene.input.KeyCode.SPACE) {
                CodeDetailDialog.show(model.database(), c.codeId(), getScene().getWindow());
                ev.consume();
            }
        });
        return tile;
    }

    private static javafx.scene.control.Label caption(String text) {
        javafx.scene.control.Label l = new javafx.scene.control.Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** A range bound typed by the user; empty or not a number means no bound. */
    private static double bound(javafx.scene.control.TextField field, double none) {
        try {
            return field.getText().isBlank() ? none : Double.parseDouble(field.getText().trim());
        } catch (NumberFormatException e) {
            return none;
        }
    }

    /** Generation parameters a person reads: the numeric ones but the seed, two decimals. */
    static String paramsText(CodeWithPair cw) {
        StringBuilder sb = new StringBuilder();
        cw.code().params().forEach((k, v) -> {
            if (v instanceof Number n && !k.equals("seed")) {
                sb.append(String.format(Locale.ROOT, "%s %.2f%n", k, n.doubleValue()));
            }
        });
        return sb.toString().trim();
    }

    private void loadThumbnail(AlignmentReport.CodeFigures c, ImageView view) {
        Image cached = thumbnails.get(c.codeId());
        if (cached != null) {
            view.setImage(cached);
            return;
        }
        Path folder = model.database().folder();
        model.executors().background().execute(() -> {
            try {
                BufferedImage img = CodeImages.read(CodeImages.resolve(folder, c.imagePath()));
                BufferedImage small = new BufferedImage(150, 150, BufferedImage.TYPE_INT_RGB);
                var g = small.createGraphics();
                g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                        java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(img, 0, 0, 150, 150, null);
                g.dispose();
                Image fx = SwingFXUtils.toFXImage(small, null);
                model.executors().ui().execute(() -> {
                    thumbnails.put(c.codeId(), fx);
                    view.setImage(fx);
                });
            } catch (Exception ex) {
                // a broken image shows as an empty tile; the detail view says why
            }
        });
    }

    List<Item> shownItems() {
        return shown;
    }
}
