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

    /** Reflectance (0..1) of the one pixel at the centre of module (col, row), or -1 outside the image. */
    public double sampleCentre(GrayImage image, int col, int row) {
        float[] pt = {col + 0.5f, row + 0.5f};
        transform.transformPoints(pt);
        int x = (int) pt[0];
        int y = (int) pt[1];
        if (pt[0] < 0 || pt[1] < 0 || x >= image.width() || y >= image.height()) {
            return -1;
        }
        return (image.pixels()[y * image.width() + x] & 0xff) / 255.0;
    }

    /**
     * Mean reflectance (0..1) of the synthetic aperture of every module with {@code lo <= col, row < hi}, row by
     * row, -1 where it leaves the image. The aperture is the module centre and four points a quarter module from it
     * along both diagonals (a five-point aperture half a module across), following the grid's local axes.
     */
    public double[] sampleAll(GrayImage image, int lo, int hi) {
        int span = hi - lo;
        int pts = span + 1;
        float[] centres = new float[2 * pts * pts];
        int k = 0;
        for (int row = lo; row <= hi; row++) {
            for (int col = lo; col <= hi; col++) {
                centres[k++] = col + 0.5f;
                centres[k++] = row + 0.5f;
            }
        }
        transform.transformPoints(centres);
        int w = image.width();
        int h = image.height();
        byte[] px = image.pixels();
        double[] out = new double[span * span];
        for (int r = 0; r < span; r++) {
            for (int c = 0; c < span; c++) {
                int i = 2 * (r * pts + c);
                int right = i + 2;
                int down = i + 2 * pts;
                float cx = centres[i];
                float cy = centres[i + 1];
                float ax = (centres[right] - cx) * 0.25f;
                float ay = (centres[right + 1] - cy) * 0.25f;
                float bx = (centres[down] - cx) * 0.25f;
                float by = (centres[down + 1] - cy) * 0.25f;
                int sum = 0;
                boolean inside = true;
                for (int p = 0; p < 5 && inside; p++) {
                    float sa = p == 0 ? 0 : (p & 1) == 1 ? 1 : -1;
                    float sb = p == 0 ? 0 : p < 3 ? 1 : -1;
                    float x = cx + sa * ax + sb * bx;
                    float y = cy + sa * ay + sb * by;
                    if (!(x >= 0 && y >= 0 && x < w && y < h)) {
                        inside = false;
                    } else {
                        sum += px[(int) y * w + (int) x] & 0xff;
                    }
                }
                out[r * span + c] = inside ? sum / (5 * 255.0) : -1;
            }
        }
        return out;
    }
}
