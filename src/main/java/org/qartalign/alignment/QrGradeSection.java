package org.qartalign.alignment;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.qartalign.stats.WilsonInterval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which qr-grade parameters separate the codes people scanned from those they could not: for each parameter, the
 * labeled codes by its grade (A..F) with the people's majority scan rate (Wilson interval) and each scan
 * evaluator's scan rate at the report threshold in the same codes, plus the ROC AUC of the parameter's continuous
 * score against the people (ties count half: Mann-Whitney). Codes without a qr-grade result are left out.
 */
public final class QrGradeSection {
    /** qr-grade's graded parameters (names as in its result details), then the overall grade. */
    static final String[] PARAMETERS = {"grade", "decode", "symbol_contrast", "modulation", "reflectance_margin",
            "fixed_pattern_damage", "format_info", "version_info", "unused_ec", "axial_nonuniformity",
            "grid_nonuniformity", "quiet_zone"};
    private static final String[] LETTERS = {"F", "D", "C", "B", "A"};

    /** The report part; null in the report when no labeled code has a qr-grade result. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Separation(int codes, double confidence, double threshold, List<String> evaluators,
                             List<Parameter> parameters) {
    }

    /** One parameter: its grade bins, best first, and how well its score ranks the people's answers. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Parameter(String name, Double auc, List<GradeBin> bins) {
    }

    /**
     * @param humanScanRate majority scan rate of the codes in this bin, with {@code lo}/{@code hi} its Wilson interval
     * @param evalScanRate per scan evaluator, the share of these codes it passes (scan probability >= threshold)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GradeBin(String grade, int n, Double humanScanRate, Double lo, Double hi,
                           Map<String, Double> evalScanRate) {
    }

    private QrGradeSection() {
    }

    static Separation compute(LabeledCodes codes) {
        Map<String, Map<String, Double>> grades = codes.input.qrGrades();
        List<Integer> graded = new ArrayList<>();
        for (int i = 0; i < codes.n; i++) {
            if (!Double.isNaN(codes.truth[i]) && grades.containsKey(codes.row(i).id())) {
                graded.add(i);
            }
        }
        if (graded.isEmpty()) {
            return null;
        }
        List<String> evals = codes.scanEvaluatorNames();
        List<Parameter> out = new ArrayList<>();
        for (String p : PARAMETERS) {
            String gradeKey = p.equals("grade") ? "grade" : p + "_grade";
            String scoreKey = p.equals("grade") ? "score" : p + "_score";
            int[] n = new int[5];
            int[] yes = new int[5];
            int[][] pass = new int[5][evals.size()];
            List<double[]> scored = new ArrayList<>();
            for (int i : graded) {
                Map<String, Double> g = grades.get(codes.row(i).id());
                Double grade = g.get(gradeKey);
                if (grade == null || !Double.isFinite(grade)) {
                    continue;
                }
                int b = (int) Math.max(0, Math.min(4, Math.round(grade)));
                n[b]++;
                yes[b] += (int) codes.truth[i];
                for (int e = 0; e < evals.size(); e++) {
                    double prob = codes.row(i).scanProb()[codes.scanEvals[e]];
                    pass[b][e] += ScanVerdict.passes(prob, codes.options.threshold()) ? 1 : 0;
                }
                Double score = g.get(scoreKey);
                if (score != null && Double.isFinite(score)) {
                    scored.add(new double[]{score, codes.truth[i]});
                }
            }
            List<GradeBin> bins = new ArrayList<>();
            for (int b = 4; b >= 0; b--) {
                if (n[b] == 0) {
                    continue;
                }
                WilsonInterval ci = WilsonInterval.of(yes[b], n[b], codes.options.confidence());
                Map<String, Double> rates = new LinkedHashMap<>();
                for (int e = 0; e < evals.size(); e++) {
                    rates.put(evals.get(e), pass[b][e] / (double) n[b]);
                }
                bins.add(new GradeBin(LETTERS[b], n[b], yes[b] / (double) n[b], ci.lower(), ci.upper(), rates));
            }
            out.add(new Parameter(p, auc(scored), bins));
        }
        return new Separation(graded.size(), codes.options.confidence(), codes.options.threshold(), evals, out);
    }

    /** Mann-Whitney AUC of {score, truth} pairs: P(score of a scanned code > score of an unscanned one), ties half. */
    static Double auc(List<double[]> scored) {
        double[] score = new double[scored.size()];
        boolean[] scanned = new boolean[scored.size()];
        for (int k = 0; k < score.length; k++) {
            score[k] = scored.get(k)[0];
            scanned[k] = scored.get(k)[1] == 1;
        }
        double auc = org.qartalign.stats.Auc.of(score, scanned);
        return Double.isNaN(auc) ? null : auc;
    }

    /** The HTML part: one table per parameter, rows by grade. */
    static void html(StringBuilder sb, Separation s) {
        if (s == null) {
            return;
        }
        sb.append("<h2>qr-grade: which grade parameters separate scanned from unscanned codes</h2><p>")
                .append(s.codes()).append(" labeled codes with a people's majority and a qr-grade result. Scan rate by ")
                .append("grade of each parameter, with ").append(Math.round(s.confidence() * 100))
                .append("% Wilson intervals; each scan evaluator's pass rate (p &gt;= ")
                .append(Html.escape(String.valueOf(s.threshold())))
                .append(") in the same codes; AUC of the parameter's continuous score against the people.</p>")
                .append("<div class=\"charts\">");
        for (Parameter p : s.parameters()) {
            sb.append("<table><tr><th class=\"l\">").append(Html.escape(p.name())).append(" (AUC ")
                    .append(p.auc() == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", p.auc()))
                    .append(")</th><th>codes</th><th>people scan</th>");
            for (String e : s.evaluators()) {
                sb.append("<th>").append(Html.escape(e)).append("</th>");
            }
            sb.append("</tr>");
            for (GradeBin b : p.bins()) {
                sb.append("<tr><td class=\"l\">").append(b.grade()).append("</td><td>").append(b.n()).append("</td><td>")
                        .append(String.format(java.util.Locale.ROOT, "%.2f <small>[%.2f, %.2f]</small>",
                                b.humanScanRate(), b.lo(), b.hi())).append("</td>");
                for (String e : s.evaluators()) {
                    sb.append(String.format(java.util.Locale.ROOT, "<td>%.2f</td>", b.evalScanRate().get(e)));
                }
                sb.append("</tr>");
            }
            sb.append("</table>");
        }
        sb.append("</div>\n");
    }
}
