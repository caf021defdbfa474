package org.qartalign.eval;

import java.time.Duration;

/**
 * Where a run stands, in codes (each code's image is read once for all evaluators that still need it).
 *
 * @param eta estimated time left, or null before the first code is done
 */
public record EvalProgress(int done, int total, Duration elapsed, Duration eta) {
    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }
}
