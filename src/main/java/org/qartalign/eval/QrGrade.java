package org.qartalign.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A code's structural grade: every parameter as a flat number (named as in docs/README-scan-eval.md), the overall
 * grade (the standard's minimum, 0..4), a continuous score (the minimum of the parameters' interpolated grades) and
 * what the overlay draws.
 *
 * @param parameters measured values and grades by stable name, in report order
 * @param overlay what sampled wrong, or null when no grid could be placed
 */
public record QrGrade(int grade, double score, Map<String, Double> parameters, Overlay overlay) {
    /**
     * Where the wrong modules are: module (col, row) to pixels via {@code grid}, times {@code pixelScale} for the
     * image as given (the grid was placed on a downscaled copy); {@code wrong} per symbol module
     * ({@code row * size + col}); {@code functionModule} marks the fixed patterns; {@code quietDark} lists
     * quiet-zone modules that sampled dark as {col, row} pairs in symbol coordinates.
     */
    public record Overlay(QrGrid grid, double pixelScale, boolean[] wrong, boolean[] functionModule, int[] quietDark) {
    }

    /** The parameters whose grades make the overall grade, in the order the grade card lists them. */
    public static final String[] GRADED = {"decode", "symbol_contrast", "modulation", "reflectance_margin",
            "fixed_pattern_damage", "format_info", "version_info", "unused_ec", "axial_nonuniformity",
            "grid_nonuniformity", "quiet_zone"};

    public String letter() {
        return GradeScale.letter(grade);
    }

    public double get(String key) {
        Double v = parameters.get(key);
        return v == null ? Double.NaN : v;
    }

    /** The grade of one parameter of {@link #GRADED}. */
    public int gradeOf(String parameter) {
        return (int) get(parameter + "_grade");
    }

    /** A grade for an image where no symbol could be placed or rebuilt: every parameter F. */
    static QrGrade ungradable(double symbolContrast) {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("located", 0.0);
        p.put("symbol_contrast", symbolContrast);
        for (String g : GRADED) {
            p.put(g + "_grade", 0.0);
        }
        p.put("grade", 0.0);
        p.put("score", 0.0);
        return new QrGrade(0, 0, p, null);
    }
}
