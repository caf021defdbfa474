package org.qartalign.alignment;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML file: inline CSS and SVG charts, no script and no external resource, so
 * it opens offline in any browser. Every text that comes from data (prompts, URLs, names, ids) is escaped.
 */
public final class ReportHtmlWriter {
    private static final int W = 320;
    private static final int H = 240;
    private static final int PAD = 36;
    private static final String[] SERIES = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};

    private final StringBuilder sb = new StringBuilder();

    private ReportHtmlWriter() {
    }

    public static String write(AlignmentReport report) {
        ReportHtmlWriter w = new ReportHtmlWriter();
        w.render(report);
        return w.sb.toString();
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

    private static String num(Double v) {
        return v == null || !Double.isFinite(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String est(Estimate e) {
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

    private void render(AlignmentReport r) {
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>QArt Align alignment report</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0}"
                + "td,th{border:1px solid #ccc;padding:3px 7px;text-align:right}th{background:#f2f2f2}"
                + "td.l,th.l{text-align:left}.na{color:#999}small{color:#666}svg{margin:4px;background:#fff;"
                + "border:1px solid #ddd}h2{border-bottom:2px solid #ddd}.charts{display:flex;flex-wrap:wrap}"
                + "</style></head><body>\n");
        AlignmentReport.Settings s = r.settings();
        sb.append("<h1>QArt Align: how far each eval is from the humans</h1>");
        sb.append("<p>Bootstrap ").append(s.bootstrap()).append(" replicates over codes, seed ").append(s.seed())
                .append(", ").append(new java.math.BigDecimal(Double.toString(s.confidence() * 100)).stripTrailingZeros()
                        .toPlainString()).append("% intervals, threshold ").append(Double.toString(s.threshold())).append(". Intervals in brackets.</p>\n");
        dataset(r.dataset());
        scan(r.scan());
        aesthetic(r.aesthetic());
        bestOfN(r.bestOfN());
        QrGradeSection.html(sb, r.qrGrade());
        slices(r.slices());
        labelers(r.labelers());
        disagreements(r.disagreements());
        sb.append("</body></html>\n");
    }

    private void dataset(AlignmentReport.Dataset d) {
        sb.append("<h2>Dataset</h2><table>");
        row("pairs", d.pairs());
        row("codes", d.codes());
        row("labeled codes", d.labeledCodes());
        row("codes with two or more labels", d.codesWithTwoOrMoreLabels());
        row("labels", d.labels());
        row("labelers (simulated)", d.labelers() + " (" + d.simulatedLabelers() + ")");
        row("simulated labels included", d.simulatedIncluded() ? "yes" : "no (" + d.simulatedLabelsExcluded() + " left out)");
        row("retest labels", d.retestLabels());
        row("evaluators", escape(String.join(", ", d.evaluators())));
        sb.append("</table>\n");
    }

    private void row(String name, Object value) {
        sb.append("<tr><th class=\"l\">").append(name).append("</th><td>").append(value).append("</td></tr>");
    }

    private void scan(AlignmentReport.Scan scan) {
        sb.append("<h2>Scan</h2><h3>Humans</h3><table>");
        row("codes with a majority (ties left out)", scan.human().codes() + " (" + scan.human().ties() + " ties)");
        row("human scan rate", est(scan.human().scanRate()));
        row("percent agreement", est(scan.interRater().percentAgreement()));
        row("Krippendorff's alpha (nominal)", est(scan.interRater().krippendorffAlphaNominal()));
        row("Fleiss' kappa", est(scan.interRater().fleissKappa()));
        row("Gwet's AC1", est(scan.interRater().gwetAc1()));
        row("typical labeler's kappa vs the others", est(scan.interRater().typicalLabelerKappa()));
        sb.append("</table>\n<h3>Evaluators</h3><table><tr><th class=\"l\">evaluator</th><th>n</th><th>tp/fp/tn/fn</th>"
                + "<th>accuracy</th><th>precision</th><th>recall</th><th>specificity</th><th>F1</th><th>kappa</th>"
                + "<th>MCC</th><th>ROC AUC</th><th>Brier</th><th>ECE</th><th>kappa / human ceiling</th></tr>");
        for (Map.Entry<String, AlignmentReport.ScanEvaluator> e : scan.evaluators().entrySet()) {
            AlignmentReport.ScanEvaluator v = e.getValue();
            AlignmentReport.Counts c = v.confusion();
            sb.append("<tr><td class=\"l\">").append(escape(e.getKey())).append("</td><td>").append(v.n())
                    .append("</td><td>").append(c.tp()).append('/').append(c.fp()).append('/').append(c.tn())
                    .append('/').append(c.fn()).append("</td>");
            for (Estimate x : List.of(v.accuracy(), v.precision(), v.recall(), v.specificity(), v.f1(), v.cohenKappa(),
                    v.mcc(), v.rocAuc(), v.brier(), v.ece())) {
                sb.append("<td>").append(est(x)).append("</td>");
            }
            sb.append("<td>").append(num(v.ceiling().ratio())).append("</td></tr>");
        }
        sb.append("</table>\n<h3>Threshold advice</h3><table><tr><th class=\"l\">evaluator</th><th class=\"l\">rule</th>"
                + "<th>threshold</th><th>kappa</th><th>Youden's J</th><th>precision</th><th>recall</th><th>pass rate</th></tr>");
        for (Map.Entry<String, AlignmentReport.ScanEvaluator> e : scan.evaluators().entrySet()) {
            AlignmentReport.ThresholdAdvice a = e.getValue().thresholdAdvice();
            advice(e.getKey(), "max kappa", a.maxKappa());
            advice(e.getKey(), "max Youden's J", a.youdenJ());
            advice(e.getKey(), "lowest with precision >= 0.95", a.precision95());
        }
        sb.append("</table>\n<div class=\"charts\">");
        int k = 0;
        for (Map.Entry<String, AlignmentReport.ScanEvaluator> e : scan.evaluators().entrySet()) {
            calibration(e.getKey(), e.getValue(), SERIES[k % SERIES.length]);
            roc(e.getKey(), e.getValue(), SERIES[k++ % SERIES.length]);
        }
        sb.append("</div>\n");
    }

    private void advice(String eval, String rule, AlignmentReport.ThresholdChoice c) {
        sb.append("<tr><td class=\"l\">").append(escape(eval)).append("</td><td class=\"l\">").append(rule).append("</td>");
        if (c.threshold() == null) {
            sb.append("<td colspan=\"6\" class=\"l na\">").append(escape(c.note())).append("</td></tr>");
            return;
        }
        for (Double v : new Double[] {c.threshold(), c.cohenKappa(), c.youdenJ(), c.precision(), c.recall(), c.passRate()}) {
            sb.append("<td>").append(num(v)).append("</td>");
        }
        sb.append("</tr>");
    }

    private static double px(double x) {
        return PAD + x * (W - PAD - 10);
    }

    private static double py(double y) {
        return H - PAD - y * (H - PAD - 24);
    }

    private void frame(String title, String xLabel, String yLabel) {
        frame(title, xLabel, yLabel, true, true);
    }

    private void frame(String title, String xLabel, String yLabel, boolean unitX, boolean unitY) {
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" role=\"img\"><title>").append(escape(title)).append("</title>")
                .append("<text x=\"").append(W / 2).append("\" y=\"15\" text-anchor=\"middle\" font-size=\"12\">")
                .append(escape(title)).append("</text>")
                .append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#444\"/>",
                        px(0), py(0), px(1), py(0)))
                .append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#444\"/>",
                        px(0), py(0), px(0), py(1)))
                .append("<text x=\"").append(W / 2).append("\" y=\"").append(H - 6)
                .append("\" text-anchor=\"middle\" font-size=\"11\">").append(escape(xLabel)).append("</text>")
                .append(ticks(unitX, unitY))
                .append("<text x=\"12\" y=\"").append(H / 2).append("\" font-size=\"11\" transform=\"rotate(-90 12 ")
                .append(H / 2).append(")\" text-anchor=\"middle\">").append(escape(yLabel)).append("</text>");
    }

    /** Tick labels 0, 0.5 and 1 on the y axis, and on the x axis when it is a unit scale too. */
    private static String ticks(boolean unitX, boolean unitY) {
        StringBuilder t = new StringBuilder();
        for (double v : new double[] {0, 0.5, 1}) {
            String label = v == 0.5 ? "0.5" : Integer.toString((int) v);
            if (unitX) {
                t.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"middle\">%s</text>",
                        px(v), py(0) + 11, label));
            }
            if (unitY) {
                t.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"end\">%s</text>",
                        px(0) - 3, py(v) + 3, label));
            }
        }
        return t.toString();
    }

    private void diagonal() {
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#bbb\" "
                + "stroke-dasharray=\"4\"/>", px(0), py(0), px(1), py(1)));
    }

    private void calibration(String name, AlignmentReport.ScanEvaluator v, String colour) {
        frame("Calibration: " + name, "mean scan probability", "human scan rate");
        diagonal();
        for (AlignmentReport.CalibrationBin b : v.calibration()) {
            if (b.n() == 0) {
                continue;
            }
            double x = px(b.meanProb());
            if (b.wilson() != null) {
                sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                        x, py(b.wilson().lo()), x, py(b.wilson().hi()), colour));
            }
            sb.append(String.format(Locale.ROOT, "<g><title>n=%d</title><circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/></g>",
                    b.n(), x, py(b.humanScanRate()), colour));
        }
        sb.append("</svg>");
    }

    private void roc(String name, AlignmentReport.ScanEvaluator v, String colour) {
        frame("ROC: " + name + " (AUC " + num(v.rocAuc().value()) + ")", "false positive rate", "true positive rate");
        diagonal();
        polyline(v.rocCurve().stream().map(p -> new double[] {p.fpr(), p.tpr()}).toList(), colour);
        sb.append("</svg>");
    }

    private void polyline(List<double[]> points, String colour) {
        if (points.isEmpty()) {
            return;
        }
        sb.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"");
        for (double[] p : points) {
            sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(p[0]), py(p[1])));
        }
        sb.append("\"/>");
    }

    private void aesthetic(AlignmentReport.Aesthetic a) {
        sb.append("<h2>Aesthetic</h2><table>");
        row("Krippendorff's alpha (interval)", est(a.interRater().krippendorffAlphaInterval()));
        row("Krippendorff's alpha (ordinal)", est(a.interRater().krippendorffAlphaOrdinal()));
        row("typical labeler's Spearman vs the others", est(a.interRater().typicalLabelerSpearman()));
        sb.append("</table><table><tr><th class=\"l\">evaluator</th><th class=\"l\">against</th><th>n</th>"
                + "<th>Spearman</th><th>Kendall tau-b</th><th>Pearson</th><th>labeler vs others (Spearman)</th></tr>");
        for (Map.Entry<String, AlignmentReport.AestheticEvaluator> e : a.evaluators().entrySet()) {
            AlignmentReport.AestheticEvaluator v = e.getValue();
            sb.append("<tr><td class=\"l\">").append(escape(e.getKey())).append("</td><td class=\"l\">mean human</td><td>")
                    .append(v.n()).append("</td><td>").append(est(v.spearman())).append("</td><td>")
                    .append(est(v.kendallTauB())).append("</td><td>").append(est(v.pearson())).append("</td><td></td></tr>");
            for (AlignmentReport.SingleLabeler s : v.perLabeler()) {
                sb.append("<tr><td class=\"l\">").append(escape(e.getKey())).append("</td><td class=\"l\">")
                        .append(escape(s.labeler())).append("</td><td>").append(s.n()).append("</td><td>")
                        .append(est(s.spearman())).append("</td><td>").append(est(s.kendallTauB())).append("</td><td>")
                        .append(est(s.pearson())).append("</td><td>").append(est(s.labelerVsOthersSpearman()))
                        .append("</td></tr>");
            }
        }
        sb.append("</table><div class=\"charts\">");
        int k = 0;
        for (Map.Entry<String, AlignmentReport.AestheticEvaluator> e : a.evaluators().entrySet()) {
            scatter(e.getKey(), e.getValue().scatter(), SERIES[k++ % SERIES.length]);
        }
        sb.append("</div>\n");
    }

    private void scatter(String name, List<double[]> points, String colour) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            lo = Math.min(lo, p[1]);
            hi = Math.max(hi, p[1]);
        }
        frame("Eval vs human aesthetic: " + name, "mean human score (1 to 5)",
                points.isEmpty() ? "eval score" : "eval score (" + num(lo) + " to " + num(hi) + ")", false, false);
        if (!points.isEmpty()) {
            double span = hi > lo ? hi - lo : 1;
            for (double[] p : points) {
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"%s\" fill-opacity=\"0.5\"/>",
                        px((p[0] - 1) / 4), py((p[1] - lo) / span), colour));
            }
        }
        sb.append("</svg>");
    }

    private void bestOfN(AlignmentReport.BestOfN b) {
        sb.append("<h2>Best of N</h2><p>").append(b.pairs()).append(" pairs with two or more labeled codes. Selection: ")
                .append(escape(b.selectionRule())).append(". ").append(escape(b.method()))
                .append("; intervals by bootstrap over pairs.</p><div class=\"charts\">");
        for (Map.Entry<String, List<AlignmentReport.BestOfNPoint>> e : b.evaluators().entrySet()) {
            List<AlignmentReport.BestOfNPoint> pts = e.getValue();
            if (pts.isEmpty()) {
                continue;
            }
            double maxN = pts.get(pts.size() - 1).n();
            frame("Best of N: " + e.getKey(), "N = 1 to " + (int) maxN + " (blue eval, grey random, green oracle)",
                    "human scan rate", false, true);
            polyline(pts.stream().filter(p -> p.randomPick().defined())
                    .map(p -> new double[] {(p.n() - 1) / Math.max(1, maxN - 1), p.randomPick().value()}).toList(), "#999");
            polyline(pts.stream().filter(p -> p.oracle().defined())
                    .map(p -> new double[] {(p.n() - 1) / Math.max(1, maxN - 1), p.oracle().value()}).toList(), "#2ca02c");
            polyline(pts.stream().filter(p -> p.evalPick().defined())
                    .map(p -> new double[] {(p.n() - 1) / Math.max(1, maxN - 1), p.evalPick().value()}).toList(), "#1f77b4");
            sb.append("</svg>");
        }
        sb.append("</div><table><tr><th class=\"l\">evaluator</th><th>N</th><th>pairs</th><th>eval pick</th>"
                + "<th>random pick</th><th>oracle</th></tr>");
        for (Map.Entry<String, List<AlignmentReport.BestOfNPoint>> e : b.evaluators().entrySet()) {
            for (AlignmentReport.BestOfNPoint p : e.getValue()) {
                sb.append("<tr><td class=\"l\">").append(escape(e.getKey())).append("</td><td>").append(p.n())
                        .append("</td><td>").append(p.pairs()).append("</td><td>").append(est(p.evalPick()))
                        .append("</td><td>").append(est(p.randomPick())).append("</td><td>").append(est(p.oracle()))
                        .append("</td></tr>");
            }
        }
        sb.append("</table>\n");
    }

    private void slices(AlignmentReport.Slices s) {
        sb.append("<h2>Slices</h2>");
        AlignmentReport.Grid g = s.grid();
        if (g != null) {
            sb.append("<h3>Toast plot: ").append(escape(g.x())).append(" x ").append(escape(g.y())).append("</h3><div class=\"charts\">");
            heat(g, "human scan rate", c -> c.humanScanRate());
            if (!g.cells().isEmpty() && !g.cells().get(0).isEmpty()) {
                for (Map.Entry<String, AlignmentReport.SliceEvaluator> e : g.cells().get(0).get(0).evaluators().entrySet()) {
                    if (e.getValue().cohenKappa() != null) {
                        heat(g, "kappa " + e.getKey(), c -> c.evaluators().get(e.getKey()).cohenKappa());
                    }
                }
            }
            heat(g, "mean human aesthetic (1-5, scaled)", c -> scaled(c.meanHumanAesthetic()));
            sb.append("</div>");
        }
        for (Map.Entry<String, List<AlignmentReport.Slice>> e : s.params().entrySet()) {
            sliceTable("parameter " + e.getKey(), e.getValue());
        }
        sliceTable("URL length", s.urlLength());
        sliceTable("labeler", s.labeler());
        sliceTable("phone model", s.phoneModel());
    }

    private static Estimate scaled(Estimate e) {
        return e.defined() ? new Estimate((e.value() - 1) / 4, null, null, null, null) : e;
    }

    private void heat(AlignmentReport.Grid g, String title, java.util.function.Function<AlignmentReport.Slice, Estimate> f) {
        int cols = g.xBins().size();
        int rows = g.yBins().size();
        int cell = 44;
        int left = 60;
        int top = 30;
        int width = left + cols * cell + 10;
        int height = top + rows * cell + 40;
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\"><text x=\"").append(width / 2).append("\" y=\"16\" text-anchor=\"middle\" font-size=\"12\">")
                .append(escape(title)).append("</text>");
        for (int i = 0; i < cols; i++) {
            for (int j = 0; j < rows; j++) {
                AlignmentReport.Slice c = g.cells().get(i).get(j);
                Estimate e = f.apply(c);
                int x = left + i * cell;
                int y = top + (rows - 1 - j) * cell;
                String fill = e == null || !e.defined() ? "#eee" : colour(e.value());
                sb.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(cell)
                        .append("\" height=\"").append(cell).append("\" fill=\"").append(fill)
                        .append("\" stroke=\"#fff\"><title>").append(escape(c.label())).append(" n=").append(c.n())
                        .append("</title></rect><text x=\"").append(x + cell / 2).append("\" y=\"").append(y + cell / 2 + 4)
                        .append("\" text-anchor=\"middle\" font-size=\"10\">")
                        .append(e == null || !e.defined() ? "-" : String.format(Locale.ROOT, "%.2f", e.value())).append("</text>");
            }
        }
        for (int i = 0; i < cols; i++) {
            sb.append("<text x=\"").append(left + i * cell + cell / 2).append("\" y=\"").append(top + rows * cell + 14)
                    .append("\" text-anchor=\"middle\" font-size=\"10\">").append(escape(g.xBins().get(i))).append("</text>");
        }
        for (int j = 0; j < rows; j++) {
            sb.append("<text x=\"").append(left - 4).append("\" y=\"").append(top + (rows - 1 - j) * cell + cell / 2 + 4)
                    .append("\" text-anchor=\"end\" font-size=\"10\">").append(escape(g.yBins().get(j))).append("</text>");
        }
        sb.append("<text x=\"").append(left + cols * cell / 2).append("\" y=\"").append(height - 6)
                .append("\" text-anchor=\"middle\" font-size=\"11\">").append(escape(g.x())).append(" (up: ")
                .append(escape(g.y())).append(")</text></svg>");
    }

    /** Red (0) through yellow to green (1). */
    private static String colour(double v) {
        double t = Math.max(0, Math.min(1, v));
        int r = (int) Math.round(t < 0.5 ? 230 : 230 - (t - 0.5) * 2 * 150);
        int g = (int) Math.round(t < 0.5 ? 80 + t * 2 * 140 : 220);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, 90);
    }

    private void sliceTable(String title, List<AlignmentReport.Slice> slices) {
        if (slices.isEmpty()) {
            return;
        }
        sb.append("<h3>By ").append(escape(title)).append("</h3><table><tr><th class=\"l\">slice</th><th>n</th>"
                + "<th>human scan rate</th><th>mean human aesthetic</th>");
        List<String> evals = List.copyOf(slices.get(0).evaluators().keySet());
        for (String e : evals) {
            sb.append("<th>").append(escape(e)).append("</th>");
        }
        sb.append("</tr>");
        for (AlignmentReport.Slice s : slices) {
            sb.append("<tr><td class=\"l\">").append(escape(s.label())).append("</td><td>").append(s.n()).append("</td><td>")
                    .append(est(s.humanScanRate())).append("</td><td>").append(est(s.meanHumanAesthetic())).append("</td>");
            for (String e : evals) {
                AlignmentReport.SliceEvaluator v = s.evaluators().get(e);
                sb.append("<td>");
                if (v.cohenKappa() != null) {
                    sb.append("pass ").append(est(v.evalScanRate())).append("<br>kappa ").append(est(v.cohenKappa()));
                }
                if (v.meanAesthetic() != null) {
                    sb.append("mean ").append(est(v.meanAesthetic()));
                }
                sb.append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</table>\n");
    }

    private void labelers(List<AlignmentReport.LabelerFigures> labelers) {
        sb.append("<h2>Labelers</h2><table><tr><th class=\"l\">labeler</th><th>labels</th><th>scan rate</th>"
                + "<th>mean score</th><th>sd</th><th>median s/code</th><th>leave-one-out kappa</th>"
                + "<th>leave-one-out Spearman</th><th>drift /100 codes</th><th class=\"l\">phones</th></tr>");
        for (AlignmentReport.LabelerFigures l : labelers) {
            sb.append("<tr><td class=\"l\">").append(escape(l.name())).append(l.simulated() ? " (simulated)" : "")
                    .append("</td><td>").append(l.labels()).append("</td><td>").append(est(l.scanRate())).append("</td><td>")
                    .append(est(l.meanScore())).append("</td><td>").append(num(l.scoreSd())).append("</td><td>")
                    .append(num(l.medianSecondsPerCode())).append("</td><td>").append(est(l.leaveOneOutKappa()))
                    .append("</td><td>").append(est(l.leaveOneOutSpearman())).append("</td><td>")
                    .append(num(l.scoreDrift().slopePer100Codes())).append("</td><td class=\"l\">")
                    .append(escape(String.join(", ", l.phoneModels()))).append("</td></tr>");
        }
        sb.append("</table>\n");
    }

    private void disagreements(AlignmentReport.Disagreements d) {
        sb.append("<h2>Disagreements (worst first)</h2>");
        disagreementTable("scan", d.scan());
        disagreementTable("aesthetic", d.aesthetic());
    }

    private void disagreementTable(String kind, Map<String, List<AlignmentReport.Disagreement>> byEval) {
        for (Map.Entry<String, List<AlignmentReport.Disagreement>> e : byEval.entrySet()) {
            sb.append("<h3>").append(kind).append(": ").append(escape(e.getKey())).append("</h3><table><tr>"
                    + "<th class=\"l\">code</th><th class=\"l\">image</th><th class=\"l\">prompt</th><th class=\"l\">URL</th>"
                    + "<th>labels</th><th>human scan share</th><th>eval scan prob</th><th>human aesthetic</th>"
                    + "<th>eval aesthetic</th><th>gap</th></tr>");
            for (AlignmentReport.Disagreement x : e.getValue()) {
                sb.append("<tr><td class=\"l\">").append(escape(x.codeId())).append("</td><td class=\"l\">")
                        .append(escape(x.imagePath())).append("</td><td class=\"l\">").append(escape(x.prompt()))
                        .append("</td><td class=\"l\">").append(escape(x.url())).append("</td><td>").append(x.humanLabels())
                        .append("</td><td>").append(num(x.humanScanFraction())).append("</td><td>").append(num(x.evalScanProb()))
                        .append("</td><td>").append(num(x.humanAesthetic())).append("</td><td>").append(num(x.evalAesthetic()))
                        .append("</td><td>").append(num(x.gap())).append("</td></tr>");
            }
            sb.append("</table>");
        }
    }
}
