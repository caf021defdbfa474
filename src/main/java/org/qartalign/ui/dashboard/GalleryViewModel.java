package org.qartalign.ui.dashboard;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.qartalign.alignment.AlignmentReport;
import org.qartalign.alignment.ScanVerdict;
import org.qartalign.alignment.WorstFirst;
import org.qartalign.core.CodeImages;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;
import org.qartalign.core.Label;
import org.qartalign.core.Labeler;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.EvalResultRepository;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;
import org.qartalign.ui.common.Tasks;
import org.qartalign.ui.common.UiExecutors;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The disagreements gallery's state: which codes it shows, filtered and sorted, at the dashboard's one scan
 * evaluator and threshold. Everything it needs from the database (codes, who labeled what, a code's full history,
 * images) is read off the UI thread.
 */
public final class GalleryViewModel {
    public static final String ANY_LABELER = "any labeler";
    public static final String NO_PARAMETER = "no parameter filter";
    public static final List<String> SORTS = List.of("worst first (largest gap, as the HTML report)",
            "false passes first, most confident first", "eval confidence, highest first",
            "eval confidence, lowest first");
    static final int THUMBNAIL = 150;

    private final Database db;
    private final UiExecutors executors;
    private final DashboardViewModel dashboard;
    private final ObservableList<String> labelers = FXCollections.observableArrayList();
    private final ObservableList<String> params = FXCollections.observableArrayList();
    private final StringProperty labeler = new SimpleStringProperty(ANY_LABELER);
    private final StringProperty param = new SimpleStringProperty(NO_PARAMETER);
    private final StringProperty paramMin = new SimpleStringProperty("");
    private final StringProperty paramMax = new SimpleStringProperty("");
    private final StringProperty sort = new SimpleStringProperty(SORTS.get(0));
    private final StringProperty heading = new SimpleStringProperty("");
    private final ObjectProperty<List<Item>> items = new SimpleObjectProperty<>(List.of());
    private final Map<String, Image> thumbnails = new HashMap<>();
    private Catalog catalog = new Catalog(Map.of(), Map.of());
    private List<String> selection;
    private String selectionTitle;

    /** One gallery entry: a code, how sure the eval was, whether it is a false pass or a false fail. */
    public record Item(AlignmentReport.CodeFigures code, Double evalProb, boolean falsePass, boolean falseFail,
                       String params) {
    }

    /** What the gallery reads once per report: codes by id and, per labeler name, the codes they labeled. */
    record Catalog(Map<String, CodeWithPair> codes, Map<String, Set<String>> codesByLabeler) {
    }

    /** A code in full for the detail dialog; the image is null when it cannot be read, with the reason. */
    /** @param grade the code's qr-grade card (computed with the image), or null when the image could not be read */
    public record CodeDetail(String codeId, Image image, String imageError, String text, GradeCard.Data grade) {
    }

    public GalleryViewModel(Database db, UiExecutors executors, DashboardViewModel dashboard) {
        this.db = db;
        this.executors = executors;
        this.dashboard = dashboard;
        for (var p : List.of(labeler, param, paramMin, paramMax, sort)) {
            p.addListener((o, a, b) -> refilter());
        }
        dashboard.scanEvaluatorProperty().addListener((o, a, b) -> refilter());
        dashboard.thresholdProperty().addListener((o, a, b) -> refilter());
        dashboard.reportProperty().addListener((o, a, r) -> reload());
        reload();
    }

    /** Shows a given set of codes (from a toast-plot cell), or the disagreements again when ids is null. */
    public void showSelection(String title, List<String> ids) {
        selection = ids;
        selectionTitle = title;
        refilter();
    }

    private void reload() {
        if (dashboard.reportProperty().get() == null) {
            return;
        }
        Tasks.create(this::readCatalog)
                .onSuccess(c -> {
                    catalog = c;
                    List<String> names = new ArrayList<>(List.of(ANY_LABELER));
                    names.addAll(new TreeSet<>(c.codesByLabeler().keySet()));
                    labelers.setAll(names);
                    if (!names.contains(labeler.get())) {
                        labeler.set(ANY_LABELER);
                    }
                    TreeSet<String> numeric = new TreeSet<>();
                    c.codes().values().forEach(cw -> cw.code().params().forEach((k, v) -> {
                        if (v instanceof Number) {
                            numeric.add(k);
                        }
                    }));
                    List<String> p = new ArrayList<>(List.of(NO_PARAMETER));
                    p.addAll(numeric);
                    params.setAll(p);
                    if (!p.contains(param.get())) {
                        param.set(NO_PARAMETER);
                    }
                    refilter();
                })
                .onError(Throwable.class, e -> heading.set("The codes could not be read: " + e.getMessage()))
                .run(executors);
    }

