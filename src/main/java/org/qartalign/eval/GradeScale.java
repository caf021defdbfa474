package org.qartalign.eval;

/**
 * One parameter's grading thresholds, A (4) to D (1); anything worse is F (0). {@link #grade} is the standard's
 * whole-number grade; {@link #continuous} interpolates linearly between the thresholds (and from 0 up to the D
 * threshold), so a score can tell a bare C from an almost-B.
 *
 * <p>Sources: ISO/IEC 15415:2011 §7.8 (symbol contrast, modulation, reflectance margin, unused error correction,
 * axial and grid non-uniformity; the UEC thresholds as NI Vision's documentation of 15415 gives them) and
 * ISO/IEC 18004:2015 §12 for the QR fixed patterns, format and version information, as verifier makers document
 * them (segments A1-A3, B1-B2, C).
 */
public record GradeScale(boolean higherIsBetter, double a, double b, double c, double d) {
    public static final GradeScale SYMBOL_CONTRAST = new GradeScale(true, 0.70, 0.55, 0.40, 0.20);
    /** Modulation and reflectance margin of one module, 2|R - GT| / SC. */
    public static final GradeScale MODULATION = new GradeScale(true, 0.50, 0.40, 0.30, 0.20);
    public static final GradeScale UNUSED_EC = new GradeScale(true, 0.62, 0.50, 0.37, 0.25);
    public static final GradeScale AXIAL_NONUNIFORMITY = new GradeScale(false, 0.06, 0.08, 0.10, 0.12);
    /** In modules. */
    public static final GradeScale GRID_NONUNIFORMITY = new GradeScale(false, 0.38, 0.50, 0.63, 0.75);
    /** Finder, alignment, format and version information: modules (bits) in error, 0 = A ... 3 = D, 4+ = F. */
    public static final GradeScale MODULE_ERRORS = new GradeScale(false, 0, 1, 2, 3);
    /** Timing patterns: share of modules in error. */
    public static final GradeScale TIMING_ERRORS = new GradeScale(false, 0, 0.07, 0.11, 0.14);
    /** Quiet zone width in modules (18004 asks for 4; we fail 1 and less). */
    public static final GradeScale QUIET_ZONE_WIDTH = new GradeScale(true, 4, 3, 2, 1.5);
    /** Share of quiet-zone modules (4 rings around the symbol) that sample dark. */
    public static final GradeScale QUIET_ZONE_CLUTTER = new GradeScale(false, 0, 0.02, 0.05, 0.10);

    public int grade(double value) {
        double[] t = {a, b, c, d};
        for (int g = 0; g < 4; g++) {
            if (higherIsBetter ? value >= t[g] : value <= t[g]) {
                return 4 - g;
            }
        }
        return 0;
    }

    public double continuous(double value) {
        int g = grade(value);
        if (g == 4) {
            return 4;
        }
        double[] t = {d, c, b, a};
        if (g == 0) {
            double frac = higherIsBetter ? value / d : d == 0 ? 0 : 1 - (value - d) / d;
            return clamp(frac, 0, 0.999);
        }
        double lo = t[g - 1];
        double hi = t[g];
        double frac = (value - lo) / (hi - lo);
        return clamp(g + frac, g, g + 0.999);
    }

    private static double clamp(double v, double lo, double hi) {
        return Double.isNaN(v) ? lo : Math.max(lo, Math.min(hi, v));
    }

    public static String letter(int grade) {
        return switch (grade) {
            case 4 -> "A";
            case 3 -> "B";
            case 2 -> "C";
            case 1 -> "D";
            default -> "F";
        };
    }
}
