package org.qartalign.eval;

/** The plane projective map taking a quadrilateral in the camera frame onto the source image's rectangle. */
final class Homography {
    private Homography() {
    }

    /**
     * Coefficients h (row-major 3x3, h[8] = 1) with source x = (h0 x + h1 y + h2) / (h6 x + h7 y + h8) and
     * source y = (h3 x + h4 y + h5) / (h6 x + h7 y + h8), for frame corners given clockwise from top-left.
     */
    static double[] squareFrameToSource(double[] quad, int sw, int sh) {
        double[] u = {0, sw, sw, 0};
        double[] v = {0, 0, sh, sh};
        double[][] m = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = quad[2 * i];
            double y = quad[2 * i + 1];
            m[2 * i] = new double[]{x, y, 1, 0, 0, 0, -u[i] * x, -u[i] * y, u[i]};
            m[2 * i + 1] = new double[]{0, 0, 0, x, y, 1, -v[i] * x, -v[i] * y, v[i]};
        }
        for (int col = 0; col < 8; col++) {
            int pivot = col;
            for (int r = col + 1; r < 8; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-12) {
                throw new IllegalArgumentException("degenerate capture quadrilateral");
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < 8; r++) {
                if (r != col) {
                    double f = m[r][col] / m[col][col];
                    for (int k = col; k < 9; k++) {
                        m[r][k] -= f * m[col][k];
                    }
                }
            }
        }
        double[] h = new double[9];
        for (int i = 0; i < 8; i++) {
            h[i] = m[i][8] / m[i][i];
        }
        h[8] = 1;
        return h;
    }
}
