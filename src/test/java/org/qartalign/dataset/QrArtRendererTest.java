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
     * The black-box spread: 80 codes without failure modes, 20 per strength quarter, guidance drawn as the demo draws
     * it, decoded by ZXing with TRY_HARDER. A share decodes, a share never does, and stronger codes decode more often.
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
                assertTrue(p.failureModes().isEmpty());
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

    /**
     * Each failure mode, drawn on the same strong code, lowers what the renderer knows about its scannability in
     * the way that mode works: restyled or filled finders lower the weakest finder's integrity, a painted or
     * full-bleed margin the quiet zone's, hue contrast the luminance contrast, and texture and merging move data
     * modules towards the wrong colour. The simulated mid-range phone's chance drops with each.
     */
    @Test
    void eachFailureModeDamagesWhatItShouldAndLowersTheSimulatedPhonesChance() {
        String url = "https://www.lumenart.io/events?utm_source=poster";
        String prompt = "a lighthouse at dusk, ukiyo-e woodblock print";
        GenerationParams clean = new GenerationParams(1.8, 0, 1, 7);
        Scannability base = renderer.draw(url, prompt, clean).scannability();
        SimulatedLabelers.Phone phone = SimulatedLabelers.PERSONAS.get(1).phone();
        double baseChance = SimulatedLabelers.attemptChance(phone, base, 1, 0);
        assertTrue(base.weakestFinder() == 1.0 && base.quietIntegrity() == 1.0 && base.lumaContrast() > 0.5
                && baseChance > 0.95, "a strong clean code scans: " + baseChance);

        Scannability restyled = draw(url, prompt, clean, GenerationParams.Finder.RESTYLED, GenerationParams.QuietZone.CLEAN, 0,
                GenerationParams.Contrast.LUMINANCE, GenerationParams.Modules.SQUARE);
        Scannability inside = draw(url, prompt, clean, GenerationParams.Finder.PICTURE_INSIDE, GenerationParams.QuietZone.CLEAN, 0,
                GenerationParams.Contrast.LUMINANCE, GenerationParams.Modules.SQUARE);
        Scannability painted = draw(url, prompt, clean, GenerationParams.Finder.SQUARE, GenerationParams.QuietZone.PAINTED, 0,
                GenerationParams.Contrast.LUMINANCE, GenerationParams.Modules.SQUARE);
        Scannability bleed = draw(url, prompt, clean, GenerationParams.Finder.SQUARE, GenerationParams.QuietZone.FULL_BLEED, 0,
                GenerationParams.Contrast.LUMINANCE, GenerationParams.Modules.SQUARE);
        Scannability hue = draw(url, prompt, clean, GenerationParams.Finder.SQUARE, GenerationParams.QuietZone.CLEAN, 0,
                GenerationParams.Contrast.HUE, GenerationParams.Modules.SQUARE);
        Scannability texture = draw(url, prompt, clean, GenerationParams.Finder.SQUARE, GenerationParams.QuietZone.CLEAN, 1,
                GenerationParams.Contrast.LUMINANCE, GenerationParams.Modules.SQUARE);
        Scannability merged = draw(url, prompt, clean, GenerationParams.Finder.SQUARE, GenerationParams.QuietZone.CLEAN, 0,
                GenerationParams.Contrast.LUMINANCE, GenerationParams.Modules.MERGED);

        assertTrue(restyled.weakestFinder() < 0.97 && inside.weakestFinder() < 0.97, "finders damaged");
        assertTrue(painted.quietIntegrity() < 0.9 && bleed.quietIntegrity() < 0.9, "quiet zone damaged");
        assertTrue(hue.lumaContrast() < 0.4, "hue carries the contrast: " + hue.lumaContrast());
        assertTrue(merged.mergedShare() > 0 && base.mergedShare() == 0);
        assertTrue(wrongShare(texture) > wrongShare(base) && wrongShare(merged) > wrongShare(base),
                "texture and merging flip modules: " + wrongShare(texture) + ", " + wrongShare(merged));
        for (Scannability s : new Scannability[] {restyled, inside, painted, bleed, hue, texture, merged}) {
            assertTrue(SimulatedLabelers.attemptChance(phone, s, 1, 0) < baseChance);
        }
    }

    private Scannability draw(String url, String prompt, GenerationParams p, GenerationParams.Finder f,
                              GenerationParams.QuietZone q, double texture, GenerationParams.Contrast c,
                              GenerationParams.Modules m) {
        return renderer.draw(url, prompt, new GenerationParams(p.strength(), p.guidanceStart(), p.guidanceEnd(),
                p.seed(), f, q, texture, c, m)).scannability();
    }

    private static double wrongShare(Scannability s) {
        int wrong = 0;
        for (float m : s.dataMargins()) {
            wrong += m < 0.02 ? 1 : 0;
        }
        return wrong / (double) s.dataMargins().length;
    }

    /** The default seed's 2,000 codes show every failure mode near its documented share (GenerationParams.sample). */
    @Test
    void theDefaultSeedShowsEachFailureModeInItsShare() {
        SplittableRandom master = new SplittableRandom(42);
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < 2000; i++) {
            PromptGenerator.prompt(master);
            UrlGenerator.url(master);
            GenerationParams.sample(master).failureModes().forEach(m -> counts.merge(m, 1, Integer::sum));
        }
        Map<String, Double> expected = Map.of("finder=restyled", 0.25, "finder=picture_inside", 0.10,
                "quiet_zone=painted", 0.25, "quiet_zone=full_bleed", 0.15, "texture_hiding>0", 0.35,
                "contrast=hue", 0.15, "modules=merged", 0.25);
        expected.forEach((mode, share) -> {
            double seen = counts.getOrDefault(mode, 0) / 2000.0;
            assertTrue(Math.abs(seen - share) < 0.03, mode + ": " + seen + " vs " + share);
        });
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
