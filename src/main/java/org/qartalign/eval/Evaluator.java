package org.qartalign.eval;

import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;

import java.awt.image.BufferedImage;

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

        @Override
        default void close() {
        }
    }
}
