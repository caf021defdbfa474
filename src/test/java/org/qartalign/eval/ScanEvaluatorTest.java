package org.qartalign.eval;

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

    /**
     * 95% Wilson intervals for k of 21 captures, k = 0..21, from scipy 1.10.1:
     * {@code scipy.stats.binomtest(k, 21).proportion_ci(confidence_level=0.95, method='wilson')}.
     */
    private static final double[][] WILSON_OF_21 = {
            {0.000000000000, 0.154639018925}, {0.008455987810, 0.226693600741}, {0.026518767438, 0.289141390739},
            {0.049810124997, 0.346360602806}, {0.076675650528, 0.400005646902}, {0.106280130226, 0.450911736830},
            {0.138138629521, 0.499563807161}, {0.171947526051, 0.546265480257}, {0.207510113686, 0.591213462249},
            {0.244699689254, 0.634534456307}, {0.283440061015, 0.676304654172}, {0.323695345828, 0.716559938985},
            {0.365465543693, 0.755300310746}, {0.408786537751, 0.792489886314}, {0.453734519743, 0.828052473949},
            {0.500436192839, 0.861861370479}, {0.549088263170, 0.893719869774}, {0.599994353098, 0.923324349472},
            {0.653639397194, 0.950189875003}, {0.710858609261, 0.973481232562}, {0.773306399259, 0.991544012190},
            {0.845360981075, 1.000000000000}
    };

    @Test
    void robustResultCarriesIntervalCaptureCountAndFailedKinds() {
        RobustScanEvaluator ev = new RobustScanEvaluator();
        try (Evaluator.Worker w = ev.newWorker()) {
            EvalResult r = w.evaluate(code("a", URL), SyntheticArtCodes.art(URL, 0.45, 3, 10), "run");
            Map<String, Object> d = Json.readMap(r.details());
            int captures = ((Number) d.get("captures")).intValue();
            int decoded = ((Number) d.get("decodedCaptures")).intValue();
            assertEquals(21, captures, "the steady capture and 20 simulated ones");
            assertEquals(captures, ev.captureCount());
            assertEquals((double) decoded / captures, r.scanProb(), 1e-12);
            @SuppressWarnings("unchecked")
            List<Double> ci = (List<Double>) d.get("wilson95");
            assertEquals(WILSON_OF_21[decoded][0], ci.get(0), 1e-9, "lower bound for " + decoded + "/21");
            assertEquals(WILSON_OF_21[decoded][1], ci.get(1), 1e-9, "upper bound for " + decoded + "/21");
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
