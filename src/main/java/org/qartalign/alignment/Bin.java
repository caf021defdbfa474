package org.qartalign.alignment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** A bin of a numeric value: [lo, hi), or [lo, hi] when last; a single value when lo == hi. */
record Bin(String label, Double lo, Double hi, boolean closed) {
    private static final int MAX_DISTINCT_AS_BINS = 8;
    private static final int NUMERIC_BINS = 5;

    /** A bin that holds no numeric range: a labeler, a phone, a grid cell. */
    static Bin named(String label) {
        return new Bin(label, null, null, false);
    }

    boolean contains(double v) {
        if (Double.isNaN(v)) {
            return false;
        }
        return v >= lo && (closed ? v <= hi : v < hi);
    }

    /** One bin per value when there are few distinct values, else equal-width bins; NaN values fall in none. */
    static List<Bin> of(double[] values) {
        TreeSet<Double> distinct = new TreeSet<>();
        for (double v : values) {
            if (!Double.isNaN(v)) {
                distinct.add(v);
            }
        }
        List<Bin> out = new ArrayList<>();
        if (distinct.size() <= MAX_DISTINCT_AS_BINS) {
            for (double v : distinct) {
                out.add(new Bin(format(v), v, v, true));
            }
            return out;
        }
        double lo = distinct.first();
        double hi = distinct.last();
        double width = (hi - lo) / NUMERIC_BINS;
        for (int b = 0; b < NUMERIC_BINS; b++) {
            double a = lo + b * width;
            double z = b == NUMERIC_BINS - 1 ? hi : lo + (b + 1) * width;
            boolean last = b == NUMERIC_BINS - 1;
            out.add(new Bin("[" + format(a) + ", " + format(z) + (last ? "]" : ")"), a, z, last));
        }
        return out;
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
