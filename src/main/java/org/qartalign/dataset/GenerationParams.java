package org.qartalign.dataset;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The knobs a QR-art generator exposes, playing ControlNet's role for our procedural renderer.
 *
 * @param strength how strongly the QR pattern shows (ControlNet conditioning scale), about 0.5-2.0
 * @param guidanceStart share of the "denoising" before the pattern starts to govern (later start = weaker pattern)
 * @param guidanceEnd share after which the pattern stops governing (earlier end = softer modules, free regions)
 * @param seed the seed every random choice of the picture derives from
 */
public record GenerationParams(double strength, double guidanceStart, double guidanceEnd, long seed) {
    public static final String RENDERER = "qart-procedural-1";

    public GenerationParams {
        if (!(strength > 0) || guidanceStart < 0 || guidanceEnd > 1 || guidanceStart >= guidanceEnd) {
            throw new IllegalArgumentException("bad generation parameters: strength=" + strength
                    + " guidance_start=" + guidanceStart + " guidance_end=" + guidanceEnd);
        }
    }

    /** Parameters drawn the way users of ControlNet QR models tune them: a wide strength range, mostly full guidance. */
    public static GenerationParams sample(SplittableRandom random) {
        double strength = round2(0.5 + 1.5 * random.nextDouble());
        double start = random.nextInt(100) < 60 ? 0.0 : round2(0.4 * random.nextDouble());
        double end = random.nextInt(100) < 40 ? 1.0 : round2(0.6 + 0.4 * random.nextDouble());
        if (end - start < 0.2) {
            end = round2(Math.min(1.0, start + 0.2));
        }
        return new GenerationParams(strength, start, end, random.nextLong() & Long.MAX_VALUE);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strength", strength);
        m.put("guidance_start", guidanceStart);
        m.put("guidance_end", guidanceEnd);
        m.put("seed", seed);
        m.put("renderer", RENDERER);
        return m;
    }

    /** Reads the parameters back from stored JSON; missing guidance values take ControlNet's defaults 0 and 1. */
    public static GenerationParams fromMap(Map<String, Object> m) {
        return new GenerationParams(number(m, "strength", 1.0), number(m, "guidance_start", 0.0),
                number(m, "guidance_end", 1.0), (long) number(m, "seed", 0));
    }

    private static double number(Map<String, Object> m, String key, double fallback) {
        return m.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
