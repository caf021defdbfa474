package org.qartalign.alignment;

/** The Wilson score interval for a binomial proportion. */
public final class Wilson {
    private Wilson() {
    }

    /** {lo, hi} for {@code successes} out of {@code n} at the given two-sided confidence, or null when n is 0. */
    public static double[] interval(double successes, double n, double confidence) {
        if (!(n > 0)) {
            return null;
        }
        double z = Normal.quantile(1 - (1 - confidence) / 2);
        double p = successes / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
