package org.qartalign.eval;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import org.qartalign.core.CodeImages;
import org.qartalign.core.CodeWithPair;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs an embedding model over the codes' images in batches; unreadable images are reported, not fatal. */
public final class FeatureExtraction {
    /**
     * @param features code id to feature vector, in the codes' order
     * @param problems one line per code left out, naming its image file
     */
    public record Result(Map<String, float[]> features, List<String> problems) {
    }

    private FeatureExtraction() {
    }

    public static Result run(TorchScriptModel model, Path imageFolder, List<CodeWithPair> codes, int batchSize,
                             Consumer<String> progress) {
        Map<String, float[]> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (Predictor<BufferedImage, float[]> predictor = model.newPredictor()) {
            List<String> ids = new ArrayList<>();
            List<BufferedImage> images = new ArrayList<>();
            int done = 0;
            for (CodeWithPair code : codes) {
                Path file = CodeImages.resolve(imageFolder, code.code().imagePath());
                try {
                    images.add(CodeImages.read(file));
                    ids.add(code.id());
                } catch (IOException e) {
                    problems.add("code " + code.id() + ": " + e.getMessage());
                }
                done++;
                if (images.size() == batchSize || done == codes.size()) {
                    List<float[]> batch = predict(model, predictor, images);
                    for (int i = 0; i < ids.size(); i++) {
                        out.put(ids.get(i), batch.get(i));
                    }
                    ids.clear();
                    images.clear();
                    if (done % 256 < batchSize || done == codes.size()) {
                        progress.accept("features: " + done + " of " + codes.size() + " codes");
                    }
                }
            }
        }
        return new Result(out, problems);
    }

    static List<float[]> predict(TorchScriptModel model, Predictor<BufferedImage, float[]> predictor,
                                 List<BufferedImage> images) {
        if (images.isEmpty()) {
            return List.of();
        }
        try {
            return predictor.batchPredict(images);
        } catch (TranslateException | RuntimeException e) {
            throw new IllegalStateException(model.folder() + ": feature extraction failed: "
                    + TorchScriptModel.firstLine(e), e);
        }
    }
}
