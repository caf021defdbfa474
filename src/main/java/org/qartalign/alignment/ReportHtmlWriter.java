package org.qartalign.alignment;

import org.qartalign.store.Database;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.qartalign.alignment.Html.escape;
import static org.qartalign.alignment.Html.est;
import static org.qartalign.alignment.Html.num;

/**
 * The report as one self-contained HTML file: inline CSS, SVG charts and JPEG thumbnails, no script and no
 * external resource, so it opens offline in any browser. Every text that comes from data (prompts, URLs, names,
 * ids) is escaped. Charts are {@link HtmlCharts}, disagreement tables {@link HtmlDisagreements}.
 */
public final class ReportHtmlWriter {
    private static final String[] SERIES = HtmlCharts.SERIES;

    private final StringBuilder sb = new StringBuilder();
    private final HtmlCharts charts = new HtmlCharts(sb);
    private final ReportThumbnails thumbnails;

    private ReportHtmlWriter(Path imageFolder) {
        thumbnails = new ReportThumbnails(imageFolder);
    }

    /** The report without thumbnails. */
    public static String write(AlignmentReport report) {
        return write(report, (Path) null);
    }

    /**
     * The report as the CLI and the app export it: a thumbnail beside each disagreement, read from the codes' images
     * in the database's folder (the one their stored paths are relative to).
     */
    public static String write(AlignmentReport report, Database db) {
        return write(report, db.file().toAbsolutePath().getParent());
    }

    /**
     * The report with a thumbnail beside each disagreement, read from the codes' images; {@code imageFolder} is
     * the folder stored image paths are relative to (the database's folder), or null for none.
     */
    public static String write(AlignmentReport report, Path imageFolder) {
        ReportHtmlWriter w = new ReportHtmlWriter(imageFolder);
        w.render(report);
        return w.page(report);
    }

    private String page(AlignmentReport r) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>QArt Align alignment report</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1500px}"
                + "table{border-collapse:collapse;margin:.5em 0}"
                + "td,th{border:1px solid #ccc;padding:3px 7px;text-align:right;vertical-align:top}th{background:#f2f2f2}"
                + "td.l,th.l{text-align:left}.na{color:#999}small{color:#666}svg{margin:4px;background:#fff;"
                + "border:1px solid #ddd}h2{border-bottom:2px solid #ddd}.charts{display:flex;flex-wrap:wrap}"
                + ".banner{background:#fff3cd;border:2px solid #d39e00;padding:.8em 1em;margin:1em 0;font-size:1.05em}"
                + "table.dis{width:100%;table-layout:fixed}table.dis col.img{width:" + (ReportThumbnails.SIZE + 16) + "px}"
                + "table.dis col.id{width:9em}table.dis col.n{width:6.5em}table.dis td{overflow-wrap:anywhere}"
                + ".thumb{width:" + ReportThumbnails.SIZE + "px;height:" + ReportThumbnails.SIZE + "px;"
                + "background-size:contain;background-repeat:no-repeat;background-position:center}\n"
                + thumbnails.css() + "</style></head><body>\n" + sb + "</body></html>\n";
    }

    private void render(AlignmentReport r) {
        AlignmentReport.Settings s = r.settings();
        sb.append("<h1>QArt Align: how far each eval is from the humans</h1>");
        simulatedBanner(r);
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
        new HtmlDisagreements(sb, thumbnails).write(r.disagreements());
    }

    private void simulatedBanner(AlignmentReport r) {
        if (!r.dataset().simulatedIncluded() || r.dataset().simulatedLabelers() == 0) {
            return;
        }
        int simulated = r.labelers().stream().filter(AlignmentReport.LabelerFigures::simulated)
                .mapToInt(AlignmentReport.LabelerFigures::labels).sum();
        sb.append("<div class=\"banner\" id=\"simulated-banner\" role=\"alert\"><strong>Simulated labels included.</strong> ")
                .append(simulated).append(" of ").append(r.dataset().labels()).append(" labels come from ")
                .append(r.dataset().simulatedLabelers()).append(" simulated labelers. The evals' agreement with simulated "
                        + "people is <strong>NOT</strong> a measure of the evals: it only shows that the pipeline works. "
                        + "Report with <code>--exclude-simulated</code>, or label with real people on real phones.</div>\n");
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
            charts.calibration(e.getKey(), e.getValue(), SERIES[k % SERIES.length]);
            charts.roc(e.getKey(), e.getValue(), SERIES[k++ % SERIES.length]);
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
            charts.scatter(e.getKey(), e.getValue().scatter(), SERIES[k++ % SERIES.length]);
        }
        sb.append("</div>\n");
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
            charts.bestOfN(e.getKey(), pts);
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
            charts.toast(g, "People: scan rate", c -> new HtmlCharts.ToastCell(value(c.humanScanRate()),
                    Html.pct(value(c.humanScanRate())), "n=" + c.humanScanN() + (c.ties() > 0 ? ", " + c.ties()
                    + (c.ties() == 1 ? " tie" : " ties") : "")), 0, 1);
            if (!g.cells().isEmpty() && !g.cells().get(0).isEmpty()) {
                for (Map.Entry<String, AlignmentReport.SliceEvaluator> e : g.cells().get(0).get(0).evaluators().entrySet()) {
                    if (e.getValue().evalScanRate() != null) {
                        String ev = e.getKey();
                        charts.toast(g, ev + ": predicted scan rate", c -> {
                            Double v = value(c.evaluators().get(ev).evalScanRate());
                            return new HtmlCharts.ToastCell(v, Html.pct(v), "n=" + c.n());
                        }, 0, 1);
                    }
                }
            }
            charts.toast(g, "People: mean aesthetic (1-5)", c -> {
                Double v = value(c.meanHumanAesthetic());
                return new HtmlCharts.ToastCell(v, v == null ? "-" : String.format(java.util.Locale.ROOT, "%.2f", v),
                        "n=" + c.n());
            }, 1, 5);
            sb.append("</div>");
        }
        for (Map.Entry<String, List<AlignmentReport.Slice>> e : s.params().entrySet()) {
            sliceTable("parameter " + e.getKey(), e.getValue());
        }
        sliceTable("URL length", s.urlLength());
        sliceTable("labeler", s.labeler());
        sliceTable("phone model", s.phoneModel());
    }

    private static Double value(Estimate e) {
        return e == null || !e.defined() ? null : e.value();
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

}
