package org.qartalign.eval;

import ai.djl.inference.Predictor;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qartalign.core.CodeImages;
import org.qartalign.store.Json;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QrArtFeaturesModelTest {
    static final Path MODEL = Path.of("models", "qr-art-features");
    static final Path REFERENCE = Path.of("src", "test", "resources", "qr-art-features-reference");
    static TorchScriptModel model;

    @BeforeAll
    static void load() throws Exception {
        model = TorchScriptModel.load(MODEL);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** reference.json holds what models/tools/make_qr_art_features.py computed in Python for the same PNGs. */
    @Test
    void djlGivesTheFeaturesThePythonScriptPrintedForEveryReferenceImage() throws Exception {
        JsonNode ref = Json.MAPPER.readTree(Files.readString(REFERENCE.resolve("reference.json")));
        List<BufferedImage> images = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        for (JsonNode item : ref.get("images")) {
            images.add(CodeImages.read(REFERENCE.resolve(item.get("image").asText())));
            double[] e = new double[item.get("features").size()];
            for (int i = 0; i < e.length; i++) {
                e[i] = item.get("features").get(i).asDouble();
            }
            expected.add(e);
        }
        assertEquals(6, images.size());
        try (Predictor<BufferedImage, float[]> p = model.newPredictor()) {
            List<float[]> batched = p.batchPredict(images);
            for (int k = 0; k < images.size(); k++) {
                float[] single = p.predict(images.get(k));
                String name = ref.get("images").get(k).get("image").asText();
                assertEquals(20, single.length, name);
                for (int i = 0; i < single.length; i++) {
                    String what = name + " feature " + model.card().outputNames().get(i);
                    assertEquals(expected.get(k)[i], single[i], 1e-4, what);
                    assertEquals(single[i], batched.get(k)[i], 1e-5, what + " (batched)");
                }
            }
        }
    }

    @Test
    void theGridFeaturesRankAPlainQrAboveAColourGradient() throws Exception {
        int periodicity = model.card().outputNames().indexOf("grid_periodicity");
        int alignment = model.card().outputNames().indexOf("edge_alignment");
        try (Predictor<BufferedImage, float[]> p = model.newPredictor()) {
            float[] qr = p.predict(CodeImages.read(REFERENCE.resolve("plain-qr.png")));
            float[] gradient = p.predict(CodeImages.read(REFERENCE.resolve("colour-gradient.png")));
            assertTrue(qr[periodicity] > 5 * gradient[periodicity]);
            assertTrue(qr[alignment] > 5 * gradient[alignment]);
        }
    }

    @Test
    void theCardDescribesTwentyNamedFeaturesOnA256SquareInput() {
        ModelCard card = model.card();
        assertEquals(ModelCard.OutputKind.EMBEDDING, card.outputKind());
        assertEquals(20, card.outputNames().size());
        assertEquals(256, card.input().width());
        assertTrue(model.versionTag().startsWith("1.0.0+"));
    }
}
