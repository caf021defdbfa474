package org.qartalign.dataset;

import java.util.SplittableRandom;

/**
 * Module targets for codes whose contrast is carried by hue: dark modules one saturated colour, light ones its
 * complement, at luminances only {@code gap} apart (Rec. 601 weights), so the code is vivid to the eye and flat
 * to a camera's luminance channel.
 */
final class HueContrast {
    private HueContrast() {
    }

    /** {dark rgb, light rgb}, built around the palette's second colour. */
    static int[][] targets(int[][] palette, SplittableRandom r) {
        int[] c = palette[1];
        if (Math.max(c[0], Math.max(c[1], c[2])) - Math.min(c[0], Math.min(c[1], c[2])) < 40) {
            c = new int[] {200, 60 + r.nextInt(80), 140};
        }
        double luma = luma(c[0], c[1], c[2]);
        double[] chroma = {c[0] - luma, c[1] - luma, c[2] - luma};
        double norm = Math.max(1, Math.max(Math.abs(chroma[0]), Math.max(Math.abs(chroma[1]), Math.abs(chroma[2]))));
        double gap = 255 * (0.05 + 0.25 * r.nextDouble());
        double mid = 255 * (0.42 + 0.16 * r.nextDouble());
        double dark = mid - gap / 2;
        double light = mid + gap / 2;
        // as much chroma as fits both colours inside 0-255 (adding a zero-luma vector keeps the luminance)
        double s = 110 / norm;
        for (int i = 0; i < 3; i++) {
            if (chroma[i] != 0) {
                s = Math.min(s, Math.min(room(dark, chroma[i]), room(light, -chroma[i])));
            }
        }
        int[] d = new int[3];
        int[] l = new int[3];
        for (int i = 0; i < 3; i++) {
            d[i] = PictureLook.clamp(dark + s * chroma[i]);
            l[i] = PictureLook.clamp(light - s * chroma[i]);
        }
        return new int[][] {d, l};
    }

    private static double room(double base, double direction) {
        return direction > 0 ? (255 - base) / direction : base / -direction;
    }

    static double luma(double r, double g, double b) {
        return 0.299 * r + 0.587 * g + 0.114 * b;
    }
}
