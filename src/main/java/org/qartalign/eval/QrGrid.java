package org.qartalign.eval;

import com.google.zxing.common.PerspectiveTransform;

/**
 * Where the modules of a located symbol sit in the image: module coordinates (column, row; 0..size at the symbol's
 * outer edges, negative or beyond size in the quiet zone) to pixels.
 *
 * @param size modules per side of the symbol
 * @param byDetector true when ZXing's detector found the finder patterns, false for the generated-code layout
 */
public record QrGrid(int size, PerspectiveTransform transform, boolean byDetector) {
    /** Sample points per module axis of the synthetic aperture (a 3x3 patch of +-0.25 module). */
    private static final double[] APERTURE = {-0.25, 0, 0.25};

    /** The generated-code layout: an axis-aligned square of {@code size} modules with its top-left at (x0, y0). */
    public static QrGrid axisAligned(int size, double x0, double y0, double modulePx) {
        float s = (float) (size * modulePx);
        float x = (float) x0;
        float y = (float) y0;
        return new QrGrid(size, PerspectiveTransform.quadrilateralToQuadrilateral(0, 0, size, 0, size, size, 0, size,
                x, y, x + s, y, x + s, y + s, x, y + s), false);
    }

    /** Pixel position of module coordinates (col, row). */
    public double[] toImage(double col, double row) {
        float[] p = {(float) col, (float) row};
        transform.transformPoints(p);
        return new double[]{p[0], p[1]};
    }

    /** Mean pixels per module along the rows and along the columns, measured across the whole symbol. */
    public double[] moduleSizes() {
        double sx = 0;
        double sy = 0;
        for (int k = 0; k <= 2; k++) {
            double t = size * (0.5 + 0.5 * (k - 1) * 0.8);
            sx += dist(toImage(0, t), toImage(size, t)) / size;
            sy += dist(toImage(t, 0), toImage(t, size)) / size;
        }
        return new double[]{sx / 3, sy / 3};
    }

    private static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    /**
     * Mean reflectance (0..1) of the aperture at the centre of module (col, row), or -1 when the aperture leaves
     * the image.
     */
    public double sample(GrayImage image, int col, int row) {
        float[] pts = new float[18];
        int k = 0;
        for (double dy : APERTURE) {
            for (double dx : APERTURE) {
                pts[k++] = (float) (col + 0.5 + dx);
                pts[k++] = (float) (row + 0.5 + dy);
            }
        }
        transform.transformPoints(pts);
        int w = image.width();
        int h = image.height();
        byte[] px = image.pixels();
        int sum = 0;
        for (int i = 0; i < pts.length; i += 2) {
            int x = (int) pts[i];
            int y = (int) pts[i + 1];
            if (pts[i] < 0 || pts[i + 1] < 0 || x >= w || y >= h) {
                return -1;
            }
            sum += px[y * w + x] & 0xff;
        }
        return sum / (9 * 255.0);
    }
}
