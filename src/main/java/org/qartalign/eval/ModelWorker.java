package org.qartalign.eval;

import ai.djl.inference.Predictor;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The worker of a TorchScript evaluator: one DJL predictor per thread, one image at a time (batches of 8 were
 * measured only 1.07x faster than single images on the CPU, see docs/README-aesthetic.md, so the runner does not
 * batch), and what to make of the model's output.
 */
final class ModelWorker implements Evaluator.Worker {
    /** Turns the model's output for one code into its result. */
    interface Scoring {
        EvalResult result(CodeWithPair code, float[] output, String runId);
    }

    private final TorchScriptModel model;
    private final Predictor<BufferedImage, float[]> predictor;
    private final Scoring scoring;

    ModelWorker(TorchScriptModel model, Scoring scoring) {
        this.model = model;
        this.predictor = model.newPredictor();
        this.scoring = scoring;
    }

    @Override
    public EvalResult evaluate(CodeWithPair code, BufferedImage image, String runId) {
        return scoring.result(code, FeatureExtraction.predict(model, predictor, List.of(image)).get(0), runId);
    }

    @Override
    public void close() {
        predictor.close();
    }
}
