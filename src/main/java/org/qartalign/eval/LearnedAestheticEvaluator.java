package org.qartalign.eval;

import ai.djl.inference.Predictor;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;
import org.qartalign.store.Json;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The aesthetic score learned from this database's own labels: the features model, then the trained head. A code
 * the head was trained on gets its out-of-fold score instead (when its image is unchanged).
 */
public final class LearnedAestheticEvaluator implements Evaluator {
    public static final String NAME = "learned-aesthetic";
    public static final int BATCH_SIZE = 8;

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
        Predictor<BufferedImage, float[]> predictor = features.newPredictor();
        return new Worker() {
            @Override
            public EvalResult evaluate(CodeWithPair code, BufferedImage image, String runId) {
                return evaluateBatch(List.of(code), List.of(image), runId).get(0);
            }

            @Override
            public List<EvalResult> evaluateBatch(List<CodeWithPair> codes, List<BufferedImage> images, String runId) {
                List<float[]> vectors = FeatureExtraction.predict(features, predictor, images);
                Instant now = Instant.now();
                List<EvalResult> out = new ArrayList<>(codes.size());
                for (int i = 0; i < codes.size(); i++) {
                    out.add(result(codes.get(i), vectors.get(i), runId, now));
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
