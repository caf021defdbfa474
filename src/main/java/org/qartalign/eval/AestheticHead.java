package org.qartalign.eval;

import org.qartalign.core.CodeImages;
import org.qartalign.store.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code train-aesthetic} stores in {@code head.json}: the head fitted on every labeled code, the features
 * model it needs, and each labeled code's out-of-fold score, which the evaluator returns for that code so that
 * its agreement with people is never measured on its own training data.
 */
public record AestheticHead(String features, String featuresVersion, List<String> featureNames,
                            HeadWeights fullFit, Map<String, HeldOutScore> outOfFold) {
    public static final String FILE_NAME = "head.json";

    /** A labeled code's score from the head trained without the fold that held it. */
    public record HeldOutScore(String imageSha256, int fold, double score) {
    }

    public AestheticHead {
        featureNames = List.copyOf(featureNames);
        outOfFold = new TreeMap<>(outOfFold);
    }

    /** Depends on the weights and scores only, so a deterministic re-run gives the same version. */
    public String version() {
        return "head-" + CodeImages.sha256(Json.write(this).getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    public void write(Path file) throws IOException {
        LearnedModels.writeAtomically(file, Json.write(this));
    }

    public static AestheticHead read(Path file) throws IOException {
        try {
            AestheticHead head = Json.MAPPER.readValue(Files.readString(file), AestheticHead.class);
            if (head.fullFit() == null || head.fullFit().mean() == null
                    || head.fullFit().mean().length != head.featureNames().size()) {
                throw new IOException(file + ": the head's weights do not match its " + head.featureNames().size()
                        + " feature names");
            }
            return head;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not a head written by train-aesthetic (" + e.getOriginalMessage() + ")", e);
        }
    }
}
