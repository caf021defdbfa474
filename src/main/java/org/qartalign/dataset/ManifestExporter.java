package org.qartalign.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qartalign.core.CodeImages;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.core.Labeler;
import org.qartalign.core.LabelingSession;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.EvalResultRepository;
import org.qartalign.store.Json;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes the dataset back out: JSONL in the import manifest's shape (current answer heads and evals), or CSV
 * with one row per code. Image paths are written relative to {@code relativeTo} when the image lies inside it,
 * else absolute, so the JSONL can be imported again from where it was written.
 */
public final class ManifestExporter {
    private final Database db;
    private final Path relativeTo;
    private final List<CodeWithPair> codes;
    private final Map<String, List<Label>> labels = new HashMap<>();
    private final Map<String, List<EvalResult>> evals = new HashMap<>();
    private final Map<Long, Labeler> labelers = new HashMap<>();
    private final Map<Long, LabelingSession> sessions = new HashMap<>();

    /** @param relativeTo folder image paths are made relative to, or null for absolute paths */
    public ManifestExporter(Database db, Path relativeTo) {
        this.db = db;
        this.relativeTo = relativeTo == null ? null : relativeTo.toAbsolutePath().normalize();
        this.codes = new DatasetRepository(db).codes();
        for (Labeler l : new LabelerRepository(db).all()) {
            labelers.put(l.id(), l);
        }
        for (LabelingSession s : new LabelerRepository(db).sessions()) {
            sessions.put(s.id(), s);
        }
        for (Label l : new LabelRepository(db).heads()) {
            if (l.kind() == LabelKind.ANSWER) {
                labels.computeIfAbsent(l.codeId(), k -> new ArrayList<>()).add(l);
            }
        }
        for (EvalResult e : new EvalResultRepository(db).all()) {
            evals.computeIfAbsent(e.codeId(), k -> new ArrayList<>()).add(e);
        }
        labels.values().forEach(list -> list.sort(Comparator.comparing((Label l) -> labelers.get(l.labelerId()).name())
                .thenComparing(Label::submittedAt).thenComparing(Label::uuid)));
        evals.values().forEach(list -> list.sort(Comparator.comparing(EvalResult::evaluator)
                .thenComparing(EvalResult::version)));
    }

    public int writeJsonl(Writer out) throws IOException {
        for (CodeWithPair c : codes) {
            out.write(Json.write(jsonOf(c)));
            out.write('\n');
        }
        out.flush();
        return codes.size();
    }

