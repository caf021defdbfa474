package org.qartalign.eval;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;
import org.qartalign.store.Json;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Scores each code with a TorchScript model that returns one aesthetic score per image. */
public final class TorchScriptEvaluator implements Evaluator {
    public static final int BATCH_SIZE = 8;

    private final TorchScriptModel model;

    public TorchScriptEvaluator(TorchScriptModel model) {
        if (model.card().outputKind() != ModelCard.OutputKind.SCORE) {
            throw new IllegalArgumentException(model.folder() + ": an embedding model gives no score to evaluate with");
        }
        this.model = model;
    }

    @Override
    public String name() {
        return model.card().name();
    }

    @Override
    public String version() {
        return model.versionTag();
    }

    public TorchScriptModel model() {
        return model;
    }

    @Override
    public Worker newWorker() {
        Predictor<BufferedImage, float[]> predictor = model.newPredictor();
        String details = Json.write(Map.of("model_folder", model.folder().getFileName().toString(),
                "device", TorchDevice.get().toString()));
        return new Worker() {
            @Override
            public EvalResult evaluate(CodeWithPair code, BufferedImage image, String runId) {
                return evaluateBatch(List.of(code), List.of(image), runId).get(0);
            }

            @Override
            public List<EvalResult> evaluateBatch(List<CodeWithPair> codes, List<BufferedImage> images, String runId) {
                List<float[]> scores;
                try {
                    scores = predictor.batchPredict(images);
                } catch (TranslateException | RuntimeException e) {
                    throw new IllegalStateException(model.folder() + ": prediction failed: "
                            + TorchScriptModel.firstLine(e), e);
                }
                Instant now = Instant.now();
                List<EvalResult> out = new ArrayList<>(codes.size());
                for (int i = 0; i < codes.size(); i++) {
                    CodeWithPair c = codes.get(i);
                    out.add(new EvalResult(c.id(), name(), version(), null, null, (double) scores.get(i)[0],
                            details, runId, now, c.code().sha256()));
                }
                return out;
            }

            @Override
            public int preferredBatchSize() {
                return BATCH_SIZE;
            }

            @Override
            public void close() {
                predictor.close();
            }
        };
    }
}
