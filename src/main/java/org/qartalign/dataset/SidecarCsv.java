package org.qartalign.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A two-column sidecar of a folder import ({@code file,url} or {@code file,prompt}): RFC 4180 quoting, UTF-8,
 * an optional header row whose first cell is {@code file}. Problems read {@code FILE:LINE: what is wrong}.
 */
final class SidecarCsv {
    /** A sidecar names one image per row; anything near this size is not one. */
    static final long MAX_BYTES = 32L << 20;
    static final int MAX_CELL = 8192;

    /** One row: the line it starts on, the image it names and the value given for it. */
    record Row(int line, String file, String value) {
    }

    private SidecarCsv() {
    }

    /** Rows keyed by the image they name, in file order; every problem goes to {@code problems}. */
    static Map<String, Row> read(Path csv, String valueColumn, List<String> problems) throws IOException {
        long size = Files.size(csv);
        if (size > MAX_BYTES) {
            problems.add(csv + ": " + size + " bytes, over the limit of " + MAX_BYTES + " bytes for a sidecar");
            return Map.of();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(csv)))
                    .toString();
        } catch (CharacterCodingException e) {
            problems.add(csv + ": not UTF-8 text; save it as UTF-8");
            return Map.of();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        boolean first = true;
        for (Record r : records(csv, text, problems)) {
            if (r.cells.size() == 1 && r.cells.get(0).isBlank()) {
                continue;
            }
            if (first && r.cells.get(0).trim().toLowerCase(Locale.ROOT).equals("file")) {
                first = false;
                continue;
            }
            first = false;
            String where = csv + ":" + r.line + ": ";
            if (r.cells.size() != 2) {
                problems.add(where + "expected 2 cells (file," + valueColumn + "), got " + r.cells.size());
                continue;
            }
            String file = r.cells.get(0).trim().replace('\\', '/');
            String value = r.cells.get(1).trim();
            if (file.isEmpty()) {
                problems.add(where + "the file cell is empty");
            } else if (value.isEmpty()) {
                problems.add(where + "the " + valueColumn + " cell for " + file + " is empty");
            } else if (value.length() > MAX_CELL || file.length() > MAX_CELL) {
                problems.add(where + "a cell is longer than " + MAX_CELL + " characters");
            } else if (value.chars().anyMatch(ch -> ch < 0x20)) {
                problems.add(where + "the " + valueColumn + " for " + file + " contains a control character");
            } else {
                Row seen = rows.putIfAbsent(file, new Row(r.line, file, value));
                if (seen != null) {
                    problems.add(where + file + " is listed twice (first on line " + seen.line() + ")");
                }
            }
        }
        return rows;
    }

    private record Record(int line, List<String> cells) {
    }

    private static List<Record> records(Path csv, String text, List<String> problems) {
        List<Record> out = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                out.add(new Record(start, List.copyOf(cells)));
                cells.clear();
                cell.setLength(0);
                wasQuoted = false;
                start = ++line;
            } else if (wasQuoted) {
                problems.add(csv + ":" + line + ": text after a closing quote; write a quote inside a quoted cell as \"\"");
                return List.of();
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            problems.add(csv + ":" + start + ": a quoted cell is never closed");
            return List.of();
        }
        if (cell.length() > 0 || !cells.isEmpty() || wasQuoted) {
            cells.add(cell.toString());
            out.add(new Record(start, List.copyOf(cells)));
        }
        return out;
    }
}
