package org.qartalign.alignment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The qr-grade report part: scan rate by grade with Wilson intervals, evaluator pass rates, AUC of the score. */
class QrGradeSectionTest {
    private static final int[] SCANNED = {1, 1, 1, 0, 1, 0, 0, 1, 0, 0};
    private static final int[] GRADE = {4, 4, 3, 3, 4, 0, 0, 2, 0, 1};
    private static final double[] SCORE = {4, 3.5, 3.2, 3.0, 4, 0.1, 0.0, 2.2, 0.5, 1.0};
    private static final double[] ROBUST = {0.9, 0.2, 0.6, 0.7, 0.8, 0.1, 0.6, 0.9, 0.0, 0.3};

    private static AlignmentInput input(boolean withGrades) {
        List<AlignmentInput.CodeRow> rows = new ArrayList<>();
        Map<String, Map<String, Double>> grades = new HashMap<>();
        for (int i = 0; i < SCANNED.length; i++) {
            List<AlignmentInput.HumanLabel> labels = List.of(new AlignmentInput.HumanLabel(0, SCANNED[i] == 1, 3, 2.0,
                    null, null, null));
            rows.add(new AlignmentInput.CodeRow("c" + i, i, "c" + i + ".png", "p", "https://e.org/" + i, Map.of(),
                    labels, List.of(), new double[]{ROBUST[i], 1 / (1 + Math.exp(-SCORE[i]))}, new double[]{Double.NaN,
                    Double.NaN}));
            grades.put("c" + i, Map.of("grade", (double) GRADE[i], "score", SCORE[i]));
        }
        return new AlignmentInput(rows, List.of(new AlignmentInput.LabelerRow("ann", false)),
                List.of("zxing-robust", "qr-grade"), rows.size(), true, 0, withGrades ? grades : Map.of());
    }

    private static QrGradeSection.Separation section(boolean withGrades) {
        return new AlignmentEngine(input(withGrades), ReportOptions.defaults()).report().qrGrade();
    }

    @Test
    void scanRateByOverallGradeHasWilsonIntervalsAndEachEvaluatorsPassRate() {
        QrGradeSection.Separation s = section(true);
        assertEquals(10, s.codes());
        QrGradeSection.Parameter overall = s.parameters().get(0);
        assertEquals("grade", overall.name());
        List<QrGradeSection.GradeBin> bins = overall.bins();
        assertEquals(List.of("A", "B", "C", "D", "F"), bins.stream().map(QrGradeSection.GradeBin::grade).toList());
        QrGradeSection.GradeBin a = bins.get(0);
        assertEquals(3, a.n());
        assertEquals(1.0, a.humanScanRate());
        // scipy.stats.binomtest(3, 3).proportion_ci(0.95, method='wilson') = (0.4385029682449546, 1.0)
        assertEquals(0.4385029682449546, a.lo(), 1e-9);
        assertEquals(1.0, a.hi(), 1e-12);
        QrGradeSection.GradeBin b = bins.get(1);
        // binomtest(1, 2): (0.09453120573423074, 0.9054687942657693)
        assertEquals(0.5, b.humanScanRate());
        assertEquals(0.09453120573423074, b.lo(), 1e-9);
        assertEquals(0.9054687942657693, b.hi(), 1e-9);
        QrGradeSection.GradeBin f = bins.get(4);
        assertEquals(3, f.n());
        assertEquals(0.0, f.humanScanRate());
        assertEquals(0.5614970317550454, f.hi(), 1e-9);
        assertEquals(1 / 3.0, f.evalScanRate().get("zxing-robust"), 1e-12, "code 6 passes robust at 0.6");
        assertEquals(2 / 3.0, a.evalScanRate().get("zxing-robust"), 1e-12);
    }

    @Test
    void aucOfTheScoreMatchesSklearn() {
        // sklearn.metrics.roc_auc_score(SCANNED, SCORE) = 0.9600000000000001
        assertEquals(0.96, section(true).parameters().get(0).auc(), 1e-12);
    }

    @Test
    void theReportHasNoQrGradePartWithoutQrGradeResultsAndTheHtmlNamesIt() {
        assertNull(section(false));
        String html = ReportHtmlWriter.write(new AlignmentEngine(input(true), ReportOptions.defaults()).report());
        assertTrue(html.contains("qr-grade: which grade parameters separate"), "html part");
        String json = ReportJsonWriter.write(new AlignmentEngine(input(true), ReportOptions.defaults()).report());
        assertTrue(json.contains("\"qr_grade\"") && json.contains("\"human_scan_rate\""), "json part");
    }
}