    private Catalog readCatalog() {
        Map<String, CodeWithPair> byId = new HashMap<>();
        for (CodeWithPair c : new DatasetRepository(db).codes()) {
            byId.put(c.id(), c);
        }
        Map<String, Set<String>> byLabeler = new HashMap<>();
        LabelRepository labels = new LabelRepository(db);
        for (Labeler l : new LabelerRepository(db).all()) {
            Set<String> ids = new HashSet<>();
            for (Label h : labels.heads(l.id())) {
                ids.add(h.codeId());
            }
            byLabeler.put(l.name(), ids);
        }
        return new Catalog(byId, byLabeler);
    }

    void refilter() {
        AlignmentReport r = dashboard.reportProperty().get();
        if (r == null) {
            items.set(List.of());
            heading.set("");
            return;
        }
        String ev = dashboard.scanEvaluatorProperty().get();
        int e = ev == null ? -1 : r.dataset().evaluators().indexOf(ev);
        double t = dashboard.thresholdProperty().get();
        Set<String> only = selection == null ? null : new HashSet<>(selection);
        Set<String> byLabeler = labeler.get() == null || labeler.get().equals(ANY_LABELER) ? null
                : catalog.codesByLabeler().getOrDefault(labeler.get(), Set.of());
        String p = param.get() == null || param.get().equals(NO_PARAMETER) ? null : param.get();
        List<Item> out = new ArrayList<>();
        for (AlignmentReport.CodeFigures c : r.codes()) {
            if (only != null && !only.contains(c.codeId()) || byLabeler != null && !byLabeler.contains(c.codeId())) {
                continue;
            }
            CodeWithPair cw = catalog.codes().get(c.codeId());
            if (p != null) {
                Double v = cw == null ? null : cw.code().numericParam(p);
                if (v == null || v < bound(paramMin.get(), Double.NEGATIVE_INFINITY)
                        || v > bound(paramMax.get(), Double.POSITIVE_INFINITY)) {
                    continue;
                }
            }
            Double prob = e < 0 || c.scanProb() == null || Double.isNaN(c.scanProb()[e]) ? null : c.scanProb()[e];
            ScanVerdict v = ScanVerdict.of(prob, c.humanScan(), t);
            if (only == null && !v.disagrees()) {
                continue;
            }
            out.add(new Item(c, prob, v == ScanVerdict.FALSE_PASS, v == ScanVerdict.FALSE_FAIL,
                    cw == null ? "" : paramsText(cw)));
        }
        out.sort(order(sort.get(), e).thenComparing(i -> i.code().codeId()));
        items.set(List.copyOf(out));
        long fp = out.stream().filter(Item::falsePass).count();
        long ff = out.stream().filter(Item::falseFail).count();
        heading.set(only != null ? selectionTitle + ": " + out.size() + " codes"
                : ev == null ? "No scan evaluator with results for these labels: run the scan evals (Dataset screen, "
                + "or qart-align eval), or include the simulated labels if they are all there is."
                : String.format(Locale.ROOT, "%s at threshold %.2f: %d false passes (eval says it scans, people could "
                + "not), %d false fails", ev, t, fp, ff));
    }

    private static Comparator<Item> order(String how, int evaluator) {
        Comparator<Item> byConfidence = Comparator.comparing(i -> i.evalProb() == null ? 0.5 : i.evalProb());
        if (how == null || how.equals(SORTS.get(0))) {
            return evaluator < 0 ? Comparator.comparing(i -> i.code().codeId())
                    : Comparator.comparing(Item::code, WorstFirst.scanCodes(evaluator));
        }
        if (how.equals(SORTS.get(2))) {
            return byConfidence.reversed();
        }
        if (how.equals(SORTS.get(3))) {
            return byConfidence;
        }
        return Comparator.comparing((Item i) -> i.falsePass() ? 0 : 1)
                .thenComparing(i -> i.evalProb() == null ? 0 : i.falsePass() ? -i.evalProb() : i.evalProb());
    }

