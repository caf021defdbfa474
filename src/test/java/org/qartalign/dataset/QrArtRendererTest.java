package org.qartalign.dataset;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QrArtRendererTest {
    private final QrArtRenderer renderer = new QrArtRenderer();

    @Test
    void theSameSeedGivesTheSamePixelsAndAnotherSeedDifferentOnes() {
        String url = "https://www.lumenart.io/events?utm_source=poster";
        String prompt = "a lighthouse at dusk, ukiyo-e woodblock print";
        BufferedImage a = renderer.render(url, prompt, new GenerationParams(1.2, 0.1, 0.9, 7));
        BufferedImage b = renderer.render(url, prompt, new GenerationParams(1.2, 0.1, 0.9, 7));
        BufferedImage c = renderer.render(url, prompt, new GenerationParams(1.2, 0.1, 0.9, 8));
        assertArrayEquals(pixels(a), pixels(b));
        assertFalse(Arrays.equals(pixels(a), pixels(c)));
        assertArrayEquals(PngWriter.encode(a), PngWriter.encode(b));
    }

    @Test
    void theImageHasWholeModulesAQuietZoneAndAPhoneFriendlySize() {
        for (String url : new String[] {"https://t.co/aB3", "https://www.example.com/" + "x".repeat(150)}) {
            int modules = QrArtRenderer.modules(url).length + 2 * QrArtRenderer.QUIET_MODULES;
            BufferedImage img = renderer.render(url, "a koi pond", new GenerationParams(1.5, 0, 1, 1));
            assertEquals(0, img.getWidth() % modules, "whole pixels per module");
            assertTrue(img.getWidth() >= 440 && img.getWidth() <= 768, "size " + img.getWidth());
        }
    }

    @Test
    void theGeneratorsAreDeterministicAndVaryUrlLength() {
        SplittableRandom a = new SplittableRandom(3);
        SplittableRandom b = new SplittableRandom(3);
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        for (int i = 0; i < 200; i++) {
            String url = UrlGenerator.url(a);
            assertEquals(url, UrlGenerator.url(b));
            assertEquals(PromptGenerator.prompt(a), PromptGenerator.prompt(b));
            shortest = Math.min(shortest, url.length());
            longest = Math.max(longest, url.length());
        }
        assertTrue(shortest < 30 && longest > 90, "URL lengths " + shortest + "-" + longest);
    }

    /**
     * The black-box spread: 80 codes, 20 per strength quarter, other parameters drawn as the demo draws them,
     * decoded by ZXing with TRY_HARDER. A share decodes, a share never does, and stronger codes decode more often.
     */
    @Test
    void theParameterSpaceGivesDecodableBorderlineAndUnreadableCodesAndStrengthHelps() {
        SplittableRandom r = new SplittableRandom(2024);
        int perBin = 20;
        int[] decoded = new int[4];
        for (int bin = 0; bin < 4; bin++) {
            for (int i = 0; i < perBin; i++) {
                GenerationParams drawn = GenerationParams.sample(r);
                double strength = 0.5 + 0.375 * (bin + r.nextDouble());
                GenerationParams p = new GenerationParams(strength, drawn.guidanceStart(), drawn.guidanceEnd(), drawn.seed());
                String url = UrlGenerator.url(r);
                BufferedImage img = renderer.render(url, PromptGenerator.prompt(r), p);
                if (url.equals(decode(img))) {
                    decoded[bin]++;
                }
            }
        }
        int total = Arrays.stream(decoded).sum();
        System.out.printf("decoded per strength quarter (of %d each): %s; total %d/80%n", perBin,
                Arrays.toString(decoded), total);
        assertTrue(total >= 20 && total <= 64, "a realistic share decodes: " + total + "/80");
        assertTrue(decoded[0] <= 6, "weak codes rarely decode: " + decoded[0]);
        assertTrue(decoded[3] >= 12, "strong codes mostly decode: " + decoded[3]);
        assertTrue(decoded[0] < decoded[1] && decoded[1] <= decoded[3], "decode rate rises with strength");
    }

    static String decode(BufferedImage img) {
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (Exception e) {
            return null;
        }
    }

    private static int[] pixels(BufferedImage img) {
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }
}
