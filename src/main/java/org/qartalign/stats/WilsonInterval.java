package org.qartalign.stats;

/** Wilson score interval for a binomial proportion (Wilson 1927), the interval that stays inside [0, 1]. */
public record WilsonInterval(double lower, double upper) {

    /**
     * The two-sided interval for {@code successes} out of {@code trials} at {@code confidence} (0.95 for 95%).
     * Counts may be weighted (bootstrap weights), so they are doubles.
     */
    public static WilsonInterval of(double successes, double trials, double confidence) {
        if (!(trials > 0) || !(successes >= 0 && successes <= trials)) {
            throw new IllegalArgumentException(successes + " successes out of " + trials + " trials");
        }
        double z = Normal.quantile(1 - (1 - confidence) / 2);
        double p = successes / trials;
        double z2 = z * z;
        double denom = 1 + z2 / trials;
        double centre = (p + z2 / (2 * trials)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials)) / denom;
        return new WilsonInterval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** The interval, or null when there are no trials. */
    public static WilsonInterval orNull(double successes, double trials, double confidence) {
        return trials > 0 ? of(successes, trials, confidence) : null;
    }
}
