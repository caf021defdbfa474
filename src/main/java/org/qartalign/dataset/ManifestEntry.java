package org.qartalign.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import org.qartalign.core.FailureReason;
import org.qartalign.store.Json;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One validated line of a JSONL manifest: a generated code with its prompt, URL, image and parameters, and
 * optionally evals and labels. {@link #parse} throws {@link IllegalArgumentException} naming the bad field.
 */
record ManifestEntry(String id, String prompt, String url, Path image, Map<String, Object> params,
                     List<Eval> evals, List<LabelLine> labels) {

    static final String DEFAULT_EVAL_VERSION = "imported";
    private static final Set<String> FIELDS = Set.of("id", "prompt", "url", "image", "params", "evals", "labels");
    private static final Set<String> EVAL_FIELDS = Set.of("evaluator", "version", "scan_prob", "decoded", "aesthetic",
            "details");
    private static final Set<String> LABEL_FIELDS = Set.of("labeler", "scanned", "aesthetic", "phone", "scanner_app",
            "reason", "scan_seconds", "at", "shown_at", "flags");

    record Eval(String evaluator, String version, Double scanProb, String decoded, Double aesthetic, String details) {
    }

    record LabelLine(String labeler, Boolean scanned, Integer aesthetic, String phone, String scannerApp,
                     FailureReason reason, Long scanMillis, Instant at, Instant shownAt, String flags) {
        boolean simulated() {
            return flags != null && List.of(flags.split(",")).contains("simulated");
        }
    }

    /** Parses and checks one line; relative image paths resolve against {@code folder}. */
    static ManifestEntry parse(String line, Path folder) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(jsonProblem(e));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object, one code per line");
        }
        unknown(root, FIELDS, "");
        String id = text(root, "id", true, "");
        String prompt = text(root, "prompt", true, "");
        String url = text(root, "url", true, "");
        String notUrl = FolderImport.notAUrl(url);
        if (notUrl != null) {
            throw new IllegalArgumentException("field 'url': " + notUrl);
        }
        String image = text(root, "image", true, "");
        Path imagePath;
        try {
            imagePath = folder.resolve(image).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("field 'image': not a usable path: " + image);
        }
        Map<String, Object> params = Map.of();
        JsonNode p = root.get("params");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw new IllegalArgumentException("field 'params' must be an object, got " + kind(p));
            }
            params = Json.readMap(p.toString());
        }
        List<Eval> evals = new ArrayList<>();
        Set<String> evalKeys = new HashSet<>();
        for (JsonNode e : array(root, "evals")) {
            String where = "evals[" + evals.size() + "].";
            if (!e.isObject()) {
                throw new IllegalArgumentException("field '" + where.substring(0, where.length() - 1)
                        + "' must be an object, got " + kind(e));
            }
            unknown(e, EVAL_FIELDS, where);
            String evaluator = text(e, "evaluator", true, where);
            String version = text(e, "version", false, where);
            version = version == null ? DEFAULT_EVAL_VERSION : version;
            Double scanProb = number(e, "scan_prob", where);
            if (scanProb != null && (scanProb < 0 || scanProb > 1)) {
                throw new IllegalArgumentException("field '" + where + "scan_prob' is " + scanProb + ", outside 0-1");
            }
            String decoded = text(e, "decoded", false, where);
            Double aesthetic = number(e, "aesthetic", where);
            JsonNode d = e.get("details");
            String details = d == null || d.isNull() ? null : d.toString();
            if (scanProb == null && decoded == null && aesthetic == null) {
                throw new IllegalArgumentException("'" + where.substring(0, where.length() - 1)
                        + "' has none of scan_prob, decoded, aesthetic");
            }
            if (!evalKeys.add(evaluator + "\0" + version)) {
                throw new IllegalArgumentException("eval '" + evaluator + "' version '" + version + "' appears twice");
            }
            evals.add(new Eval(evaluator, version, scanProb, decoded, aesthetic, details));
        }
        List<LabelLine> labels = new ArrayList<>();
        Set<String> labelKeys = new HashSet<>();
        for (JsonNode l : array(root, "labels")) {
            String where = "labels[" + labels.size() + "].";
            if (!l.isObject()) {
                throw new IllegalArgumentException("field '" + where.substring(0, where.length() - 1)
                        + "' must be an object, got " + kind(l));
            }
            unknown(l, LABEL_FIELDS, where);
            String labeler = text(l, "labeler", true, where);
            Boolean scanned = bool(l, "scanned", where);
            Double a = number(l, "aesthetic", where);
            Integer aesthetic = null;
            if (a != null) {
                if (a != Math.rint(a) || a < 1 || a > 5) {
                    throw new IllegalArgumentException("field '" + where + "aesthetic' is " + l.get("aesthetic")
                            + ", expected a whole number 1-5");
                }
                aesthetic = a.intValue();
            }
            String reasonText = text(l, "reason", false, where);
            FailureReason reason;
            try {
                reason = FailureReason.parse(reasonText);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("field '" + where + "reason': " + ex.getMessage());
            }
            if (reason != null && !Boolean.FALSE.equals(scanned)) {
                throw new IllegalArgumentException("field '" + where + "reason' is given but 'scanned' is not false");
            }
            Double seconds = number(l, "scan_seconds", where);
            if (seconds != null && seconds < 0) {
                throw new IllegalArgumentException("field '" + where + "scan_seconds' is negative");
            }
            Instant at = instant(l, "at", true, where);
            Instant shownAt = instant(l, "shown_at", false, where);
            String flags = flags(l, where);
            if (!labelKeys.add(labeler + "\0" + at)) {
                throw new IllegalArgumentException("label by '" + labeler + "' at " + at + " appears twice");
            }
            labels.add(new LabelLine(labeler, scanned, aesthetic, text(l, "phone", false, where),
                    text(l, "scanner_app", false, where), reason,
                    seconds == null ? null : Math.round(seconds * 1000), at, shownAt, flags));
        }
        return new ManifestEntry(id, prompt, url, imagePath, params, evals, labels);
    }

    /** Jackson's complaint in the manifest's words, with the column when Jackson knows it. */
    private static String jsonProblem(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        String column = e.getLocation() == null || e.getLocation().getColumnNr() < 1 ? ""
                : " at column " + e.getLocation().getColumnNr();
        if (e instanceof StreamConstraintsException) {
            if (original.contains("nesting depth")) {
                return "JSON nested deeper than " + Json.MAX_DEPTH + " levels" + column
                        + "; a manifest line needs only a few";
            }
            if (original.contains("Number value length")) {
                return "a number longer than " + Json.MAX_NUMBER_LENGTH + " characters" + column;
            }
            return "JSON too large" + column + ": " + original;
        }
        if (original.startsWith("Trailing token")) {
            return "more than one JSON value on the line (text after the object ends" + column
                    + "); put one code per line";
        }
        if (original.startsWith("Duplicate field")) {
            return "the same field twice in one object" + column + ": " + original.replace("Duplicate field", "field")
                    .replaceAll("\\s*at \\[Source.*$", "");
        }
        String what = original.replaceAll("\\s*\\(start marker at \\[Source.*$", "").replaceAll("\\s*at \\[Source.*$", "");
        return "bad JSON" + column + ": " + what;
    }

    private static void unknown(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + where + f + "' (expected one of "
                        + known.stream().sorted().toList() + ")");
            }
        }
    }

    private static Iterable<JsonNode> array(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException("field '" + field + "' must be an array, got " + kind(n));
        }
        return n;
    }

    private static String text(JsonNode node, String field, boolean required, String where) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new IllegalArgumentException("missing field '" + where + field + "'");
            }
            return null;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException("field '" + where + field + "' must be a string, got " + kind(n));
        }
        if (required && n.asText().isBlank()) {
            throw new IllegalArgumentException("field '" + where + field + "' is empty");
        }
        return n.asText();
    }

    private static Double number(JsonNode node, String field, String where) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw new IllegalArgumentException("field '" + where + field + "' must be a number, got " + kind(n));
        }
        double v = n.asDouble();
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("field '" + where + field + "' is not a finite number");
        }
        return v;
    }

    private static Boolean bool(JsonNode node, String field, String where) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw new IllegalArgumentException("field '" + where + field + "' must be true or false, got " + kind(n));
        }
        return n.asBoolean();
    }

    private static Instant instant(JsonNode node, String field, boolean required, String where) {
        String s = text(node, field, required, where);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field '" + where + field + "' is '" + s
                    + "', expected an ISO-8601 UTC time like 2025-06-01T10:00:00Z");
        }
    }

    private static String flags(JsonNode node, String where) {
        JsonNode n = node.get("flags");
        if (n == null || n.isNull()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            for (String f : n.asText().split(",")) {
                if (!f.isBlank()) {
                    out.add(f.trim());
                }
            }
        } else if (n.isArray()) {
            for (JsonNode f : n) {
                if (!f.isTextual() || f.asText().contains(",")) {
                    throw new IllegalArgumentException("field '" + where + "flags' must hold plain strings");
                }
                out.add(f.asText().trim());
            }
        } else {
            throw new IllegalArgumentException("field '" + where + "flags' must be an array of strings, got " + kind(n));
        }
        return String.join(",", out);
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
