package org.qartalign.alignment;

/**
 * What a scan eval's probability for one code says against the people's majority, the one rule behind every
 * figure of the report (confusion matrix, slices, grid, best-of-N, CSV) and the app's disagreements gallery: the
 * eval passes a code when its probability is at least the threshold, and the people's truth is the majority of the
 * code's scan answers, with no verdict on an even split. Worst-first ordering is {@link WorstFirst}.
 */
public enum ScanVerdict {
    /** The eval and the people's majority say the same. */
    AGREEMENT,
    /** The eval passes a code most people could not scan. */
    FALSE_PASS,
    /** The eval fails a code most people scanned. */
    FALSE_FAIL,
    /** No probability (null or NaN), or no majority (no scan answers, or as many failed as scanned). */
    NO_VERDICT;

    /** Whether the eval predicts "scans": probability at or above the threshold; NaN never passes. */
    public static boolean passes(double probability, double threshold) {
        return probability >= threshold;
    }

    /** The people's majority over a code's scan answers: 1 scanned, 0 did not, null on a tie or no answers. */
    public static Integer majority(int scanned, int scanAnswers) {
        return 2 * scanned > scanAnswers ? Integer.valueOf(1) : 2 * scanned < scanAnswers ? Integer.valueOf(0) : null;
    }

    /** @param humanMajority 1 scanned, 0 not, null no majority (as {@link AlignmentReport.CodeFigures#humanScan()}) */
    public static ScanVerdict of(Double probability, Integer humanMajority, double threshold) {
        if (probability == null || probability.isNaN() || humanMajority == null) {
            return NO_VERDICT;
        }
        boolean pass = passes(probability, threshold);
        if (pass == (humanMajority == 1)) {
            return AGREEMENT;
        }
        return pass ? FALSE_PASS : FALSE_FAIL;
    }

    /** A false pass or a false fail. */
    public boolean disagrees() {
        return this == FALSE_PASS || this == FALSE_FAIL;
    }
}
