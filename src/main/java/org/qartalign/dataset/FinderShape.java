package org.qartalign.dataset;

import java.util.SplittableRandom;

/**
 * Restyled finder patterns as QR-art models draw them: concentric rounded rings instead of nested squares, with a
 * centre of varying size and a ring that may be thinned, so the 1:1:3:1:1 run ratios phones look for drift.
 */
final class FinderShape {
    private final boolean restyled;
    private final int n;
    private final int mod;
    private final double[] centreRadius = new double[3];
    private final double[] ringInner = new double[3];
    private final double[] ringOuter = new double[3];

    FinderShape(GenerationParams.Finder style, int n, int mod, SplittableRandom r) {
        this.restyled = style == GenerationParams.Finder.RESTYLED;
        this.n = n;
        this.mod = mod;
        for (int k = 0; k < 3; k++) {
            centreRadius[k] = 1.25 + 0.6 * r.nextDouble();
            ringInner[k] = centreRadius[k] + 0.75 + 0.4 * r.nextDouble();
            ringOuter[k] = Math.min(3.9, ringInner[k] + 0.75 + 0.4 * r.nextDouble());
        }
    }

    /** Whether the pixel of module (mx, my) of the padded grid is drawn by this shape rather than the module grid. */
    boolean restyles(int mx, int my) {
        return restyled && QrArtRenderer.finderIndex(n, mx - QrArtRenderer.QUIET_MODULES,
                my - QrArtRenderer.QUIET_MODULES) >= 0;
    }

    /** Darkness 0-1 of pixel (x, y), inside a restyled finder box. */
    float pattern(int x, int y) {
        double u = (x + 0.5) / mod - QrArtRenderer.QUIET_MODULES;
        double v = (y + 0.5) / mod - QrArtRenderer.QUIET_MODULES;
        int k = QrArtRenderer.finderIndex(n, (int) u, (int) v);
        double cx = k == 1 ? n - 3.5 : 3.5;
        double cy = k == 2 ? n - 3.5 : 3.5;
        double d = Math.hypot(u - cx, v - cy);
        double edge = 0.18;
        double centre = 1 - PictureLook.smooth(centreRadius[k] - edge, centreRadius[k] + edge, d);
        double ring = PictureLook.smooth(ringInner[k] - edge, ringInner[k] + edge, d)
                * (1 - PictureLook.smooth(ringOuter[k] - edge, ringOuter[k] + edge, d));
        return (float) Math.max(centre, ring);
    }
}
