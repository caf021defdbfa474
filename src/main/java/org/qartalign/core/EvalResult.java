package org.qartalign.core;

import java.time.Instant;

/**
 * What one automated evaluator said about one code.
 *
 * @param scanProb estimated probability that a phone scans the code to the right URL, or null
 * @param decoded the text the decoder read, or null when nothing decoded or not a decoder
 * @param aesthetic the aesthetic score on the evaluator's own scale, or null
 * @param details evaluator-specific JSON (failed perturbation kinds, intervals...), or null
 */
public record EvalResult(String codeId, String evaluator, String version, Double scanProb, String decoded,
                         Double aesthetic, String details, String runId, Instant createdAt, String imageSha256) {
}