    /** A range bound typed by the user; empty or not a number means no bound. */
    static double bound(String text, double none) {
        try {
            return text == null || text.isBlank() ? none : Double.parseDouble(text.trim());
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

    /** Hands a code's thumbnail to {@code show} on the UI thread, read and scaled in the background once. */
    public void thumbnail(AlignmentReport.CodeFigures c, Consumer<Image> show) {
        Image cached = thumbnails.get(c.codeId());
        if (cached != null) {
            show.accept(cached);
            return;
        }
        Tasks.create(() -> {
                    BufferedImage img = CodeImages.read(CodeImages.resolve(db.folder(), c.imagePath()));
                    BufferedImage small = new BufferedImage(THUMBNAIL, THUMBNAIL, BufferedImage.TYPE_INT_RGB);
                    var g = small.createGraphics();
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.drawImage(img, 0, 0, THUMBNAIL, THUMBNAIL, null);
                    g.dispose();
                    return SwingFXUtils.toFXImage(small, null);
                })
                .onSuccess(fx -> {
                    thumbnails.put(c.codeId(), fx);
                    show.accept(fx);
                })
                // A broken image shows as an empty tile; the detail dialog says why.
                .onError(Exception.class, e -> { })
                .run(executors);
    }

    /** Reads one code in full (image, pair, evals, every label version) off the UI thread for the detail dialog. */
    public void detail(String codeId, Consumer<CodeDetail> show) {
        Tasks.create(() -> readDetail(codeId))
                .onSuccess(d -> {
                    if (d != null) {
                        show.accept(d);
                    }
                })
                .onError(Throwable.class, e -> heading.set("Code " + codeId + " could not be read: " + e.getMessage()))
                .run(executors);
    }

    CodeDetail readDetail(String codeId) {
        CodeWithPair c = new DatasetRepository(db).find(codeId).orElse(null);
        if (c == null) {
            return null;
        }
        Image image = null;
        String imageError = null;
        GradeCard.Data grade = null;
        try {
            BufferedImage read = CodeImages.read(CodeImages.resolve(db.folder(), c.code().imagePath()));
            image = SwingFXUtils.toFXImage(read, null);
            grade = GradeCard.read(read, c.url());
        } catch (Exception e) {
            imageError = "This image cannot be shown: " + e.getMessage();
        }
        Map<Long, String> names = new HashMap<>();
        for (Labeler l : new LabelerRepository(db).all()) {
            names.put(l.id(), l.name() + (l.simulated() ? " (simulated)" : ""));
        }
        StringBuilder text = new StringBuilder();
        text.append("Code ").append(c.id()).append("\n\nPrompt: ").append(c.pair().prompt())
                .append("\nURL: ").append(c.url()).append("\nImage: ").append(c.code().imagePath())
                .append("\nParameters: ").append(paramsText(c)).append("\n\nAutomated evals:\n");
        for (EvalResult r : new EvalResultRepository(db).forCode(codeId)) {
            text.append(String.format(Locale.ROOT, "  %s %s: %s%s%s%n", r.evaluator(), r.version(),
                    r.scanProb() == null ? "" : String.format(Locale.ROOT, "scan p=%.3f ", r.scanProb()),
                    r.aesthetic() == null ? "" : String.format(Locale.ROOT, "aesthetic %.2f ", r.aesthetic()),
                    r.decoded() == null ? "" : "decoded \"" + r.decoded() + "\""));
        }
        text.append("\nEvery label version, oldest first:\n");
        for (Label l : new LabelRepository(db).history(codeId)) {
            text.append(String.format(Locale.ROOT, "  %s  %-22s %-8s scanned=%-5s reason=%-12s score=%s %s%n",
                    l.submittedAt(), names.getOrDefault(l.labelerId(), "?"), l.kind().key(),
                    l.scanned() == null ? "-" : l.scanned(), l.reason() == null ? "-" : l.reason().key(),
                    l.aesthetic() == null ? "-" : l.aesthetic(), l.flags() == null ? "" : l.flags()));
        }
        return new CodeDetail(codeId, image, imageError, text.toString(), grade);
    }

    public ObservableList<String> labelers() {
        return labelers;
    }

    public ObservableList<String> params() {
        return params;
    }

    public StringProperty labelerProperty() {
        return labeler;
    }

    public StringProperty paramProperty() {
        return param;
    }

    public StringProperty paramMinProperty() {
        return paramMin;
    }

    public StringProperty paramMaxProperty() {
        return paramMax;
    }

    public StringProperty sortProperty() {
        return sort;
    }

    public StringProperty headingProperty() {
        return heading;
    }

    public ObjectProperty<List<Item>> itemsProperty() {
        return items;
    }

    public DashboardViewModel dashboard() {
        return dashboard;
    }
}
