package org.qartalign.dataset;

import org.qartalign.core.FailureReason;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Three simulated labelers so dashboards and training can be shown before any human labels exist. Their answers
 * are stored with labeler.simulated = 1 and the label flag {@code simulated}, under names starting "sim-".
 * They answer from what the renderer knows about each code ({@link Scannability}, the latent aesthetic), never by
 * decoding the image: no QR reader and no evaluator's code is on their path (an ArchUnit rule keeps it so). Their
 * agreement with an eval therefore shows the screens working; it is no evidence of the eval's quality.
 */
public final class SimulatedLabelers {
    /**
     * A simulated handset and scanner app.
     *
     * @param moduleNoise standard deviation of the luminance error with which it reads a module (0-1 scale)
     * @param finderNeed share of each finder box that must read right for it to lock on
     * @param quietNeed share of the margin around the code that must read light for it to find the code easily
     * @param minContrast luminance contrast below which it sees no code at all
     */
    public record Phone(String model, double moduleNoise, double finderNeed, double quietNeed, double minContrast) {
    }

    /** One simulated labeler: phone, how often they press the wrong scan key, score bias and score noise. */
    public record Persona(String name, Phone phone, double errorRate, double bias, double noise) {
    }

    public static final List<Persona> PERSONAS = List.of(
            new Persona("sim-ana", new Phone("simulated iPhone 15", 0.035, 0.70, 0.55, 0.07), 0.02, 0.3, 0.55),
            new Persona("sim-ben", new Phone("simulated Pixel 7", 0.05, 0.78, 0.70, 0.10), 0.04, -0.4, 0.75),
            new Persona("sim-chen", new Phone("simulated Galaxy A14", 0.075, 0.85, 0.80, 0.14), 0.03, 0.0, 0.6));

    /** Share of codes every simulated labeler sees, so inter-rater agreement can be measured. */
    public static final double ALL_THREE = 0.25;
    /** Share of codes seen by exactly two; the rest are seen by one. */
    public static final double EXACTLY_TWO = 0.35;
    /** Share of a QR code's codewords error correction level H restores. */
    static final double EC_CAPACITY_H = 0.30;

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
     * Chance that one attempt of {@code phone} opens the code: it must see contrast, find the code in its margin,
     * lock on all three finders, then read few enough codewords wrong for level H to correct. {@code situation}
     * (N(0, 1) per person and code: light, distance, hand) shifts the finder need and the read noise; each attempt
     * after the first moves closer and reads with 15% less noise.
     */
    public static double attemptChance(Phone phone, Scannability s, int attempt, double situation) {
        double contrast = phi((s.lumaContrast() - phone.minContrast()) / 0.03);
        double margin = 0.2 + 0.8 * phi((s.quietIntegrity() - phone.quietNeed()) / 0.12);
        double finders = phi((s.weakestFinder() - phone.finderNeed() + 0.03 * situation) / 0.05);
        double sigma = Math.max(0.01, phone.moduleNoise() * (1 + 0.25 * situation) * (1 - 0.15 * (attempt - 1)));
        double bitErrors = 0;
        for (float m : s.dataMargins()) {
            bitErrors += phi(-m / sigma);
        }
        bitErrors /= Math.max(1, s.dataMargins().length);
        double codewordErrors = 1 - Math.pow(1 - bitErrors, 8);
        double corrected = phi((EC_CAPACITY_H - codewordErrors) / 0.04);
        return contrast * margin * finders * corrected;
    }

    /** The answer of persona {@code index} for a drawn code, deterministic from the random source. */
    public static Answer answer(int index, Scannability s, double latentAesthetic, SplittableRandom r) {
        Persona who = PERSONAS.get(index);
        double situation = r.nextGaussian();
        int success = 0;
        for (int attempt = 1; attempt <= 3 && success == 0; attempt++) {
            if (r.nextDouble() < attemptChance(who.phone(), s, attempt, situation)) {
                success = attempt;
            }
        }
        boolean scanned = success == 1 || success == 2;
        FailureReason reason = scanned ? null : success == 3 ? FailureReason.MANY_TRIES
                : r.nextDouble() < 0.03 ? FailureReason.WRONG_URL : FailureReason.NO_DETECTION;
        if (r.nextDouble() < who.errorRate()) {
            scanned = !scanned;
            reason = null;
        } else if (!scanned && reason != FailureReason.MANY_TRIES && r.nextDouble() < 0.3) {
            reason = null;
        }
        double score = latentAesthetic + who.bias() + who.noise() * r.nextGaussian();
        int aesthetic = (int) Math.max(1, Math.min(5, Math.round(score)));
        return new Answer(index, scanned, reason, success == 0 ? 3 : success, aesthetic);
    }

    /** Standard normal CDF (Abramowitz and Stegun 7.1.26 for erf, error below 1.5e-7). */
    static double phi(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                + 0.254829592) * t * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
