package org.qartalign.eval;

/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS) with step halving. Minimises
 * {@code sum_i w_i * logloss(y_i, p_i) + lambda / 2 * |beta|^2} with the intercept not penalised, which is
 * scikit-learn's {@code LogisticRegression(C = 1 / lambda)} objective; targets may be fractions (a code two of three
 * labelers scanned has y = 2/3), which is the same as one row per answer with weights.
 */
public final class LogisticRegression {
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-10;

    /** The fitted intercept and coefficients, and how many Newton steps it took. */
    public record Fit(double intercept, double[] coefficients, int iterations) {
        public double probability(double[] x) {
            double eta = intercept;
            for (int j = 0; j < coefficients.length; j++) {
                eta += coefficients[j] * x[j];
            }
            return sigmoid(eta);
        }
    }

    private LogisticRegression() {
    }

    /**
     * @param x rows of features (no missing values)
     * @param y targets in [0, 1]
     * @param w row weights (null for all 1)
     * @param lambda the L2 penalty on the coefficients, {@code 1 / C}; 0 for none
     */
    public static Fit fit(double[][] x, double[] y, double[] w, double lambda) {
        int n = x.length;
        int p = n == 0 ? 0 : x[0].length;
        if (y.length != n || (w != null && w.length != n)) {
            throw new IllegalArgumentException(n + " rows but " + y.length + " targets");
        }
        double[] beta = new double[p + 1];
        double loss = objective(x, y, w, lambda, beta);
        int it = 0;
        for (; it < MAX_ITERATIONS; it++) {
            double[] g = new double[p + 1];
            double[][] h = new double[p + 1][p + 1];
            for (int i = 0; i < n; i++) {
                double pi = sigmoid(eta(beta, x[i]));
                double wi = w == null ? 1 : w[i];
                double r = wi * (pi - y[i]);
                double v = wi * pi * (1 - pi);
                g[0] += r;
                h[0][0] += v;
                for (int a = 0; a < p; a++) {
                    g[a + 1] += r * x[i][a];
                    h[0][a + 1] += v * x[i][a];
                    for (int b = a; b < p; b++) {
                        h[a + 1][b + 1] += v * x[i][a] * x[i][b];
                    }
                }
            }
            for (int a = 1; a <= p; a++) {
                g[a] += lambda * beta[a];
                h[a][a] += lambda;
                for (int b = 0; b < a; b++) {
                    h[a][b] = h[b][a];
                }
            }
            for (int a = 0; a <= p; a++) {
                h[a][a] += 1e-12 * (1 + h[a][a]);
            }
            double[] step = solve(h, g);
            double t = 1;
            double[] next = new double[p + 1];
            double nextLoss;
            do {
                for (int a = 0; a <= p; a++) {
                    next[a] = beta[a] - t * step[a];
                }
                nextLoss = objective(x, y, w, lambda, next);
                t /= 2;
            } while (nextLoss > loss + 1e-12 * Math.abs(loss) && t > 1e-8);
            double change = 0;
            for (int a = 0; a <= p; a++) {
                change = Math.max(change, Math.abs(next[a] - beta[a]));
            }
            beta = next.clone();
            loss = nextLoss;
            if (change < TOLERANCE) {
                it++;
                break;
            }
        }
        double[] coef = new double[p];
        System.arraycopy(beta, 1, coef, 0, p);
        return new Fit(beta[0], coef, it);
    }

    static double sigmoid(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    private static double eta(double[] beta, double[] x) {
        double e = beta[0];
        for (int j = 0; j < x.length; j++) {
            e += beta[j + 1] * x[j];
        }
        return e;
    }

    private static double objective(double[][] x, double[] y, double[] w, double lambda, double[] beta) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double e = eta(beta, x[i]);
            // log(1 + exp(e)) - y e, computed without overflow
            double softplus = e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e));
            s += (w == null ? 1 : w[i]) * (softplus - y[i] * e);
        }
        for (int a = 1; a < beta.length; a++) {
            s += lambda / 2 * beta[a] * beta[a];
        }
        return s;
    }

    /** Solves h x = g for a symmetric positive definite h by Cholesky. */
    private static double[] solve(double[][] h, double[] g) {
        int m = g.length;
        double[][] l = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = h[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = Math.sqrt(Math.max(s, 1e-300));
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] z = new double[m];
        for (int i = 0; i < m; i++) {
            double s = g[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] out = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < m; k++) {
                s -= l[k][i] * out[k];
            }
            out[i] = s / l[i][i];
        }
        return out;
    }
}
