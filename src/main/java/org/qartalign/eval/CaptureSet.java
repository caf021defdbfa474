package org.qartalign.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A fixed, seeded list of simulated phone captures. Each capture stresses one kind of perturbation at a
 * severity from that kind's evenly spaced ladder, on top of mild everyday ones (small tilt and rotation, slight
 * noise, light fall-off), so the share of captures a code survives grades how robust it is. The version names
 * the whole set: change anything here, change it.
 */
public record CaptureSet(String version, long seed, List<Capture> captures) {
    private static final List<PerturbationKind> STRESSED = List.of(PerturbationKind.DEFOCUS,
            PerturbationKind.MOTION_BLUR, PerturbationKind.TILT, PerturbationKind.UNEVEN_LIGHT,
            PerturbationKind.LOW_CONTRAST, PerturbationKind.NOISE, PerturbationKind.JPEG);

    /** The capture set of zxing-robust; its figures are in docs/README-scan-eval.md. */
    public static final CaptureSet STANDARD = generate("c1", 20261126L, 20, new int[]{136, 176, 224}, 1.3);

    public CaptureSet {
        captures = List.copyOf(captures);
    }

    public int size() {
        return captures.size();
    }

    /**
     * Builds a capture set.
     *
     * @param codeSizes sides in frame pixels the code is shown at, cycled through
     * @param frameRatio frame side over code side
     */
    public static CaptureSet generate(String version, long seed, int count, int[] codeSizes, double frameRatio) {
        if (count < 1 || codeSizes.length == 0) {
            throw new IllegalArgumentException("a capture set needs at least one capture and one size");
        }
        Random rnd = new Random(seed);
        int[] perKind = new int[STRESSED.size()];
        for (int i = 0; i < count; i++) {
            perKind[i % STRESSED.size()]++;
        }
        int[] seen = new int[STRESSED.size()];
        int smallest = Arrays.stream(codeSizes).min().orElseThrow();
        List<Capture> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int codePx = codeSizes[i % codeSizes.length];
            int framePx = (int) Math.round(codePx * frameRatio);
            int kind = i % STRESSED.size();
            double s = (seen[kind]++ + 0.5) / perKind[kind];
            Set<PerturbationKind> kinds = EnumSet.of(STRESSED.get(kind));

            double tiltX = uniform(rnd, -5, 5);
            double tiltY = uniform(rnd, -5, 5);
            double roll = uniform(rnd, -8, 8);
            double slack = (framePx - codePx) / 4.0;
            double offsetX = uniform(rnd, -slack, slack);
            double offsetY = uniform(rnd, -slack, slack);
            double contrast = uniform(rnd, 0.85, 0.95);
            double gamma = uniform(rnd, 0.9, 1.1);
            double light = uniform(rnd, 0.05, 0.15);
            double lightAngle = uniform(rnd, 0, 360);
            double defocus = 0;
            double motion = 0;
            double motionAngle = uniform(rnd, 0, 180);
            double noise = uniform(rnd, 0.005, 0.01);
            int jpeg = 0;
            double tiltDirection = uniform(rnd, 0, 2 * Math.PI);
            boolean brighter = rnd.nextBoolean();
            for (PerturbationKind k : kinds) {
                switch (k) {
                    case DEFOCUS -> defocus = 0.6 + 0.8 * s;
                    case MOTION_BLUR -> motion = 2 + 3 * s;
                    case TILT -> {
                        double m = 10 + 20 * s;
                        tiltX = m * Math.cos(tiltDirection);
                        tiltY = m * Math.sin(tiltDirection);
                    }
                    case UNEVEN_LIGHT -> light = 0.2 + 0.4 * s;
                    case LOW_CONTRAST -> {
                        contrast = 0.6 - 0.3 * s;
                        gamma = brighter ? 1 / (1 + 0.6 * s) : 1 + 0.6 * s;
                    }
                    case NOISE -> noise = 0.015 + 0.035 * s;
                    case JPEG -> jpeg = (int) Math.round(70 - 45 * s);
                    default -> throw new IllegalStateException(k.toString());
                }
            }
            if (codePx == smallest && codeSizes.length > 1) {
                kinds.add(PerturbationKind.SMALL);
            }
            if (Math.abs(roll) >= 5) {
                kinds.add(PerturbationKind.ROTATION);
            }
            out.add(new Capture(codePx, framePx, tiltX, tiltY, roll, offsetX, offsetY, contrast, gamma, light,
                    lightAngle, defocus, motion, motionAngle, noise, jpeg, rnd.nextInt(1 << 16), kinds));
        }
        return new CaptureSet(version, seed, out);
    }

    private static double uniform(Random rnd, double lo, double hi) {
        return lo + (hi - lo) * rnd.nextDouble();
    }
}
