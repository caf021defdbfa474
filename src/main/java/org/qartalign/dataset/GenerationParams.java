package org.qartalign.dataset;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The knobs a QR-art generator exposes, playing ControlNet's role for our procedural renderer, and what the picture
 * did to the code the way SD + QR-ControlNet images do it (the failure modes that break phones).
 *
 * @param strength how strongly the QR pattern shows (ControlNet conditioning scale), about 0.5-2.0
 * @param guidanceStart share of the "denoising" before the pattern starts to govern (later start = weaker pattern)
 * @param guidanceEnd share after which the pattern stops governing (earlier end = softer modules, free regions)
 * @param seed the seed every random choice of the picture derives from
 * @param finder how the three finder patterns came out
 * @param quietZone what happened to the 4-module light margin
 * @param textureHiding 0-1: amplitude of module-sized picture texture laid over part of the code (0 = none)
 * @param contrast whether dark and light modules differ in luminance or mostly in hue
 * @param modules whether modules stay squares or neighbours merge into larger shapes
 */
public record GenerationParams(double strength, double guidanceStart, double guidanceEnd, long seed,
                               Finder finder, QuietZone quietZone, double textureHiding, Contrast contrast,
                               Modules modules) {
    public static final String RENDERER = "qart-procedural-2";

    /** Finder patterns: kept square, restyled (rounded, drawn as rings), or with picture content in their centre. */
    public enum Finder { SQUARE, RESTYLED, PICTURE_INSIDE }

    /** Quiet zone: left light, painted over by the picture, or the picture runs to the edge with the pattern. */
    public enum QuietZone { CLEAN, PAINTED, FULL_BLEED }

    /** What carries the module contrast. */
    public enum Contrast { LUMINANCE, HUE }

    /** Module shapes. */
    public enum Modules { SQUARE, MERGED }

    public GenerationParams {
        if (!(strength > 0) || guidanceStart < 0 || guidanceEnd > 1 || guidanceStart >= guidanceEnd) {
            throw new IllegalArgumentException("bad generation parameters: strength=" + strength
                    + " guidance_start=" + guidanceStart + " guidance_end=" + guidanceEnd);
        }
        if (!(textureHiding >= 0 && textureHiding <= 1)) {
            throw new IllegalArgumentException("bad generation parameters: texture_hiding=" + textureHiding
                    + ", expected 0-1");
        }
        if (finder == null || quietZone == null || contrast == null || modules == null) {
            throw new IllegalArgumentException("bad generation parameters: a failure mode is missing");
        }
    }

    /** A code with none of the failure modes: square finders, clean quiet zone, luminance contrast, square modules. */
    public GenerationParams(double strength, double guidanceStart, double guidanceEnd, long seed) {
        this(strength, guidanceStart, guidanceEnd, seed, Finder.SQUARE, QuietZone.CLEAN, 0, Contrast.LUMINANCE,
                Modules.SQUARE);
    }

    /**
     * Parameters drawn the way users of ControlNet QR models tune them (a wide strength range, mostly full
     * guidance), with each failure mode in the share we expect of such outputs: finders restyled 25% and with
     * picture content inside 10%; quiet zone painted 25% and full-bleed 15%; modules hidden in texture 35%; hue
     * contrast 15%; merged modules 25%. The shares are our estimate from published QR-ControlNet galleries, not a
     * measurement.
     */
    public static GenerationParams sample(SplittableRandom random) {
        double strength = round2(0.5 + 1.5 * random.nextDouble());
        double start = random.nextInt(100) < 60 ? 0.0 : round2(0.4 * random.nextDouble());
        double end = random.nextInt(100) < 40 ? 1.0 : round2(0.6 + 0.4 * random.nextDouble());
        if (end - start < 0.2) {
            end = round2(Math.min(1.0, start + 0.2));
        }
        long seed = random.nextLong() & Long.MAX_VALUE;
        int f = random.nextInt(100);
        Finder finder = f < 65 ? Finder.SQUARE : f < 90 ? Finder.RESTYLED : Finder.PICTURE_INSIDE;
        int q = random.nextInt(100);
        QuietZone quiet = q < 60 ? QuietZone.CLEAN : q < 85 ? QuietZone.PAINTED : QuietZone.FULL_BLEED;
        double texture = random.nextInt(100) < 65 ? 0.0 : round2(0.2 + 0.8 * random.nextDouble());
        Contrast contrast = random.nextInt(100) < 15 ? Contrast.HUE : Contrast.LUMINANCE;
        Modules modules = random.nextInt(100) < 25 ? Modules.MERGED : Modules.SQUARE;
        return new GenerationParams(strength, start, end, seed, finder, quiet, texture, contrast, modules);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strength", strength);
        m.put("guidance_start", guidanceStart);
        m.put("guidance_end", guidanceEnd);
        m.put("seed", seed);
        m.put("finder", key(finder));
        m.put("quiet_zone", key(quietZone));
        m.put("texture_hiding", textureHiding);
        m.put("contrast", key(contrast));
        m.put("modules", key(modules));
        m.put("renderer", RENDERER);
        return m;
    }

    /** Reads the parameters back from stored JSON; missing values take ControlNet's defaults and no failure mode. */
    public static GenerationParams fromMap(Map<String, Object> m) {
        return new GenerationParams(number(m, "strength", 1.0), number(m, "guidance_start", 0.0),
                number(m, "guidance_end", 1.0), (long) number(m, "seed", 0),
                choice(m, "finder", Finder.SQUARE), choice(m, "quiet_zone", QuietZone.CLEAN),
                number(m, "texture_hiding", 0), choice(m, "contrast", Contrast.LUMINANCE),
                choice(m, "modules", Modules.SQUARE));
    }

    /** The failure modes this code shows, as "param=value" keys (empty for a code with none). */
    public java.util.List<String> failureModes() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (finder != Finder.SQUARE) {
            out.add("finder=" + key(finder));
        }
        if (quietZone != QuietZone.CLEAN) {
            out.add("quiet_zone=" + key(quietZone));
        }
        if (textureHiding > 0) {
            out.add("texture_hiding>0");
        }
        if (contrast != Contrast.LUMINANCE) {
            out.add("contrast=" + key(contrast));
        }
        if (modules != Modules.SQUARE) {
            out.add("modules=" + key(modules));
        }
        return out;
    }

    static String key(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E choice(Map<String, Object> m, String key, E fallback) {
        if (!(m.get(key) instanceof String s)) {
            return fallback;
        }
        try {
            return Enum.valueOf(fallback.getDeclaringClass(), s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("params." + key + " is '" + s + "', expected one of "
                    + java.util.Arrays.stream(fallback.getDeclaringClass().getEnumConstants()).map(GenerationParams::key)
                    .toList(), e);
        }
    }

    private static double number(Map<String, Object> m, String key, double fallback) {
        return m.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
