package org.qartalign.alignment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A figure with its percentile bootstrap interval ({@code lo}, {@code hi}); a proportion also carries its Wilson
 * interval. An undefined figure has a null value and a note saying why; JSON never holds NaN.
 */
@JsonPropertyOrder({"value", "lo", "hi", "wilson", "note"})
public record Estimate(Double value, Double lo, Double hi,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Interval wilson,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
    public Estimate {
        value = finiteOrNull(value);
        lo = finiteOrNull(lo);
        hi = finiteOrNull(hi);
    }

    /** A closed interval, here the Wilson score interval of a proportion. */
    public record Interval(double lo, double hi) {
    }

    public static Estimate undefined(String note) {
        return new Estimate(null, null, null, null, note);
    }

    /** A value without an interval; NaN becomes null with the note. */
    public static Estimate of(double value, String undefinedNote) {
        return Double.isFinite(value) ? new Estimate(value, null, null, null, null) : undefined(undefinedNote);
    }

    public Estimate withWilson(double wlo, double whi) {
        return new Estimate(value, lo, hi, new Interval(wlo, whi), note);
    }

    public boolean defined() {
        return value != null;
    }

    private static Double finiteOrNull(Double d) {
        return d == null || !Double.isFinite(d) ? null : d;
    }
}
