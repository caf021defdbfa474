package org.qartalign.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one grade, from one placed grid's module samples and the intended symbol. Reflectance R is
 * luminance / 255; the global threshold GT is (Rmax + Rmin) / 2 over the symbol and its quiet zone (15415 §7.8.2);
 * a module samples dark when R &lt; GT. Modulation and reflectance margin are graded through unused error
 * correction (15415 §7.8.3-7.8.4): at each grade level the codewords with a module below that level are erasures.
 */
final class GradeMeasurement {
    private final QrGrader.Attempt a;
    private final double modulePx;
    private final double pixelScale;
    private final QrSymbolLayout layout;
    private final int n;
    private final boolean[] wrong;
    private final int[] modGrade;
    private final int[] rmGrade;
    private final double[] modulation;
    private final Map<String, Double> p = new LinkedHashMap<>();
    private final Map<String, Double> continuous = new LinkedHashMap<>();

    GradeMeasurement(QrGrader.Attempt a, double modulePx, double pixelScale) {
        this.a = a;
        this.modulePx = modulePx;
        this.pixelScale = pixelScale;
        this.layout = a.intended().layout();
        this.n = layout.size();
        this.wrong = new boolean[n * n];
        this.modGrade = new int[n * n];
        this.rmGrade = new int[n * n];
        this.modulation = new double[n * n];
        double sc = a.rmax() - a.rmin();
        double gt = a.threshold();
        boolean[] dark = a.intended().dark();
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                int i = row * n + col;
                double r = a.at(col, row);
                boolean sampledDark = r >= 0 && r < gt;
                wrong[i] = r < 0 || sampledDark != dark[i];
                modulation[i] = r < 0 || sc <= 0 ? 0 : Math.min(1, 2 * Math.abs(r - gt) / sc);
                modGrade[i] = GradeScale.MODULATION.grade(modulation[i]);
                rmGrade[i] = wrong[i] ? 0 : modGrade[i];
            }
        }
    }

    QrGrade grade() {
        double sc = a.rmax() - a.rmin();
        put("located", 1);
        put("detector_located", a.grid().byDetector() ? 1 : 0);
        put("version", layout.version().getVersionNumber());
        put("ec_level", IntendedSymbol.levelIndex(a.intended().level()));
        put("mask", a.intended().mask());
        put("format_read", a.formatRead() ? 1 : 0);
        put("reference_decoded", a.referenceRead() ? 1 : 0);
        put("generator_codewords", a.generatorCodewords() ? 1 : 0);
        put("module_px", modulePx);
        put("rmin", a.rmin());
        put("rmax", a.rmax());
        put("global_threshold", a.threshold());
        graded("symbol_contrast", sc, GradeScale.SYMBOL_CONTRAST);
        int wrongModules = 0;
        int dataModules = 0;
        int wrongData = 0;
        double modSum = 0;
        for (int i = 0; i < wrong.length; i++) {
            wrongModules += wrong[i] ? 1 : 0;
            modSum += modulation[i];
            if (layout.codewordOf(i) >= 0) {
                dataModules++;
                wrongData += wrong[i] ? 1 : 0;
            }
        }
        put("module_errors", wrongModules);
        put("module_error_rate", wrongModules / (double) wrong.length);
        put("data_module_error_rate", dataModules == 0 ? 0 : wrongData / (double) dataModules);
        put("modulation_mean", modSum / wrong.length);
        codewordParameters();
        fixedPatterns();
        nonUniformity();
        quietZone();
        boolean decodes = p.get("uec_raw") >= 0 && p.get("format_info_errors") <= 3
                && p.get("version_info_errors") <= 3;
        p.put("decode_grade", decodes ? 4.0 : 0.0);
        continuous.put("decode", decodes ? 4.0 : 0.0);
        int overall = 4;
        double score = 4;
        for (String g : QrGrade.GRADED) {
            overall = Math.min(overall, (int) (double) p.get(g + "_grade"));
            score = Math.min(score, continuous.get(g));
        }
        p.put("grade", (double) overall);
        p.put("score", score);
        for (Map.Entry<String, Double> e : continuous.entrySet()) {
            p.put(e.getKey() + "_score", e.getValue());
        }
        return new QrGrade(overall, score, p, overlay());
    }

    private void codewordParameters() {
        int cws = layout.codewords();
        boolean[] cwWrong = new boolean[cws];
        int[] cwMod = new int[cws];
        int[] cwRm = new int[cws];
        java.util.Arrays.fill(cwMod, 4);
        java.util.Arrays.fill(cwRm, 4);
        for (int i = 0; i < wrong.length; i++) {
            int cw = layout.codewordOf(i);
            if (cw >= 0) {
                cwWrong[cw] |= wrong[i];
                cwMod[cw] = Math.min(cwMod[cw], modGrade[i]);
                cwRm[cw] = Math.min(cwRm[cw], rmGrade[i]);
            }
        }
        int blocks = layout.blocks();
        int[] errors = new int[blocks];
        int total = 0;
        for (int cw = 0; cw < cws; cw++) {
            if (cwWrong[cw]) {
                errors[layout.blockOf(cw)]++;
                total++;
            }
        }
        double uecRaw = Double.POSITIVE_INFINITY;
        int worst = 0;
        for (int b = 0; b < blocks; b++) {
            double u = unusedEc(0, errors[b], b);
            if (u < uecRaw) {
                uecRaw = u;
                worst = b;
            }
        }
        put("blocks", blocks);
        put("codeword_errors", total);
        put("worst_block_errors", errors[worst]);
        put("worst_block_capacity", layout.ecCodewords(worst) - layout.misdecodeProtection());
        put("uec_raw", uecRaw);
        double uec = Math.max(0, Math.min(1, uecRaw));
        put("uec", uec);
        p.put("unused_ec_grade", uecRaw < 0 ? 0.0 : GradeScale.UNUSED_EC.grade(uec));
        continuous.put("unused_ec", uecRaw < 0 ? 0 : GradeScale.UNUSED_EC.continuous(uec));
        overlayGrade("modulation", cwMod, cwWrong);
        overlayGrade("reflectance_margin", cwRm, cwWrong);
    }

    /** 15415's UEC of one block: 1 - (e + 2t) / (d - p), e erasures, t errors, d EC codewords, p misdecode protection. */
    private double unusedEc(int erasures, int errors, int block) {
        int capacity = layout.ecCodewords(block) - layout.misdecodeProtection();
        return 1 - (erasures + 2.0 * errors) / capacity;
    }

    /** At each level L, codewords graded below L are erasures and the other wrong ones errors; best min(L, UEC grade). */
    private void overlayGrade(String key, int[] cwGrade, boolean[] cwWrong) {
        int best = 0;
        double bestC = 0;
        for (int level = 4; level >= 1; level--) {
            int[] e = new int[layout.blocks()];
            int[] t = new int[layout.blocks()];
            for (int cw = 0; cw < cwGrade.length; cw++) {
                if (cwGrade[cw] < level) {
                    e[layout.blockOf(cw)]++;
                } else if (cwWrong[cw]) {
                    t[layout.blockOf(cw)]++;
                }
            }
            double u = Double.POSITIVE_INFINITY;
            for (int b = 0; b < e.length; b++) {
                u = Math.min(u, unusedEc(e[b], t[b], b));
            }
            int g = u < 0 ? 0 : GradeScale.UNUSED_EC.grade(u);
            double c = u < 0 ? 0 : GradeScale.UNUSED_EC.continuous(u);
            best = Math.max(best, Math.min(level, g));
            bestC = Math.max(bestC, Math.min(level, c));
        }
        p.put(key + "_grade", (double) best);
        continuous.put(key, bestC);
    }

    private void fixedPatterns() {
        int fpd = 4;
        double fpdC = 4;
        List<int[]> centres = layout.finderCentres();
        for (int f = 0; f < layout.finders().size(); f++) {
            QrSymbolLayout.Segment s = layout.finders().get(f);
            double[] g = segment(s.modules(), GradeScale.MODULE_ERRORS, false);
            put(s.key() + "_errors", count(s.modules()));
            put(s.key() + "_centre_errors", count(centres.get(f)));
            put(s.key() + "_grade", g[0]);
            fpd = Math.min(fpd, (int) g[0]);
            fpdC = Math.min(fpdC, g[1]);
        }
        for (QrSymbolLayout.Segment s : layout.timing()) {
            double[] g = segment(s.modules(), GradeScale.TIMING_ERRORS, true);
            put(s.key() + "_error_rate", count(s.modules()) / (double) s.modules().length);
            put(s.key() + "_grade", g[0]);
            fpd = Math.min(fpd, (int) g[0]);
            fpdC = Math.min(fpdC, g[1]);
        }
        int alignErrors = 0;
        double alignGrade = 4;
        double alignC = 4;
        for (int[] m : layout.alignments()) {
            double[] g = segment(m, GradeScale.MODULE_ERRORS, false);
            alignErrors += count(m);
            alignGrade = Math.min(alignGrade, g[0]);
            alignC = Math.min(alignC, g[1]);
        }
        put("alignment_patterns", layout.alignments().size());
        put("alignment_errors", alignErrors);
        put("alignment_grade", alignGrade);
        fpd = Math.min(fpd, (int) alignGrade);
        fpdC = Math.min(fpdC, alignC);
        p.put("fixed_pattern_damage_grade", (double) fpd);
        continuous.put("fixed_pattern_damage", fpdC);
        twoCopies("format_info", layout.formatCopy1(), layout.formatCopy2());
        twoCopies("version_info", layout.versionCopy1(), layout.versionCopy2());
    }

    /** Format or version information: the better of its two copies, graded by bits in error. */
    private void twoCopies(String key, int[] copy1, int[] copy2) {
        if (copy1.length == 0) {
            put(key + "_errors", 0);
            p.put(key + "_grade", 4.0);
            continuous.put(key, 4.0);
            return;
        }
        double[] g1 = segment(copy1, GradeScale.MODULE_ERRORS, false);
        double[] g2 = segment(copy2, GradeScale.MODULE_ERRORS, false);
        put(key + "_errors", Math.min(count(copy1), count(copy2)));
        p.put(key + "_grade", Math.max(g1[0], g2[0]));
        continuous.put(key, Math.max(g1[1], g2[1]));
    }

    /** A segment graded at each modulation level (modules below it count as damaged): {grade, continuous}. */
    private double[] segment(int[] modules, GradeScale scale, boolean asShare) {
        int best = 0;
        double bestC = 0;
        for (int level = 4; level >= 1; level--) {
            int damaged = 0;
            for (int m : modules) {
                if (rmGrade[m] < level) {
                    damaged++;
                }
            }
            double v = asShare ? damaged / (double) modules.length : damaged;
            best = Math.max(best, Math.min(level, scale.grade(v)));
            bestC = Math.max(bestC, Math.min(level, scale.continuous(v)));
        }
        return new double[]{best, bestC};
    }

    private int count(int[] modules) {
        int c = 0;
        for (int m : modules) {
            c += wrong[m] ? 1 : 0;
        }
        return c;
    }

    private void nonUniformity() {
        double[] s = a.grid().moduleSizes();
        double an = Math.abs(s[0] - s[1]) / ((s[0] + s[1]) / 2);
        double gn = a.located().alignmentDeviationModules();
        put("grid_measured", Double.isNaN(gn) ? 0 : 1);
        graded("axial_nonuniformity", an, GradeScale.AXIAL_NONUNIFORMITY);
        graded("grid_nonuniformity", Double.isNaN(gn) ? 0 : gn, GradeScale.GRID_NONUNIFORMITY);
    }

    private void quietZone() {
        double gt = a.threshold();
        int width = QrGrader.QUIET;
        int inImage = 0;
        int darkCount = 0;
        List<int[]> quietDark = new ArrayList<>();
        for (int side = 0; side < 4; side++) {
            int clean = 0;
            boolean open = true;
            for (int k = 1; k <= QrGrader.QUIET; k++) {
                boolean ringClean = true;
                for (int j = -k; j <= n - 1 + k; j++) {
                    int col = side == 0 || side == 2 ? j : side == 1 ? n - 1 + k : -k;
                    int row = side == 0 ? -k : side == 2 ? n - 1 + k : j;
                    double r = a.at(col, row);
                    ringClean &= r >= gt;
                }
                if (open && ringClean) {
                    clean++;
                } else {
                    open = false;
                }
            }
            width = Math.min(width, clean);
        }
        for (int row = -QrGrader.QUIET; row < n + QrGrader.QUIET; row++) {
            for (int col = -QrGrader.QUIET; col < n + QrGrader.QUIET; col++) {
                if (row >= 0 && row < n && col >= 0 && col < n) {
                    continue;
                }
                double r = a.at(col, row);
                if (r >= 0) {
                    inImage++;
                    if (r < gt) {
                        darkCount++;
                        quietDark.add(new int[]{col, row});
                    }
                }
            }
        }
        double clutter = inImage == 0 ? 1 : darkCount / (double) inImage;
        put("quiet_zone_modules", width);
        put("quiet_zone_clutter", clutter);
        int g = Math.min(GradeScale.QUIET_ZONE_WIDTH.grade(width), GradeScale.QUIET_ZONE_CLUTTER.grade(clutter));
        double c = Math.min(GradeScale.QUIET_ZONE_WIDTH.continuous(width),
                GradeScale.QUIET_ZONE_CLUTTER.continuous(clutter));
        p.put("quiet_zone_grade", (double) g);
        continuous.put("quiet_zone", c);
        this.quietDark = new int[quietDark.size() * 2];
        for (int i = 0; i < quietDark.size(); i++) {
            this.quietDark[2 * i] = quietDark.get(i)[0];
            this.quietDark[2 * i + 1] = quietDark.get(i)[1];
        }
    }

    private int[] quietDark = new int[0];

    private QrGrade.Overlay overlay() {
        boolean[] function = new boolean[n * n];
        for (int i = 0; i < function.length; i++) {
            function[i] = layout.isFunction(i);
        }
        return new QrGrade.Overlay(a.grid(), pixelScale, wrong, function, quietDark);
    }

    private void graded(String key, double value, GradeScale scale) {
        put(key, value);
        p.put(key + "_grade", (double) scale.grade(value));
        continuous.put(key, scale.continuous(value));
    }

    private void put(String key, double value) {
        p.put(key, value);
    }
}
