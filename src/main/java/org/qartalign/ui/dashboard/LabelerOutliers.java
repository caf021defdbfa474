package org.qartalign.ui.dashboard;

import org.qartalign.alignment.AlignmentReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Labelers whose scan rate stands apart from the others: a lenient or strict person, or a phone that reads more or
 * less than the rest. A labeler stands apart when the others' pooled scan rate lies outside their interval and the
 * two differ by at least {@link #POINTS} percentage points (so a large team does not flag trivial differences).
 * <p>
 * One lenient labeler pulls the others' pooled rate towards them, so comparing everybody with everybody else at once
 * flags the people who agree with each other too (at 74%, 34% and 24%, all three). The labeler who stands furthest
 * apart is taken out first, then the rest are compared again among themselves, until nobody stands apart. With only
 * two labelers nobody can tell which of them is off: both are named, each against the other.
 */
final class LabelerOutliers {
    static final double POINTS = 0.15;

    private LabelerOutliers() {
    }

    /** Labeler name to a sentence saying how they differ, in table order. */
    static Map<String, String> byScanRate(List<AlignmentReport.LabelerFigures> labelers) {
        List<AlignmentReport.LabelerFigures> rated = labelers.stream().filter(LabelerOutliers::hasRate).toList();
        Map<String, String> found = new LinkedHashMap<>();
        List<AlignmentReport.LabelerFigures> remaining = new ArrayList<>(rated);
        while (remaining.size() >= 2) {
            AlignmentReport.LabelerFigures worst = null;
            double worstGap = 0;
            double worstOthers = 0;
            for (AlignmentReport.LabelerFigures l : remaining) {
                double others = pooledRate(remaining, l);
                double gap = Math.abs(l.scanRate().value() - others);
                boolean outside = others < l.scanRate().lo() || others > l.scanRate().hi();
                if (outside && gap >= POINTS && gap > worstGap) {
                    worst = l;
                    worstGap = gap;
                    worstOthers = others;
                }
            }
            if (worst == null) {
                break;
            }
            if (remaining.size() == 2) {
                for (AlignmentReport.LabelerFigures l : remaining) {
                    AlignmentReport.LabelerFigures other = remaining.get(0) == l ? remaining.get(1) : remaining.get(0);
                    found.put(l.name(), String.format(Locale.ROOT, "%s scans %.0f%% of codes, %s %.0f%%: with two "
                                    + "labelers either may be off; check both phones, light and instructions", l.name(),
                            100 * l.scanRate().value(), other.name(), 100 * other.scanRate().value()));
                }
                break;
            }
            found.put(worst.name(), String.format(Locale.ROOT, "%s scans %.0f%% of codes, the other labelers %.0f%%: "
                    + "check their phone, light and instructions", worst.name(), 100 * worst.scanRate().value(),
                    100 * worstOthers));
            remaining.remove(worst);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (AlignmentReport.LabelerFigures l : labelers) {
            if (found.containsKey(l.name())) {
                out.put(l.name(), found.get(l.name()));
            }
        }
        return out;
    }

    private static boolean hasRate(AlignmentReport.LabelerFigures l) {
        var rate = l.scanRate();
        return rate != null && rate.value() != null && rate.lo() != null && rate.hi() != null && l.labels() > 0;
    }

    /** The scan rate of everybody in {@code among} but {@code l}, weighted by their labels. */
    private static double pooledRate(List<AlignmentReport.LabelerFigures> among, AlignmentReport.LabelerFigures l) {
        double scans = 0;
        double n = 0;
        for (AlignmentReport.LabelerFigures o : among) {
            if (o != l) {
                scans += o.scanRate().value() * o.labels();
                n += o.labels();
            }
        }
        return scans / n;
    }
}
