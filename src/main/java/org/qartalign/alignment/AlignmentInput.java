package org.qartalign.alignment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the alignment engine reads, as plain values: no database, so the engine is fast and testable.
 *
 * @param codes every code of the dataset, labeled or not
 * @param labelers labelers referred to by {@link HumanLabel#labeler()} index
 * @param evaluators evaluator names referred to by index in {@link CodeRow#scanProb()} and {@link CodeRow#aesthetic()}
 * @param pairs number of prompt-URL pairs
 * @param simulatedIncluded whether simulated labelers' labels are in {@code codes}
 * @param simulatedLabelsExcluded labels left out by {@code --exclude-simulated}
 * @param qrGrades per code id, the numeric details of its qr-grade result (empty when there are none)
 */
public record AlignmentInput(List<CodeRow> codes, List<LabelerRow> labelers, List<String> evaluators, int pairs,
                             boolean simulatedIncluded, int simulatedLabelsExcluded,
                             Map<String, Map<String, Double>> qrGrades) {
    public AlignmentInput {
        codes = List.copyOf(codes);
        labelers = List.copyOf(labelers);
        evaluators = List.copyOf(evaluators);
        qrGrades = qrGrades == null ? Map.of() : Map.copyOf(qrGrades);
    }

    public AlignmentInput(List<CodeRow> codes, List<LabelerRow> labelers, List<String> evaluators, int pairs,
                          boolean simulatedIncluded, int simulatedLabelsExcluded) {
        this(codes, labelers, evaluators, pairs, simulatedIncluded, simulatedLabelsExcluded, Map.of());
    }

    /**
     * One code and what is known about it.
     *
     * @param numericParams numeric generation parameters (strength, guidance_end, ...)
     * @param labels current complete answers, one per labeler, retests left out
     * @param retests current complete answers flagged {@code retest}, for test-retest only
     * @param scanProb per evaluator, its scan probability or NaN
     * @param aesthetic per evaluator, its aesthetic score or NaN
     */
    public record CodeRow(String id, long pairId, String imagePath, String prompt, String url,
                          Map<String, Double> numericParams, List<HumanLabel> labels, List<HumanLabel> retests,
                          double[] scanProb, double[] aesthetic) {
        public CodeRow {
            Objects.requireNonNull(id, "id");
            numericParams = numericParams == null ? Map.of() : Map.copyOf(numericParams);
            labels = List.copyOf(labels);
            retests = retests == null ? List.of() : List.copyOf(retests);
        }
    }

    /**
     * One labeler's current answer for a code.
     *
     * @param labeler index into {@link AlignmentInput#labelers()}
     * @param scanned the scan answer, or null for a label with only a score (a folder import's good/ or bad/)
     * @param aesthetic 1-5, or null for a label with only a scan answer
     * @param seconds time from showing the code to the scan key, NaN when unknown
     * @param phoneModel the session's phone, or null
     * @param sessionId the labeling session, or null
     */
    public record HumanLabel(int labeler, Boolean scanned, Integer aesthetic, double seconds, String phoneModel,
                             Long sessionId, Instant submittedAt) {
        public HumanLabel {
            if (scanned == null && aesthetic == null) {
                throw new IllegalArgumentException("a label needs a scan answer, a score or both");
            }
        }

        public boolean hasScan() {
            return scanned != null;
        }

        public boolean hasScore() {
            return aesthetic != null;
        }

        /** 1 scanned, 0 not, NaN without a scan answer. */
        public double scanValue() {
            return scanned == null ? Double.NaN : scanned ? 1 : 0;
        }

        /** The score, NaN without one. */
        public double scoreValue() {
            return aesthetic == null ? Double.NaN : aesthetic;
        }
    }

    public record LabelerRow(String name, boolean simulated) {
    }
}
