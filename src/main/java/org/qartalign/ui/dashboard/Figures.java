package org.qartalign.ui.dashboard;

import org.qartalign.alignment.Estimate;

import java.util.Locale;

/** How the dashboard writes numbers: the same rounding everywhere, undefined figures say why. */
public final class Figures {
    private Figures() {
    }

    public static String value(Estimate e) {
        return e == null || e.value() == null ? "n/a" : num(e.value());
    }

    /** "0.62 [0.55, 0.69]", or "n/a (why)" when undefined. */
    public static String withInterval(Estimate e) {
        if (e == null) {
            return "n/a";
        }
        if (e.value() == null) {
            return "n/a" + (e.note() == null ? "" : " (" + e.note() + ")");
        }
        if (e.lo() == null || e.hi() == null) {
            return num(e.value());
        }
        return num(e.value()) + " [" + num(e.lo()) + ", " + num(e.hi()) + "]";
    }

    /** A proportion as a percentage with its interval: "83.4% [80.1, 86.2]". */
    public static String percent(Estimate e) {
        if (e == null || e.value() == null) {
            return e == null || e.note() == null ? "n/a" : "n/a (" + e.note() + ")";
        }
        String v = pct(e.value());
        if (e.lo() != null && e.hi() != null) {
            return v + " [" + String.format(Locale.ROOT, "%.1f, %.1f", 100 * e.lo(), 100 * e.hi()) + "]";
        }
        return v;
    }

    public static String num(Double d) {
        return d == null || !Double.isFinite(d) ? "n/a" : String.format(Locale.ROOT, "%.3f", d);
    }

    public static String pct(Double d) {
        return d == null || !Double.isFinite(d) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * d);
    }
}
