package org.qartalign.alignment;

import java.util.List;
import java.util.Locale;

/** One row per code with its human and eval values, for spreadsheets. */
public final class ReportCsvWriter {
    private ReportCsvWriter() {
    }

    public static String write(AlignmentReport report) {
        List<String> evals = report.dataset().evaluators();
        double threshold = report.settings().threshold();
        StringBuilder sb = new StringBuilder();
        sb.append("code_id,pair_id,image_path,prompt,url,labels,scanned_labels,human_scan,human_aesthetic");
        for (String e : evals) {
            sb.append(',').append(text(e + "_scan_prob")).append(',').append(text(e + "_pass"))
                    .append(',').append(text(e + "_aesthetic"));
        }
        sb.append("\r\n");
        for (AlignmentReport.CodeFigures c : report.codes()) {
            sb.append(text(c.codeId())).append(',').append(c.pairId()).append(',').append(text(c.imagePath()))
                    .append(',').append(text(c.prompt())).append(',').append(text(c.url())).append(',')
                    .append(c.labels()).append(',').append(c.scanned()).append(',')
                    .append(c.humanScan() == null ? "" : c.humanScan().toString()).append(',')
                    .append(number(c.humanAesthetic() == null ? Double.NaN : c.humanAesthetic()));
            for (int e = 0; e < evals.size(); e++) {
                double p = c.scanProb()[e];
                sb.append(',').append(number(p)).append(',')
                        .append(Double.isNaN(p) ? "" : ScanVerdict.passes(p, threshold) ? "1" : "0").append(',')
                        .append(number(c.aesthetic()[e]));
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%s", v) : "";
    }

    /**
     * A text cell, quoted as RFC 4180 asks; a cell that a spreadsheet would run as a formula (starting with
     * =, +, -, @, tab or carriage return) gets a leading apostrophe.
     */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || !v.equals(s)) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
