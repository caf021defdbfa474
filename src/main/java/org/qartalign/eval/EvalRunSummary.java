package org.qartalign.eval;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a run did.
 *
 * @param codes codes in the database
 * @param evaluated per evaluator, codes evaluated and stored in this run
 * @param skippedCached per evaluator, codes skipped because a result for their image and this version exists
 * @param scanProbabilitySum per evaluator, sum of the scan probabilities stored in this run
 * @param failures codes whose image could not be read or evaluated, with the reason
 * @param cancelled whether the run stopped early; everything evaluated before that was stored
 */
public record EvalRunSummary(String runId, int codes, Map<String, Integer> evaluated, Map<String, Integer> skippedCached,
                             Map<String, Double> scanProbabilitySum, List<ReadFailure> failures, boolean cancelled,
                             Duration elapsed) {
    /** A code that could not be evaluated; the run went on without it. */
    public record ReadFailure(String codeId, String message) {
    }

    public EvalRunSummary {
        evaluated = Map.copyOf(evaluated);
        skippedCached = Map.copyOf(skippedCached);
        scanProbabilitySum = Map.copyOf(scanProbabilitySum);
        failures = List.copyOf(failures);
    }
}
