package org.qartalign.eval;

/** Wilson score interval for a binomial proportion (Wilson 1927), the interval that stays inside [0, 1]. */
public record WilsonInterval(double lower, double upper) {
    /** z for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    public static WilsonInterval of(int successes, int trials, double z) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " successes out of " + trials + " trials");
        }
        double p = (double) successes / trials;
        double z2 = z * z;
        double denom = 1 + z2 / trials;
        double centre = (p + z2 / (2.0 * trials)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / denom;
        return new WilsonInterval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
