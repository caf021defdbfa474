package org.qartalign.alignment;

import java.util.Locale;

/** Text for the HTML report: escaping of everything that comes from data, numbers and estimates. */
final class Html {
    private Html() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String num(Double v) {
        return v == null || !Double.isFinite(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String pct(Double v) {
        return v == null || !Double.isFinite(v) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    static String est(Estimate e) {
        if (e == null) {
            return "";
        }
        if (!e.defined()) {
            return "<span class=\"na\" title=\"" + escape(e.note()) + "\">n/a</span>";
        }
        String s = num(e.value());
        if (e.lo() != null) {
            s += " <small>[" + num(e.lo()) + ", " + num(e.hi()) + "]</small>";
        }
        return s;
    }
}
