package org.qartalign.alignment;

/**
 * Chance-corrected agreement for units rated by a varying number of raters into fixed categories, following
 * Gwet (2014), Handbook of Inter-Rater Reliability, ch. 2-4: percent agreement p_a (mean over units with two or
 * more ratings of the share of agreeing rater pairs), Fleiss' kappa generalised to varying raters
 * (p_e = sum of squared mean category shares) and Gwet's AC1 (p_e = sum pi_k (1 - pi_k) / (q - 1)).
 * Units with fewer than two ratings are left out. Per-unit terms are prepared once for the bootstrap.
 */
public final class CategoricalAgreement {
    private final int q;
    private final int[] unitOf;
    private final double[] pairAgreement;
    private final double[] shares;

    /**
     * @param counts per unit, the number of ratings in each of the q categories
     * @param unitOf the bootstrap unit of each unit, or null for the identity
     */
    public CategoricalAgreement(int[][] counts, int q, int[] unitOf) {
        this.q = q;
        int pairable = 0;
        for (int[] c : counts) {
            if (sum(c) >= 2) {
                pairable++;
            }
        }
        this.unitOf = new int[pairable];
        pairAgreement = new double[pairable];
        shares = new double[pairable * q];
        int j = 0;
        for (int i = 0; i < counts.length; i++) {
            int r = sum(counts[i]);
            if (r < 2) {
                continue;
            }
            double agree = 0;
            for (int k = 0; k < q; k++) {
                agree += (double) counts[i][k] * (counts[i][k] - 1);
                shares[j * q + k] = (double) counts[i][k] / r;
            }
            pairAgreement[j] = agree / ((double) r * (r - 1));
            this.unitOf[j] = unitOf == null ? i : unitOf[i];
            j++;
        }
    }

    private static int sum(int[] c) {
        int s = 0;
        for (int x : c) {
            s += x;
        }
        return s;
    }

    public int pairableUnits() {
        return pairAgreement.length;
    }

    /** {percent agreement, Fleiss' kappa, Gwet's AC1} under weights per bootstrap unit (null = all 1); NaN when undefined. */
    public double[] compute(int[] weights) {
        double total = 0;
        double pa = 0;
        double[] pi = new double[q];
        for (int u = 0; u < pairAgreement.length; u++) {
            int w = weights == null ? 1 : weights[unitOf[u]];
            if (w == 0) {
                continue;
            }
            total += w;
            pa += w * pairAgreement[u];
            for (int k = 0; k < q; k++) {
                pi[k] += w * shares[u * q + k];
            }
        }
        if (total == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        pa /= total;
        double peFleiss = 0;
        double peGwet = 0;
        for (int k = 0; k < q; k++) {
            pi[k] /= total;
            peFleiss += pi[k] * pi[k];
            peGwet += pi[k] * (1 - pi[k]);
        }
        peGwet = q > 1 ? peGwet / (q - 1) : Double.NaN;
        double fleiss = 1 - peFleiss < 1e-12 ? Double.NaN : (pa - peFleiss) / (1 - peFleiss);
        double ac1 = Double.isNaN(peGwet) || 1 - peGwet < 1e-12 ? Double.NaN : (pa - peGwet) / (1 - peGwet);
        return new double[] {pa, fleiss, ac1};
    }
}
