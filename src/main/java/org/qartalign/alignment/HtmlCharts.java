package org.qartalign.alignment;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The report's inline SVG charts: calibration, ROC, score scatter, best-of-N and the toast plot's heat maps. */
final class HtmlCharts {
    static final String[] SERIES = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};
    private static final int W = 320;
    private static final int H = 240;
    private static final int PAD = 36;
    private static final int CELL = 58;

    private final StringBuilder sb;

    HtmlCharts(StringBuilder sb) {
        this.sb = sb;
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
                .append("\" role=\"img\"><title>").append(Html.escape(title)).append("</title>")
                .append("<text x=\"").append(W / 2).append("\" y=\"15\" text-anchor=\"middle\" font-size=\"12\">")
                .append(Html.escape(title)).append("</text>")
                .append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#444\"/>",
                        px(0), py(0), px(1), py(0)))
                .append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#444\"/>",
                        px(0), py(0), px(0), py(1)))
                .append("<text x=\"").append(W / 2).append("\" y=\"").append(H - 6)
                .append("\" text-anchor=\"middle\" font-size=\"11\">").append(Html.escape(xLabel)).append("</text>")
                .append(ticks(unitX, unitY))
                .append("<text x=\"12\" y=\"").append(H / 2).append("\" font-size=\"11\" transform=\"rotate(-90 12 ")
                .append(H / 2).append(")\" text-anchor=\"middle\">").append(Html.escape(yLabel)).append("</text>");
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

    void calibration(String name, AlignmentReport.ScanEvaluator v, String colour) {
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

    void roc(String name, AlignmentReport.ScanEvaluator v, String colour) {
        frame("ROC: " + name + " (AUC " + Html.num(v.rocAuc().value()) + ")", "false pass rate (1 - specificity)",
                "true pass rate (recall)");
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

    void scatter(String name, List<double[]> points, String colour) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            lo = Math.min(lo, p[1]);
            hi = Math.max(hi, p[1]);
        }
        frame("Eval vs human aesthetic: " + name, "mean human score (1 to 5, jittered as in the app)",
                points.isEmpty() ? "eval score" : "eval score (" + Html.num(lo) + " to " + Html.num(hi) + ")", false, false);
        if (!points.isEmpty()) {
            double span = hi > lo ? hi - lo : 1;
            // Mean scores fall on a few values: the same fixed jitter and translucent dots as the app's scatter.
            java.util.Random jitter = new java.util.Random(7);
            for (double[] p : points) {
                double x = Math.max(1, Math.min(5, p[0] + (jitter.nextDouble() - 0.5) * 0.3));
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\" fill-opacity=\"0.35\"/>",
                        px((x - 1) / 4), py((p[1] - lo) / span), colour));
            }
        }
        sb.append("</svg>");
    }

    /** Human scan rate of the eval's pick, a random pick and the oracle's against N, whole N only on the axis. */
    void bestOfN(String name, List<AlignmentReport.BestOfNPoint> pts) {
        int maxN = pts.get(pts.size() - 1).n();
        frame("Best of N: " + name, "N (blue eval, grey random, green oracle)", "human scan rate", false, true);
        for (int n = 1; n <= maxN; n++) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"middle\">%d</text>",
                    px(nx(n, maxN)), py(0) + 11, n));
        }
        polyline(pts.stream().filter(p -> p.randomPick().defined())
                .map(p -> new double[] {nx(p.n(), maxN), p.randomPick().value()}).toList(), "#999");
        polyline(pts.stream().filter(p -> p.oracle().defined())
                .map(p -> new double[] {nx(p.n(), maxN), p.oracle().value()}).toList(), "#2ca02c");
        polyline(pts.stream().filter(p -> p.evalPick().defined())
                .map(p -> new double[] {nx(p.n(), maxN), p.evalPick().value()}).toList(), "#1f77b4");
        sb.append("</svg>");
    }

    private static double nx(int n, int maxN) {
        return (n - 1) / (double) Math.max(1, maxN - 1);
    }

    /** What a toast-plot cell shows: its value (null when undefined), its colour in [0, 1] and its count line. */
    record ToastCell(Double value, String text, String count) {
    }

    /**
     * A toast-plot heat map as the app draws it: rows are the grid's x parameter (its first), top to bottom
     * ascending, columns its y parameter; cell i, j is {@code g.cells().get(i).get(j)}. Values in [0, 1] are
     * coloured as they are; {@code lo}..{@code hi} maps another scale (1-5 scores) onto the colours.
     */
    void toast(AlignmentReport.Grid g, String title, Function<AlignmentReport.Slice, ToastCell> f, double lo, double hi) {
        int rows = g.xBins().size();
        int cols = g.yBins().size();
        int labelChars = g.xBins().stream().mapToInt(String::length).max().orElse(4);
        int left = 18 + 6 * Math.max(labelChars, 4);
        int top = 46;
        int width = left + cols * CELL + 10;
        int height = top + rows * CELL + 10;
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\"><title>").append(Html.escape(title)).append("</title><text x=\"").append(left)
                .append("\" y=\"14\" font-size=\"12\">").append(Html.escape(title)).append("</text>")
                .append("<text x=\"").append(left).append("\" y=\"28\" font-size=\"10\" fill=\"#555\">rows: ")
                .append(Html.escape(g.x())).append(", columns: ").append(Html.escape(g.y())).append("</text>");
        for (int j = 0; j < cols; j++) {
            sb.append("<text x=\"").append(left + j * CELL + CELL / 2).append("\" y=\"").append(top - 5)
                    .append("\" text-anchor=\"middle\" font-size=\"9\">").append(Html.escape(g.yBins().get(j))).append("</text>");
        }
        for (int i = 0; i < rows; i++) {
            int y = top + i * CELL;
            sb.append("<text x=\"").append(left - 4).append("\" y=\"").append(y + CELL / 2 + 3)
                    .append("\" text-anchor=\"end\" font-size=\"9\">").append(Html.escape(g.xBins().get(i))).append("</text>");
            for (int j = 0; j < cols; j++) {
                AlignmentReport.Slice c = g.cells().get(i).get(j);
                ToastCell t = f.apply(c);
                int x = left + j * CELL;
                String fill = t.value() == null ? "#eee" : colour((t.value() - lo) / (hi - lo));
                sb.append("<g><title>").append(Html.escape(g.x() + " " + g.xBins().get(i) + ", " + g.y() + " "
                                + g.yBins().get(j) + ": " + t.text() + ", " + t.count()))
                        .append("</title><rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(CELL)
                        .append("\" height=\"").append(CELL).append("\" fill=\"").append(fill).append("\" stroke=\"#fff\"/>")
                        .append("<text x=\"").append(x + CELL / 2).append("\" y=\"").append(y + CELL / 2 - 2)
                        .append("\" text-anchor=\"middle\" font-size=\"11\">").append(Html.escape(t.text())).append("</text>")
                        .append("<text x=\"").append(x + CELL / 2).append("\" y=\"").append(y + CELL / 2 + 11)
                        .append("\" text-anchor=\"middle\" font-size=\"8\" fill=\"#333\">").append(Html.escape(t.count()))
                        .append("</text></g>");
            }
        }
        sb.append("</svg>");
    }

    /** Red (0) through yellow to green (1). */
    static String colour(double v) {
        double t = Math.max(0, Math.min(1, v));
        int r = (int) Math.round(t < 0.5 ? 230 : 230 - (t - 0.5) * 2 * 150);
        int g = (int) Math.round(t < 0.5 ? 80 + t * 2 * 140 : 220);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, 90);
    }
}
