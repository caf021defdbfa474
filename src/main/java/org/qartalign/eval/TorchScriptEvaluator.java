package org.qartalign.eval;

import org.qartalign.core.EvalResult;
import org.qartalign.store.Json;

import java.time.Instant;
import java.util.Map;

/** Scores each code with a TorchScript model that returns one aesthetic score per image. */
public final class TorchScriptEvaluator implements Evaluator {
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
        String details = Json.write(Map.of("model_folder", model.folder().getFileName().toString(),
                "device", TorchDevice.get().toString()));
        return new ModelWorker(model, (c, score, runId) -> new EvalResult(c.id(), name(), version(), null, null,
                (double) score[0], details, runId, Instant.now(), c.code().sha256()));
    }
}
