package org.qartalign.eval;

import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;
import org.qartalign.store.Json;

import java.time.Instant;
import java.util.Map;

/**
 * The evaluators built in that read a scan probability off the image itself: they share their identity and the
 * shape of the result they record (a scan probability, the text read if any, details as JSON; no aesthetic).
 */
abstract sealed class ScanProbabilityEvaluator implements Evaluator
        permits PlainScanEvaluator, QrGradeEvaluator, RobustScanEvaluator {
    private final String name;
    private final String version;

    ScanProbabilityEvaluator(String name, String version) {
        this.name = name;
        this.version = version;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String version() {
        return version;
    }

    /** What this evaluator says about {@code code}, stamped now. */
    final EvalResult result(CodeWithPair code, double scanProbability, String decoded, Map<String, Object> details,
                            String runId) {
        return new EvalResult(code.id(), name, version, scanProbability, decoded, null, Json.write(details), runId,
                Instant.now(), code.code().sha256());
    }
}
