package org.qartalign.alignment;

/**
 * Chance-corrected agreement for units rated by a varying number of raters into fixed categories, following
 * Gwet (2014), Handbook of Inter-Rater Reliability, ch. 2-4, and its reference implementation (R irrCAC,
 * {@code fleiss.kappa.raw} / {@code gwet.ac1.raw}): percent agreement p_a is the mean, over units with two or more
 * ratings, of the share of agreeing rater pairs; the category shares pi_k are the mean, over every unit with at
 * least one rating, of r_ik / r_i. Fleiss' kappa (generalised to varying raters) takes p_e = sum pi_k^2, Gwet's
 * AC1 p_e = sum pi_k (1 - pi_k) / (q - 1). Per-unit terms are prepared once for the bootstrap.
 */
public final class CategoricalAgreement {
    private final int q;
    /** Per rated unit (one or more ratings): its bootstrap unit, whether it has a pair, its pair agreement, its shares. */
    private final int[] unitOf;
    private final boolean[] pairable;
    private final double[] pairAgreement;
    private final double[] shares;
    private final int pairableUnits;

    /**
     * @param counts per unit, the number of ratings in each of the q categories
     * @param unitOf the bootstrap unit of each unit, or null for the identity
     */
    public CategoricalAgreement(int[][] counts, int q, int[] unitOf) {
        this.q = q;
        int rated = 0;
        int pairs = 0;
        for (int[] c : counts) {
            rated += sum(c) >= 1 ? 1 : 0;
            pairs += sum(c) >= 2 ? 1 : 0;
        }
        pairableUnits = pairs;
        this.unitOf = new int[rated];
        pairable = new boolean[rated];
        pairAgreement = new double[rated];
        shares = new double[rated * q];
        int j = 0;
        for (int i = 0; i < counts.length; i++) {
            int r = sum(counts[i]);
            if (r < 1) {
                continue;
            }
            double agree = 0;
            for (int k = 0; k < q; k++) {
                agree += (double) counts[i][k] * (counts[i][k] - 1);
                shares[j * q + k] = (double) counts[i][k] / r;
            }
            pairable[j] = r >= 2;
            pairAgreement[j] = r >= 2 ? agree / ((double) r * (r - 1)) : 0;
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
        return pairableUnits;
    }

    /** {percent agreement, Fleiss' kappa, Gwet's AC1} under weights per bootstrap unit (null = all 1); NaN when undefined. */
    public double[] compute(int[] weights) {
        double rated = 0;
        double paired = 0;
        double pa = 0;
        double[] pi = new double[q];
        for (int u = 0; u < unitOf.length; u++) {
            int w = weights == null ? 1 : weights[unitOf[u]];
            if (w == 0) {
                continue;
            }
            rated += w;
            if (pairable[u]) {
                paired += w;
                pa += w * pairAgreement[u];
            }
            for (int k = 0; k < q; k++) {
                pi[k] += w * shares[u * q + k];
            }
        }
        if (paired == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        pa /= paired;
        double peFleiss = 0;
        double peGwet = 0;
        for (int k = 0; k < q; k++) {
            pi[k] /= rated;
            peFleiss += pi[k] * pi[k];
            peGwet += pi[k] * (1 - pi[k]);
        }
        peGwet = q > 1 ? peGwet / (q - 1) : Double.NaN;
        double fleiss = 1 - peFleiss < 1e-12 ? Double.NaN : (pa - peFleiss) / (1 - peFleiss);
        double ac1 = Double.isNaN(peGwet) || 1 - peGwet < 1e-12 ? Double.NaN : (pa - peGwet) / (1 - peGwet);
        return new double[] {pa, fleiss, ac1};
    }
}
