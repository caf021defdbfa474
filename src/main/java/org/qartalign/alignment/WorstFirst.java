package org.qartalign.alignment;

import java.util.Comparator;

/**
 * "Worst first", defined once so the report and the app list disagreements in the same order: the larger the gap
 * between the eval and the people, the earlier; the code id breaks ties.
 */
public final class WorstFirst {
    private WorstFirst() {
    }

    /** A scan disagreement's gap: |eval scan probability - share of the code's scan answers that scanned|. */
    public static double scanGap(double probability, int scanned, int scanLabels) {
        return Math.abs(probability - (double) scanned / scanLabels);
    }

    /** The report's disagreement rows, worst first. */
    public static final Comparator<AlignmentReport.Disagreement> DISAGREEMENTS =
            Comparator.comparingDouble(AlignmentReport.Disagreement::gap).reversed()
                    .thenComparing(AlignmentReport.Disagreement::codeId);

    /**
     * Codes by their scan gap for the evaluator at {@code evaluator} (index into the report's evaluators), worst
     * first; codes without a probability or without labels come last.
     */
    public static Comparator<AlignmentReport.CodeFigures> scanCodes(int evaluator) {
        return Comparator.comparingDouble((AlignmentReport.CodeFigures c) -> -gap(c, evaluator))
                .thenComparing(AlignmentReport.CodeFigures::codeId);
    }

    private static double gap(AlignmentReport.CodeFigures c, int evaluator) {
        double p = c.scanProb() == null || evaluator < 0 || evaluator >= c.scanProb().length ? Double.NaN
                : c.scanProb()[evaluator];
        return Double.isNaN(p) || c.scanLabels() == 0 ? Double.NEGATIVE_INFINITY : scanGap(p, c.scanned(), c.scanLabels());
    }
}
