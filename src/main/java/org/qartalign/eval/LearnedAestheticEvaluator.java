package org.qartalign.eval;

import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;
import org.qartalign.store.Json;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The aesthetic score learned from this database's own labels: the features model, then the trained head. A code
 * the head was trained on gets its out-of-fold score instead (when its image is unchanged).
 */
public final class LearnedAestheticEvaluator implements Evaluator {
    public static final String NAME = "learned-aesthetic";
    private final TorchScriptModel features;
    private final AestheticHead head;
    private final String version;

    public LearnedAestheticEvaluator(Path folder, TorchScriptModel features, AestheticHead head)
            throws ModelFolderException {
        if (!features.versionTag().equals(head.featuresVersion())
                || !features.card().outputNames().equals(head.featureNames())) {
            throw new ModelFolderException(folder, "the head was trained on " + head.features() + " "
                    + head.featuresVersion() + " but " + features.folder() + " is " + features.versionTag()
                    + "; run train-aesthetic again");
        }
        this.features = features;
        this.head = head;
        this.version = head.version();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return version;
    }

    public AestheticHead head() {
        return head;
    }

    /** The result for one code from its features: the held-out score for a training code, else the full fit. */
    EvalResult result(CodeWithPair code, float[] featureVector, String runId, Instant at) {
        AestheticHead.HeldOutScore held = head.outOfFold().get(code.id());
        boolean heldOut = held != null && held.imageSha256() != null && held.imageSha256().equals(code.code().sha256());
        double score = heldOut ? held.score() : head.fullFit().apply(featureVector);
        String details = Json.write(heldOut ? Map.of("out_of_fold", true, "fold", held.fold())
                : Map.of("out_of_fold", false));
        return new EvalResult(code.id(), NAME, version, null, null, score, details, runId, at, code.code().sha256());
    }

    @Override
    public Worker newWorker() {
        return new ModelWorker(features, (code, vector, runId) -> result(code, vector, runId, Instant.now()));
    }
}
