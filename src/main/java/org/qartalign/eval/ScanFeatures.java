package org.qartalign.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;
import org.qartalign.store.Json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The features {@code learned-scan} learns from: every numeric field of the stored results of the scan evaluators
 * (any evaluator that gave a scan probability, imported ones included, learned ones left out). Per evaluator:
 * {@code scan_prob}, every number or boolean in its details (nested objects by dotted path, arrays of numbers by
 * index), and one column per value of a details text field with 2-8 distinct values. A column missing for some
 * codes stays NaN here; the model imputes it and adds a missing indicator. Built without looking at any label.
 */
public final class ScanFeatures {
    static final int MAX_CATEGORIES = 8;

    /** Column names, and each code's row (NaN where missing); only codes with at least one scan result. */
    public record Table(List<String> columns, Map<String, double[]> rows) {
    }

    private ScanFeatures() {
    }

    /**
     * @param results the latest result of each evaluator per code
     * @param codes   the codes, for their current image hash (results of an older image are left out)
     */
    public static Table build(List<EvalResult> results, List<CodeWithPair> codes) {
        Map<String, String> sha = new HashMap<>();
        for (CodeWithPair c : codes) {
            sha.put(c.id(), c.code().sha256());
        }
        Set<String> scanEvaluators = new TreeSet<>();
        for (EvalResult r : results) {
            if (r.scanProb() != null && !r.evaluator().startsWith("learned-")) {
                scanEvaluators.add(r.evaluator());
            }
        }
        Map<String, Map<String, Double>> numbers = new TreeMap<>();
        Map<String, Map<String, String>> texts = new TreeMap<>();
        for (EvalResult r : results) {
            String current = sha.get(r.codeId());
            if (!scanEvaluators.contains(r.evaluator()) || !sha.containsKey(r.codeId())
                    || (r.imageSha256() != null && current != null && !r.imageSha256().equals(current))) {
                continue;
            }
            Map<String, Double> num = numbers.computeIfAbsent(r.codeId(), k -> new TreeMap<>());
            Map<String, String> txt = texts.computeIfAbsent(r.codeId(), k -> new TreeMap<>());
            String prefix = r.evaluator() + ":";
            if (r.scanProb() != null) {
                num.put(prefix + "scan_prob", r.scanProb());
            }
            if (r.details() != null && !r.details().isBlank()) {
                JsonNode d;
                try {
                    d = Json.MAPPER.readTree(r.details());
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    continue;
                }
                flatten(prefix, d, num, txt);
            }
        }
        Map<String, Set<Double>> distinct = new TreeMap<>();
        numbers.values().forEach(m -> m.forEach((k, v) -> distinct.computeIfAbsent(k, x -> new TreeSet<>()).add(v)));
        Map<String, Set<String>> categories = new TreeMap<>();
        texts.values().forEach(m -> m.forEach((k, v) -> categories.computeIfAbsent(k, x -> new TreeSet<>()).add(v)));
        List<String> columns = new ArrayList<>();
        distinct.forEach((k, v) -> {
            if (v.size() >= 2) {
                columns.add(k);
            }
        });
        Map<String, String[]> oneHot = new LinkedHashMap<>();
        categories.forEach((k, v) -> {
            if (v.size() >= 2 && v.size() <= MAX_CATEGORIES) {
                for (String value : v) {
                    String col = k + "=" + value;
                    columns.add(col);
                    oneHot.put(col, new String[] {k, value});
                }
            }
        });
        Map<String, double[]> rows = new TreeMap<>();
        for (String id : numbers.keySet()) {
            double[] row = new double[columns.size()];
            Map<String, Double> num = numbers.get(id);
            Map<String, String> txt = texts.get(id);
            for (int j = 0; j < columns.size(); j++) {
                String[] hot = oneHot.get(columns.get(j));
                if (hot == null) {
                    Double v = num.get(columns.get(j));
                    row[j] = v == null ? Double.NaN : v;
                } else {
                    String v = txt.get(hot[0]);
                    row[j] = v == null ? Double.NaN : v.equals(hot[1]) ? 1 : 0;
                }
            }
            rows.put(id, row);
        }
        return new Table(List.copyOf(columns), rows);
    }

    private static void flatten(String path, JsonNode n, Map<String, Double> num, Map<String, String> txt) {
        if (n.isNumber()) {
            double v = n.asDouble();
            if (Double.isFinite(v)) {
                num.put(path, v);
            }
        } else if (n.isBoolean()) {
            num.put(path, n.asBoolean() ? 1.0 : 0.0);
        } else if (n.isTextual()) {
            txt.put(path, n.asText());
        } else if (n.isObject()) {
            String sep = path.endsWith(":") ? "" : ".";
            n.fields().forEachRemaining(e -> flatten(path + sep + e.getKey(), e.getValue(), num, txt));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                if (n.get(i).isNumber() || n.get(i).isBoolean()) {
                    flatten(path + "[" + i + "]", n.get(i), num, txt);
                }
            }
        }
    }
}
