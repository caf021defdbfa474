package org.qartalign.alignment;

import java.util.List;

/**
 * How a report is computed.
 *
 * @param bootstrap number of bootstrap replicates (0 = point values only)
 * @param threshold a scan evaluator predicts "scans" when its probability is at least this
 * @param evaluators evaluators to report (empty = all with results)
 * @param aesthetic the aesthetic evaluator that breaks ties in best-of-N selection, or null
 * @param sliceParams the numeric generation parameters to slice by, in order (the first two make the toast plot's
 *                    rows and columns); empty = every parameter that varies meaningfully (ids and seeds left out)
 */
public record ReportOptions(int bootstrap, long seed, double threshold, double confidence, List<String> evaluators,
                            String aesthetic, boolean excludeSimulated, List<String> sliceParams) {
    /** More replicates than this add nothing to a percentile interval and cost memory linear in codes x B. */
    public static final int MAX_BOOTSTRAP = 20_000;

    public ReportOptions {
        if (bootstrap < 0 || bootstrap > MAX_BOOTSTRAP) {
            throw new IllegalArgumentException("--bootstrap must be between 0 and " + MAX_BOOTSTRAP + ", got " + bootstrap);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("--threshold must be between 0 and 1, got " + threshold);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("--confidence must be strictly between 0 and 1, got " + confidence);
        }
        evaluators = evaluators == null ? List.of() : List.copyOf(evaluators);
        sliceParams = sliceParams == null ? List.of() : List.copyOf(sliceParams);
    }

    /** Options that slice by every parameter that varies meaningfully. */
    public ReportOptions(int bootstrap, long seed, double threshold, double confidence, List<String> evaluators,
                         String aesthetic, boolean excludeSimulated) {
        this(bootstrap, seed, threshold, confidence, evaluators, aesthetic, excludeSimulated, List.of());
    }

    public static ReportOptions defaults() {
        return new ReportOptions(1000, 1, 0.5, 0.95, List.of(), null, false);
    }

    public ReportOptions withBootstrap(int b) {
        return new ReportOptions(b, seed, threshold, confidence, evaluators, aesthetic, excludeSimulated, sliceParams);
    }

    public ReportOptions withSliceParams(List<String> params) {
        return new ReportOptions(bootstrap, seed, threshold, confidence, evaluators, aesthetic, excludeSimulated, params);
    }
}
