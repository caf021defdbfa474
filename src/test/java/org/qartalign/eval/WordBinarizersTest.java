package org.qartalign.eval;

import com.google.zxing.Binarizer;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The word-wise binarizers must give exactly ZXing's matrices (or ZXing's "not found") on every image. */
class WordBinarizersTest {
    @Test
    void sameMatricesAsZxingOnThePhotosOfTheBlackBoxCorpus() throws IOException {
        Path folder = Path.of(URI.create(getClass().getResource("/zxing-blackbox/README.md").toString())).getParent();
        List<ImageCorpus.Entry> corpus = ImageCorpus.load(List.of(folder));
        assertEquals(97, corpus.size());
        for (ImageCorpus.Entry e : corpus) {
            assertSameAsZxing(GrayImage.of(org.qartalign.core.CodeImages.read(e.image())), e.image().toString());
        }
    }

    @Test
    void sameMatricesAsZxingOnTheStandardCapturesOfArtCodes() {
        CaptureRenderer renderer = new CaptureRenderer();
        int images = 0;
        for (int seed = 0; seed < 6; seed++) {
            GrayImage code = GrayImage.of(SyntheticArtCodes.art("https://example.org/q/" + seed, 0.35 + 0.13 * seed,
                    seed, 6));
            List<GrayImage> pyramid = CaptureRenderer.pyramid(code.downscaledTo(448), 136);
            for (Capture c : CaptureSet.STANDARD.captures()) {
                assertSameAsZxing(renderer.render(pyramid, c), "seed " + seed + " capture " + c);
                images++;
            }
        }
        assertEquals(120, images);
    }

    /**
     * Sizes around the block size and the hybrid minimum of 40 (where ZXing falls back to the global method),
     * sides that are not multiples of 8 or 32 (where the last block overlaps the one before it), noise, ramps and
     * flat images (too little contrast: both must say "not found").
     */
    @Test
    void sameMatricesAsZxingOnOddSizesAndFlatImages() {
        Random rnd = new Random(5);
        int[] sides = {1, 2, 7, 8, 9, 31, 32, 33, 39, 40, 41, 47, 63, 64, 65, 95, 97, 100, 129, 177, 229, 291};
        int cases = 0;
        for (int w : sides) {
            for (int h : sides) {
                if ((w * 7 + h) % 3 != 0 && w != h) {
                    continue;
                }
                for (int kind = 0; kind < 4; kind++) {
                    byte[] px = new byte[w * h];
                    for (int i = 0; i < px.length; i++) {
                        int x = i % w;
                        int y = i / w;
                        int v = switch (kind) {
                            case 0 -> rnd.nextInt(256);
                            case 1 -> (x * 255 / Math.max(1, w - 1) + y * 3) & 0xff;
                            case 2 -> 120 + rnd.nextInt(10);
                            default -> ((x / 5 + y / 3) % 2 == 0 ? 20 : 230) + rnd.nextInt(20);
                        };
                        px[i] = (byte) v;
                    }
                    assertSameAsZxing(new GrayImage(w, h, px), w + "x" + h + " kind " + kind);
                    cases++;
                }
            }
        }
        assertTrue(cases > 300, "cases " + cases);
    }

    private static void assertSameAsZxing(GrayImage g, String what) {
        LuminanceSource s = new PlanarYUVLuminanceSource(g.pixels(), g.width(), g.height(), 0, 0, g.width(),
                g.height(), false);
        compare(s, HybridBinarizer::new, WordBinarizers::hybrid, "hybrid, " + what);
        compare(s, GlobalHistogramBinarizer::new, WordBinarizers::global, "global, " + what);
    }

    private static void compare(LuminanceSource s, Function<LuminanceSource, Binarizer> zxing,
                                Function<LuminanceSource, Binarizer> ours, String what) {
        BitMatrix expected = matrixOrNull(zxing.apply(s));
        BitMatrix actual = matrixOrNull(ours.apply(s));
        if (expected == null || actual == null) {
            assertEquals(expected == null, actual == null, what + ": ZXing's matrix " + (expected == null ? "not found"
                    : "found") + ", ours " + (actual == null ? "not found" : "found"));
            return;
        }
        if (!expected.equals(actual)) {
            for (int y = 0; y < expected.getHeight(); y++) {
                for (int x = 0; x < expected.getWidth(); x++) {
                    if (expected.get(x, y) != actual.get(x, y)) {
                        fail(what + ": first differing bit at " + x + "," + y);
                    }
                }
            }
            fail(what + ": matrices differ outside the image (padding bits)");
        }
    }

    private static BitMatrix matrixOrNull(Binarizer b) {
        try {
            return b.getBlackMatrix();
        } catch (NotFoundException e) {
            return null;
        }
    }
}
