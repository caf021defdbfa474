package org.qartalign.alignment;

import java.util.List;
import java.util.Map;

import static org.qartalign.alignment.Html.escape;
import static org.qartalign.alignment.Html.num;

/** The disagreement tables, worst first ({@link WorstFirst}), each row with the code's thumbnail. */
final class HtmlDisagreements {
    private final StringBuilder sb;
    private final ReportThumbnails thumbnails;

    HtmlDisagreements(StringBuilder sb, ReportThumbnails thumbnails) {
        this.sb = sb;
        this.thumbnails = thumbnails;
    }

    void write(AlignmentReport.Disagreements d) {
        sb.append("<h2>Disagreements (worst first)</h2><p>Scan: the largest gap between the eval's scan probability "
                + "and the share of labelers who scanned first. Aesthetic: the largest gap between percentile ranks.</p>");
        table("scan", d.scan());
        table("aesthetic", d.aesthetic());
    }

    private void table(String kind, Map<String, List<AlignmentReport.Disagreement>> byEval) {
        for (Map.Entry<String, List<AlignmentReport.Disagreement>> e : byEval.entrySet()) {
            // A scan eval has no aesthetic score and an aesthetic eval no scan probability: each table shows its own.
            boolean scan = kind.equals("scan");
            sb.append("<h3>").append(kind).append(": ").append(escape(e.getKey())).append("</h3>")
                    .append("<table class=\"dis\"><colgroup><col class=\"img\"><col class=\"id\"><col class=\"txt\">"
                            + "<col class=\"txt\"><col span=\"5\" class=\"n\"></colgroup><tr><th class=\"l\">image</th>"
                            + "<th class=\"l\">code</th><th class=\"l\">prompt</th><th class=\"l\">URL</th><th>labels</th>"
                            + (scan ? "<th>human scan share</th><th>eval scan prob</th><th>human aesthetic</th>"
                                    : "<th>human scan share</th><th>human aesthetic</th><th>eval aesthetic</th>")
                            + "<th>gap</th></tr>");
            for (AlignmentReport.Disagreement x : e.getValue()) {
                String thumb = thumbnails.cssClass(x.codeId(), x.imagePath());
                sb.append("<tr><td class=\"l\">");
                if (thumb != null) {
                    sb.append("<div class=\"thumb ").append(thumb).append("\" role=\"img\" title=\"")
                            .append(escape(x.imagePath())).append("\"></div>");
                } else {
                    sb.append("<small class=\"na\">").append(escape(x.imagePath())).append("</small>");
                }
                sb.append("</td><td class=\"l\">").append(escape(x.codeId())).append("</td><td class=\"l\">")
                        .append(escape(x.prompt())).append("</td><td class=\"l url\">").append(escape(x.url()))
                        .append("</td><td>").append(x.humanLabels()).append("</td><td>").append(num(x.humanScanFraction()))
                        .append("</td><td>").append(num(scan ? x.evalScanProb() : x.humanAesthetic()))
                        .append("</td><td>").append(num(scan ? x.humanAesthetic() : x.evalAesthetic()))
                        .append("</td><td>").append(num(x.gap())).append("</td></tr>");
            }
            sb.append("</table>");
        }
    }
}
