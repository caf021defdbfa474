package org.qartalign.eval;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Black-box tests in ZXing's style (AbstractBlackBoxTestCase) over real phone photographs from ZXing's corpus:
 * an expected text per image, a pass threshold, zero misreads, a printed tally. The corpus is a test resource
 * (src/test/resources/zxing-blackbox, Apache-2.0, its LICENSE and NOTICE beside it), so a fresh clone runs it.
 */
class ZxingBlackBoxTest {
    /** Measured 92 of 97 (docs/README-scan-eval.md); ZXing's own tests keep a similar small margin. */
    private static final int PLAIN_MIN_PASSED = 90;

    private static List<ImageCorpus.Entry> corpus;

    @BeforeAll
    static void load() throws IOException {
        URL resource = ZxingBlackBoxTest.class.getResource("/zxing-blackbox/README.md");
        assertNotNull(resource, "black-box corpus missing from the test resources (src/test/resources/zxing-blackbox)");
        Path folder = Path.of(URI.create(resource.toString())).getParent();
        assertTrue(Files.isDirectory(folder), "black-box corpus not found at " + folder.toAbsolutePath());
        corpus = ImageCorpus.load(List.of(folder));
        assertEquals(97, corpus.size(), "images with an expected .txt in " + folder);
    }

    @Test
    void plainDecodeReadsMostPhotosAndNeverMisreads() {
        DecoderCheck.Tally t = DecoderCheck.run(new PlainScanEvaluator(DecoderSettings.THOROUGH,
                PayloadMatch.NORMALISED_LINE_ENDINGS), corpus);
        print(t);
        assertEquals(0, t.misread(), "misreads");
        assertTrue(t.correct() >= PLAIN_MIN_PASSED, "passed " + t.correct() + " < " + PLAIN_MIN_PASSED);
        assertNoWrongTextCountedAsScan(t, corpus);
    }

    @Test
    void robustEvalDecodesUnderSomeCaptureEveryPhotoThePlainDecodeReads() {
        List<ImageCorpus.Entry> sample = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i += 5) {
            sample.add(corpus.get(i));
        }
        DecoderCheck.Tally plain = DecoderCheck.run(new PlainScanEvaluator(DecoderSettings.THOROUGH,
                PayloadMatch.NORMALISED_LINE_ENDINGS), sample);
        DecoderCheck.Tally robust = DecoderCheck.run(new RobustScanEvaluator(CaptureSet.STANDARD,
                DecoderSettings.THOROUGH, RobustScanEvaluator.CAPTURE_DECODER, PayloadMatch.NORMALISED_LINE_ENDINGS), sample);
        print(plain);
        print(robust);
        assertTrue(robust.atLeastOneCapture() >= plain.correct(),
                "robust >=1 capture " + robust.atLeastOneCapture() + " < plain " + plain.correct());
        for (int i = 0; i < sample.size(); i++) {
            if (plain.outcomes().get(i).outcome() == ScanOutcome.SCANNED) {
                assertTrue(robust.outcomes().get(i).anyCapture(), "plain reads but no capture does: " + sample.get(i).image());
            }
        }
        assertNoWrongTextCountedAsScan(robust, sample);
    }

    /** A scan probability above zero must come from the exact expected text, whatever else was decoded. */
    private static void assertNoWrongTextCountedAsScan(DecoderCheck.Tally t, List<ImageCorpus.Entry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            DecoderCheck.ImageOutcome o = t.outcomes().get(i);
            if (o.scanProbability() > 0) {
                assertEquals(PayloadMatch.normalise(entries.get(i).expected()), PayloadMatch.normalise(o.decoded()),
                        o.image() + " counted as scanned");
            }
        }
    }

    private static void print(DecoderCheck.Tally t) {
        System.out.printf("%s v%s: %d images, %d passed, %d misread, %d not decoded, >=1 capture %s, mean p %.3f%n",
                t.evaluator(), t.version(), t.images(), t.correct(), t.misread(), t.notDecoded(),
                t.atLeastOneCapture(), t.meanScanProbability());
    }
}
