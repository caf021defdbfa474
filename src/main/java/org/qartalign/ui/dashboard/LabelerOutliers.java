package org.qartalign.ui.dashboard;

import org.qartalign.alignment.AlignmentReport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Labelers whose scan rate stands apart from the others: a lenient or strict person, or a phone that reads more or
 * less than the rest. A labeler stands apart when the others' pooled scan rate lies outside their interval and the
 * two differ by at least {@link #POINTS} percentage points (so a large team does not flag trivial differences).
 */
final class LabelerOutliers {
    static final double POINTS = 0.15;

    private LabelerOutliers() {
    }

    /** Labeler name to a sentence saying how they differ, in table order. */
    static Map<String, String> byScanRate(List<AlignmentReport.LabelerFigures> labelers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (AlignmentReport.LabelerFigures l : labelers) {
            var rate = l.scanRate();
            if (rate == null || rate.value() == null || rate.lo() == null || rate.hi() == null) {
                continue;
            }
            double scans = 0;
            double n = 0;
            for (AlignmentReport.LabelerFigures o : labelers) {
                if (o != l && o.scanRate() != null && o.scanRate().value() != null) {
                    scans += o.scanRate().value() * o.labels();
                    n += o.labels();
                }
            }
            if (n == 0) {
                continue;
            }
            double others = scans / n;
            boolean outside = others < rate.lo() || others > rate.hi();
            if (outside && Math.abs(rate.value() - others) >= POINTS) {
                out.put(l.name(), String.format(Locale.ROOT, "%s scans %.0f%% of codes, the other labelers %.0f%%: "
                                + "check their phone, light and instructions", l.name(), 100 * rate.value(),
                        100 * others));
            }
        }
        return out;
    }
}