    private ObjectNode jsonOf(CodeWithPair c) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", c.id());
        o.put("prompt", c.pair().prompt());
        o.put("url", c.url());
        o.put("image", imagePath(c));
        o.set("params", Json.MAPPER.valueToTree(new java.util.TreeMap<>(c.code().params())));
        List<EvalResult> es = evals.getOrDefault(c.id(), List.of());
        if (!es.isEmpty()) {
            ArrayNode arr = o.putArray("evals");
            for (EvalResult e : es) {
                ObjectNode n = arr.addObject();
                n.put("evaluator", e.evaluator());
                n.put("version", e.version());
                if (e.scanProb() != null) {
                    n.put("scan_prob", e.scanProb());
                }
                if (e.decoded() != null) {
                    n.put("decoded", e.decoded());
                }
                if (e.aesthetic() != null) {
                    n.put("aesthetic", e.aesthetic());
                }
                if (e.details() != null) {
                    n.set("details", readTree(e.details()));
                }
            }
        }
        List<Label> ls = labels.getOrDefault(c.id(), List.of());
        if (!ls.isEmpty()) {
            ArrayNode arr = o.putArray("labels");
            for (Label l : ls) {
                ObjectNode n = arr.addObject();
                LabelingSession s = l.sessionId() == null ? null : sessions.get(l.sessionId());
                n.put("labeler", labelers.get(l.labelerId()).name());
                n.put("scanned", l.scanned());
                n.put("aesthetic", l.aesthetic());
                n.put("phone", s == null ? null : s.phoneModel());
                if (s != null && s.scannerApp() != null) {
                    n.put("scanner_app", s.scannerApp());
                }
                n.put("reason", l.reason() == null ? null : l.reason().key());
                n.put("scan_seconds", l.scanMillis() == null ? null : l.scanMillis() / 1000.0);
                n.put("at", l.submittedAt().toString());
                if (l.shownAt() != null) {
                    n.put("shown_at", l.shownAt().toString());
                }
                if (l.flags() != null && !l.flags().isBlank()) {
                    ArrayNode f = n.putArray("flags");
                    for (String flag : l.flags().split(",")) {
                        f.add(flag.trim());
                    }
                }
            }
        }
        return o;
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            return Json.MAPPER.getNodeFactory().textNode(json);
        }
    }

    private String imagePath(CodeWithPair c) {
        Path abs = CodeImages.resolve(db.folder(), c.code().imagePath()).toAbsolutePath().normalize();
        if (relativeTo != null && abs.startsWith(relativeTo)) {
            return relativeTo.relativize(abs).toString().replace('\\', '/');
        }
        return abs.toString();
    }

    /**
     * One row per code: id, prompt, url, image, every parameter, a summary of the current human answers, and each
     * evaluator version's values. Text cells starting with =, +, -, @, tab or CR get a leading ' so spreadsheets
     * never run them as formulas.
     */
    public int writeCsv(Writer out) throws IOException {
        TreeSet<String> paramKeys = new TreeSet<>();
        codes.forEach(c -> paramKeys.addAll(c.code().params().keySet()));
        Map<String, boolean[]> evalColumns = new LinkedHashMap<>();
        evals.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(EvalResult::evaluator).thenComparing(EvalResult::version))
                .forEach(e -> {
                    boolean[] has = evalColumns.computeIfAbsent(e.evaluator() + "@" + e.version(), k -> new boolean[3]);
                    has[0] |= e.scanProb() != null;
                    has[1] |= e.decoded() != null;
                    has[2] |= e.aesthetic() != null;
                });
        List<String> header = new ArrayList<>(List.of("id", "prompt", "url", "image"));
        paramKeys.forEach(k -> header.add("param_" + k));
        header.addAll(List.of("human_labels", "human_scanned", "human_scan_rate", "human_aesthetic_mean",
                "human_labelers", "simulated"));
        evalColumns.forEach((k, has) -> {
            if (has[0]) {
                header.add(k + ":scan_prob");
            }
            if (has[1]) {
                header.add(k + ":decoded");
            }
            if (has[2]) {
                header.add(k + ":aesthetic");
            }
        });
        writeRow(out, header.stream().map(h -> (Object) h).toList());
        for (CodeWithPair c : codes) {
            List<Object> row = new ArrayList<>(List.of(c.id(), c.pair().prompt(), c.url(), imagePath(c)));
            paramKeys.forEach(k -> row.add(c.code().params().get(k)));
            List<Label> ls = labels.getOrDefault(c.id(), List.of());
            List<Label> answered = ls.stream().filter(l -> l.scanned() != null).toList();
            long scanned = answered.stream().filter(Label::scanned).count();
            row.add(ls.size());
            row.add(scanned);
            row.add(answered.isEmpty() ? null : (double) scanned / answered.size());
            row.add(ls.stream().filter(l -> l.aesthetic() != null).mapToInt(Label::aesthetic).average().stream()
                    .boxed().findFirst().orElse(null));
            row.add(ls.stream().map(l -> labelers.get(l.labelerId()).name()).distinct().collect(Collectors.joining(";")));
            row.add(ls.stream().anyMatch(l -> l.hasFlag("simulated")));
            Map<String, EvalResult> byKey = new HashMap<>();
            evals.getOrDefault(c.id(), List.of()).forEach(e -> byKey.put(e.evaluator() + "@" + e.version(), e));
            evalColumns.forEach((k, has) -> {
                EvalResult e = byKey.get(k);
                if (has[0]) {
                    row.add(e == null ? null : e.scanProb());
                }
                if (has[1]) {
                    row.add(e == null ? null : e.decoded());
                }
                if (has[2]) {
                    row.add(e == null ? null : e.aesthetic());
                }
            });
            writeRow(out, row);
        }
        out.flush();
        return codes.size();
    }

    private static void writeRow(Writer out, List<Object> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(csvCell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** RFC 4180 quoting, with text that a spreadsheet would run as a formula neutralised by a leading quote. */
    static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
