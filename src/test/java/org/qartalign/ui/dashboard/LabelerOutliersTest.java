package org.qartalign.ui.dashboard;

import org.junit.jupiter.api.Test;
import org.qartalign.alignment.AlignmentReport;
import org.qartalign.alignment.Estimate;
import org.qartalign.stats.WilsonInterval;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelerOutliersTest {
    /** A labeler with {@code scans} of {@code n} codes scanned, with the Wilson 95% interval the report gives. */
    private static AlignmentReport.LabelerFigures labeler(String name, int scans, int n) {
        WilsonInterval w = WilsonInterval.of(scans, n, 0.95);
        Estimate rate = new Estimate((double) scans / n, w.lower(), w.upper(), null, null);
        return new AlignmentReport.LabelerFigures(name, false, n, rate, null, null, null, null, null, null, List.of());
    }

    /**
     * The tester's case: chen scans 74%, ana 34%, ben 24% (150 codes each). Pooled, ana's others are at 49% and ben's
     * at 54%, so the old rule flagged all three. Chen against ana+ben (29%) is 45 points apart and goes first; then
     * ana against ben is 10 points apart, under the bar: only chen.
     */
    @Test
    void oneLenientLabelerIsNamedAndThePeopleWhoAgreeAreNot() {
        var out = LabelerOutliers.byScanRate(List.of(labeler("ana", 51, 150), labeler("ben", 36, 150),
                labeler("chen", 111, 150)));
        assertEquals(List.of("chen"), List.copyOf(out.keySet()));
        assertEquals("chen scans 74% of codes, the other labelers 29%: check their phone, light and instructions",
                out.get("chen"));
    }

    @Test
    void aLenientAndAStrictLabelerAreBothNamedAgainstTheRest() {
        var out = LabelerOutliers.byScanRate(List.of(labeler("ana", 45, 150), labeler("ben", 42, 150),
                labeler("chen", 120, 150), labeler("dee", 3, 150)));
        assertEquals(List.of("chen", "dee"), List.copyOf(out.keySet()));
        assertTrue(out.get("dee").startsWith("dee scans 2% of codes, the other labelers 29%"), out.get("dee"));
    }

    @Test
    void labelersWithinFifteenPointsOrWithinTheirIntervalAreNotNamed() {
        assertTrue(LabelerOutliers.byScanRate(List.of(labeler("ana", 45, 150), labeler("ben", 57, 150),
                labeler("chen", 33, 150))).isEmpty(), "30%, 38%, 22%: no one is 15 points from the others");
        assertTrue(LabelerOutliers.byScanRate(List.of(labeler("ana", 3, 5), labeler("ben", 30, 100),
                labeler("chen", 30, 100))).isEmpty(), "60% on 5 codes: 30% lies inside its interval");
    }

    @Test
    void withTwoLabelersBothAreNamedForEitherMayBeOff() {
        var out = LabelerOutliers.byScanRate(List.of(labeler("ana", 100, 150), labeler("ben", 30, 150)));
        assertEquals(List.of("ana", "ben"), List.copyOf(out.keySet()));
        assertEquals("ana scans 67% of codes, ben 20%: with two labelers either may be off; check both phones, light "
                + "and instructions", out.get("ana"));
    }
}
