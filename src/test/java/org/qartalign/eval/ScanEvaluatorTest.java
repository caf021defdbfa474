package org.qartalign.eval;

import org.qartalign.stats.WilsonInterval;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;
import org.qartalign.core.GeneratedCode;
import org.qartalign.core.PromptUrlPair;
import org.qartalign.store.Json;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanEvaluatorTest {
    private static final String URL = "https://qart.example/p/4711?ref=align";

    static CodeWithPair code(String id, String url) {
        return new CodeWithPair(new GeneratedCode(id, 1, id + ".png", "sha-" + id, Map.of()),
                new PromptUrlPair(1, "a lighthouse at dusk", url));
    }

    @Test
    void plainCodeOfTheRightUrlScans() {
        try (Evaluator.Worker w = new PlainScanEvaluator().newWorker()) {
            EvalResult r = w.evaluate(code("a", URL), SyntheticArtCodes.plain(URL, 8), "run");
            assertEquals(1.0, r.scanProb());
            assertEquals(URL, r.decoded());
            assertEquals("scanned", Json.readMap(r.details()).get("outcome"));
        }
    }

    @Test
    void codeRenderedWithAnotherUrlIsNeverCountedAsScanned() {
        String other = "https://qart.example/p/4711?ref=alien";
        BufferedImage wrong = SyntheticArtCodes.plain(other, 8);
        try (Evaluator.Worker plain = new PlainScanEvaluator().newWorker();
             Evaluator.Worker robust = new RobustScanEvaluator().newWorker()) {
            EvalResult p = plain.evaluate(code("a", URL), wrong, "run");
            assertEquals(0.0, p.scanProb());
            assertEquals(other, p.decoded(), "the wrong payload is recorded");
            assertEquals("misread", Json.readMap(p.details()).get("outcome"));

            EvalResult r = robust.evaluate(code("a", URL), wrong, "run");
            Map<String, Object> d = Json.readMap(r.details());
            assertEquals(0.0, r.scanProb());
            assertEquals(other, r.decoded());
            assertEquals(0, ((Number) d.get("decodedCaptures")).intValue());
            assertTrue(((Number) d.get("misreadCaptures")).intValue() > 10, "most captures read the other URL: " + d);
        }
    }

    @Test
    void robustResultCarriesIntervalCaptureCountAndFailedKinds() {
        RobustScanEvaluator ev = new RobustScanEvaluator();
        try (Evaluator.Worker w = ev.newWorker()) {
            EvalResult r = w.evaluate(code("a", URL), SyntheticArtCodes.art(URL, 0.45, 3, 10), "run");
            Map<String, Object> d = Json.readMap(r.details());
            int captures = ((Number) d.get("captures")).intValue();
            int decoded = ((Number) d.get("decodedCaptures")).intValue();
            assertEquals(ev.captureCount(), captures);
            assertEquals((double) decoded / captures, r.scanProb(), 1e-12);
            @SuppressWarnings("unchecked")
            List<Double> ci = (List<Double>) d.get("wilson95");
            WilsonInterval expected = WilsonInterval.of(decoded, captures, 0.95);
            assertEquals(expected.lower(), ci.get(0), 1e-12);
            assertEquals(expected.upper(), ci.get(1), 1e-12);
            @SuppressWarnings("unchecked")
            Map<String, Object> failed = (Map<String, Object>) d.get("failedKinds");
            int charged = failed.values().stream().mapToInt(v -> ((Number) v).intValue()).sum();
            assertTrue(decoded < captures && charged >= captures - decoded,
                    "every failed capture charges its kinds: " + d);
        }
    }

    @Test
    void robustProbabilityFallsAsTheSameCodeIsBlurredMore() {
        BufferedImage sharp = SyntheticArtCodes.art(URL, 0.7, 5, 10);
        GrayImage g = GrayImage.of(sharp);
        RobustScanEvaluator.CaptureWorker w = new RobustScanEvaluator().newWorker();
        List<Double> p = new ArrayList<>();
        for (double sigma : new double[]{0, 2, 4, 6, 9}) {
            p.add(w.tally(blurred(g, sigma), URL).probability());
        }
        System.out.println("scan probability at blur sigma 0, 2, 4, 6, 9 px: " + p);
        for (int i = 1; i < p.size(); i++) {
            assertTrue(p.get(i) <= p.get(i - 1), "not monotone: " + p);
        }
        assertTrue(p.get(0) >= 0.5 && p.get(p.size() - 1) < 0.2, "spread: " + p);
    }

    private static GrayImage blurred(GrayImage g, double sigma) {
        if (sigma == 0) {
            return g;
        }
        int n = g.width();
        float[] v = new float[n * n];
        float[] tmp = new float[n * n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (g.pixels()[i] & 0xff) / 255f;
        }
        CaptureRenderer.gaussian(v, tmp, n, sigma);
        byte[] out = new byte[n * n];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) Math.round(Math.max(0, Math.min(1, v[i])) * 255);
        }
        return new GrayImage(n, n, out);
    }
}
