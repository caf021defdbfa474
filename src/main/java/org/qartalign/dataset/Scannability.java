package org.qartalign.dataset;

import java.util.Arrays;

/**
 * What the renderer did to the code, measured on its own pixel buffer as it finishes drawing: each module's mean
 * luminance over its central quarter against the local mean of the 7x7 modules around it (the margin by which the
 * module still reads as what the URL needs), summarised as
 *
 * @param finderIntegrity per finder (top left, top right, bottom left): share of its 8x8 box (separator included)
 *                        whose modules read right by at least {@link #FINDER_MARGIN}, the centre row and column
 *                        weighted three times
 * @param dataMargins margins (0-1 luminance scale, negative = reads as the wrong colour) of every other code module
 * @param lumaContrast median luminance of light modules minus that of dark ones, 0-1 (low when hue carries contrast)
 * @param quietIntegrity share of the two module rings around the code that read as light margin
 * @param mergedShare share of modules the renderer merged into a neighbour's shape
 */
public record Scannability(double[] finderIntegrity, float[] dataMargins, double lumaContrast, double quietIntegrity,
                           double mergedShare) {
    static final double FINDER_MARGIN = 0.05;

    /** Measures a drawn code: {@code px} RGB pixels of a {@code size}-square image, {@code mod} pixels per module. */
    static Scannability measure(int[] px, int size, int mod, boolean[][] qr, int quiet, double mergedShare) {
        int n = qr.length;
        int total = n + 2 * quiet;
        double[] lum = new double[total * total];
        int lo = mod / 4;
        int hi = Math.max(lo + 1, mod - mod / 4);
        for (int my = 0; my < total; my++) {
            for (int mx = 0; mx < total; mx++) {
                double sum = 0;
                for (int y = my * mod + lo; y < my * mod + hi; y++) {
                    int row = y * size;
                    for (int x = mx * mod + lo; x < mx * mod + hi; x++) {
                        int p = px[row + x];
                        sum += HueContrast.luma((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff);
                    }
                }
                lum[my * total + mx] = sum / ((hi - lo) * (hi - lo) * 255.0);
            }
        }
        double[] local = boxMean(lum, total, 3);
        int[] finderOk = new int[3];
        int[] finderAll = new int[3];
        float[] margins = new float[n * n];
        int count = 0;
        double[] darks = new double[n * n];
        double[] lights = new double[n * n];
        int nd = 0;
        int nl = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int i = (y + quiet) * total + x + quiet;
                double margin = qr[y][x] ? local[i] - lum[i] : lum[i] - local[i];
                if (qr[y][x]) {
                    darks[nd++] = lum[i];
                } else {
                    lights[nl++] = lum[i];
                }
                int f = QrArtRenderer.finderIndex(n, x, y);
                if (f >= 0) {
                    // the centre row and column, where run-length detectors look, count three times
                    int weight = crossesCentre(n, f, x, y) ? 3 : 1;
                    finderAll[f] += weight;
                    finderOk[f] += margin >= FINDER_MARGIN ? weight : 0;
                } else {
                    margins[count++] = (float) margin;
                }
            }
        }
        double dark = median(darks, nd);
        double light = median(lights, nl);
        double threshold = dark + 0.5 * (light - dark);
        int quietOk = 0;
        int quietAll = 0;
        for (int my = quiet - 2; my < total - quiet + 2; my++) {
            for (int mx = quiet - 2; mx < total - quiet + 2; mx++) {
                boolean inside = my >= quiet && mx >= quiet && my < total - quiet && mx < total - quiet;
                if (!inside) {
                    quietAll++;
                    quietOk += lum[my * total + mx] > threshold ? 1 : 0;
                }
            }
        }
        double[] finders = new double[3];
        for (int k = 0; k < 3; k++) {
            finders[k] = (double) finderOk[k] / finderAll[k];
        }
        return new Scannability(finders, Arrays.copyOf(margins, count), light - dark, (double) quietOk / quietAll,
                mergedShare);
    }

    private static boolean crossesCentre(int n, int f, int x, int y) {
        return x == (f == 1 ? n - 4 : 3) || y == (f == 2 ? n - 4 : 3);
    }

    /** The weakest finder's integrity: a phone must locate all three. */
    public double weakestFinder() {
        return Math.min(finderIntegrity[0], Math.min(finderIntegrity[1], finderIntegrity[2]));
    }

    /** Mean over the (2r+1)-square window around each cell, clipped at the grid's edges. */
    private static double[] boxMean(double[] v, int w, int r) {
        double[] sat = new double[(w + 1) * (w + 1)];
        for (int y = 0; y < w; y++) {
            double row = 0;
            for (int x = 0; x < w; x++) {
                row += v[y * w + x];
                sat[(y + 1) * (w + 1) + x + 1] = sat[y * (w + 1) + x + 1] + row;
            }
        }
        double[] out = new double[v.length];
        for (int y = 0; y < w; y++) {
            int y0 = Math.max(0, y - r);
            int y1 = Math.min(w, y + r + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - r);
                int x1 = Math.min(w, x + r + 1);
                double s = sat[y1 * (w + 1) + x1] - sat[y0 * (w + 1) + x1] - sat[y1 * (w + 1) + x0]
                        + sat[y0 * (w + 1) + x0];
                out[y * w + x] = s / ((y1 - y0) * (x1 - x0));
            }
        }
        return out;
    }

    private static double median(double[] v, int n) {
        if (n == 0) {
            return 0;
        }
        double[] s = Arrays.copyOf(v, n);
        Arrays.sort(s);
        return s[n / 2];
    }
}
