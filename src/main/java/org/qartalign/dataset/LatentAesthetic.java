package org.qartalign.dataset;

import java.util.SplittableRandom;

/**
 * How good a demo code "really" looks on the 1-5 scale, known to the renderer from its own picture decisions (not
 * measured on the pixels, and never from an evaluator's features): the less of the QR pattern shows, the better;
 * palettes chosen by the prompt's words and recognisable motifs help; each way of hiding the code in the picture
 * (restyled finders, painted margin, texture, hue contrast, merged shapes) looks more like art; plus the picture's
 * own appeal, a seeded N(0, 0.35). Simulated people add their bias and noise.
 */
final class LatentAesthetic {
    private LatentAesthetic() {
    }

    /** @param visibility the pattern's mean pull over the code, 0-0.92 */
    static double of(GenerationParams p, PictureLook look, double visibility, SplittableRandom random) {
        double v = 3.0 - 2.6 * (visibility - 0.4);
        v += look.paletteFromWords ? 0.2 : -0.1;
        v += 0.15 * Math.min(2, look.motifs.size()) - (look.motifs.contains("blobs") ? 0.2 : 0);
        v += p.finder() != GenerationParams.Finder.SQUARE ? 0.25 : 0;
        v += switch (p.quietZone()) {
            case CLEAN -> 0;
            case PAINTED -> 0.25;
            case FULL_BLEED -> 0.45;
        };
        v += 0.4 * p.textureHiding();
        v += p.contrast() == GenerationParams.Contrast.HUE ? 0.3 : 0;
        v += p.modules() == GenerationParams.Modules.MERGED ? 0.2 : 0;
        return v + 0.35 * random.nextGaussian();
    }
}
