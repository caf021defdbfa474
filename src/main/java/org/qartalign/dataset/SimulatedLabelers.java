package org.qartalign.dataset;

import org.qartalign.core.FailureReason;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Three simulated labelers so dashboards and training can be shown before any human labels exist. Their answers
 * are stored with labeler.simulated = 1 and the label flag {@code simulated}, under names starting "sim-".
 * Scan answers come from {@link CaptureSimulation} with the labeler's phone, then a small per-labeler error rate
 * flips the answer. Aesthetic scores follow {@link #latentAesthetic}, plus the labeler's bias and noise.
 */
public final class SimulatedLabelers {
    /** One simulated labeler: phone, how often they press the wrong scan key, score bias and score noise. */
    public record Persona(String name, CaptureSimulation.Phone phone, double errorRate, double bias, double noise) {
    }

    public static final List<Persona> PERSONAS = List.of(
            new Persona("sim-ana", new CaptureSimulation.Phone("simulated iPhone 15", 0.9), 0.02, 0.3, 0.55),
            new Persona("sim-ben", new CaptureSimulation.Phone("simulated Pixel 7", 0.75), 0.04, -0.4, 0.75),
            new Persona("sim-chen", new CaptureSimulation.Phone("simulated Galaxy A14", 0.6), 0.03, 0.0, 0.6));

    /** Share of codes every simulated labeler sees, so inter-rater agreement can be measured. */
    public static final double ALL_THREE = 0.25;
    /** Share of codes seen by exactly two; the rest are seen by one. */
    public static final double EXACTLY_TWO = 0.35;

    private SimulatedLabelers() {
    }

    /** One labeler's answer for one code, before timings are laid out. */
    public record Answer(int persona, boolean scanned, FailureReason reason, int attempts, int aesthetic) {
    }

    /** Which personas label a code: all three for {@link #ALL_THREE} of codes, two or one for the rest. */
    public static int[] assignees(SplittableRandom r) {
        double u = r.nextDouble();
        int n = PERSONAS.size();
        if (u < ALL_THREE) {
            return new int[] {0, 1, 2};
        }
        int first = r.nextInt(n);
        if (u < ALL_THREE + EXACTLY_TWO) {
            return new int[] {first, (first + 1 + r.nextInt(n - 1)) % n};
        }
        return new int[] {first};
    }

    /**
     * The documented "true" beauty of a code on the 1-5 scale, before labeler bias and noise:
     * {@code 3.1 - 1.2 (strength - 1.25) + 2.5 (colourfulness - 0.3) + 0.8 (1 - guidance_end) + 0.5 guidance_start},
     * where colourfulness is Hasler and Suesstrunk's metric divided by 100. A weaker, later and shorter pattern and a
     * more colourful picture look better.
     */
    public static double latentAesthetic(GenerationParams p, double colourfulness) {
        return 3.1 - 1.2 * (p.strength() - 1.25) + 2.5 * (colourfulness - 0.3) + 0.8 * (1 - p.guidanceEnd())
                + 0.5 * p.guidanceStart();
    }

    /** Hasler and Suesstrunk (2003) colourfulness M / 100, on every fourth pixel in each direction. */
    public static double colourfulness(BufferedImage img) {
        double sumRg = 0;
        double sumYb = 0;
        double sqRg = 0;
        double sqYb = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                int p = img.getRGB(x, y);
                int r = (p >> 16) & 0xff;
                int g = (p >> 8) & 0xff;
                int b = p & 0xff;
                double rg = r - g;
                double yb = 0.5 * (r + g) - b;
                sumRg += rg;
                sumYb += yb;
                sqRg += rg * rg;
                sqYb += yb * yb;
                n++;
            }
        }
        double mRg = sumRg / n;
        double mYb = sumYb / n;
        double sdRg = Math.sqrt(Math.max(0, sqRg / n - mRg * mRg));
        double sdYb = Math.sqrt(Math.max(0, sqYb / n - mYb * mYb));
        return (Math.sqrt(sdRg * sdRg + sdYb * sdYb) + 0.3 * Math.sqrt(mRg * mRg + mYb * mYb)) / 100;
    }

    /** The answer of persona {@code index} for a code, deterministic from the random source. */
    public static Answer answer(int index, CaptureSimulation capture, GenerationParams params, double colourfulness,
                                SplittableRandom r) {
        Persona who = PERSONAS.get(index);
        CaptureSimulation.Capture c = capture.scan(who.phone(), r);
        boolean scanned = c.scanned();
        FailureReason reason = c.reason();
        if (r.nextDouble() < who.errorRate()) {
            scanned = !scanned;
            reason = null;
        } else if (!scanned && reason != FailureReason.MANY_TRIES && r.nextDouble() < 0.3) {
            reason = null;
        }
        double score = latentAesthetic(params, colourfulness) + who.bias() + who.noise() * r.nextGaussian();
        int aesthetic = (int) Math.max(1, Math.min(5, Math.round(score)));
        return new Answer(index, scanned, reason, c.attempts(), aesthetic);
    }
}
