package org.qartalign.eval;

import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * An automated eval of generated codes. Results are cached by (image SHA-256, name, version): bump the version
 * whenever what the evaluator computes changes.
 */
public interface Evaluator {
    String name();

    String version();

    /** A worker for one thread: decoders and predictors are not thread-safe, so each worker owns its own. */
    Worker newWorker();

    interface Worker extends AutoCloseable {
        /** Evaluates one code whose image has been read; never returns null. */
        EvalResult evaluate(CodeWithPair code, BufferedImage image, String runId);

        /**
         * Evaluates several codes at once, results in the same order; models that gain from batching override it.
         */
        default List<EvalResult> evaluateBatch(List<CodeWithPair> codes, List<BufferedImage> images, String runId) {
            if (codes.size() != images.size()) {
                throw new IllegalArgumentException(codes.size() + " codes but " + images.size() + " images");
            }
            List<EvalResult> out = new ArrayList<>(codes.size());
            for (int i = 0; i < codes.size(); i++) {
                out.add(evaluate(codes.get(i), images.get(i), runId));
            }
            return out;
        }

        /** How many codes a runner should hand to {@link #evaluateBatch} at once. */
        default int preferredBatchSize() {
            return 1;
        }

        @Override
        default void close() {
        }
    }
}
