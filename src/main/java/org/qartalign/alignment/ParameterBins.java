package org.qartalign.alignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The numeric generation parameters of the labeled codes, each as one column of values (NaN where a code lacks
 * it) with its bins, and the two-parameter grid of codes: what the report's slices and the toast plot share.
 * The selected parameters are the ones the user chose, or else every parameter that varies meaningfully.
 */
final class ParameterBins {
    /** Names that identify a code or a random draw rather than describe how it was made. */
    private static final Pattern IDENTIFIER = Pattern.compile("(?i)(.*[_\\-. ])?(seed|id|uuid|hash|index|idx)");
    private static final int FEW_VALUES = 8;

    private final LabeledCodes codes;
    private final Map<String, double[]> columns = new HashMap<>();
    private final Map<String, List<Bin>> bins = new HashMap<>();
    private final List<String> varying = new ArrayList<>();
    private final List<String> selected;

    ParameterBins(LabeledCodes codes, List<String> chosen) {
        this.codes = codes;
        TreeSet<String> names = new TreeSet<>();
        for (AlignmentInput.CodeRow c : codes.rows) {
            names.addAll(c.numericParams().keySet());
        }
        for (String name : names) {
            double[] v = new double[codes.n];
            for (int i = 0; i < codes.n; i++) {
                Double x = codes.row(i).numericParams().get(name);
                v[i] = x == null ? Double.NaN : x;
            }
            List<Bin> b = Bin.of(v);
            if (b.size() >= 2) {
                columns.put(name, v);
                bins.put(name, b);
                varying.add(name);
            }
        }
        for (String name : chosen) {
            if (!varying.contains(name)) {
                throw new IllegalArgumentException("--slice " + name + ": no numeric generation parameter of that name "
                        + "with two or more values (have: " + String.join(", ", varying) + ")");
            }
        }
        selected = chosen.isEmpty() ? varying.stream().filter(p -> !identifierLike(p, columns.get(p))).toList()
                : List.copyOf(new java.util.LinkedHashSet<>(chosen));
    }

    /**
     * An id or a seed, not a parameter: named like one, or whole numbers that (almost) every code has its own of.
     * A continuous parameter drawn at random is unique per code too, but it is not a whole number.
     */
    static boolean identifierLike(String name, double[] values) {
        if (IDENTIFIER.matcher(name).matches()) {
            return true;
        }
        Set<Double> distinct = new HashSet<>();
        int present = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (v != Math.rint(v)) {
                return false;
            }
            present++;
            distinct.add(v);
        }
        return distinct.size() > FEW_VALUES && distinct.size() * 2 > present;
    }

    /** Every parameter that takes at least two bins, sorted: what a user may choose from. */
    List<String> varying() {
        return List.copyOf(varying);
    }

    /** The parameters to slice by and offer as toast axes: the user's choice in order, else the meaningful ones sorted. */
    List<String> selected() {
        return selected;
    }

    /** The toast plot's default rows and columns: the first two chosen, else strength and guidance_end if present. */
    String[] defaultAxes(boolean chosen) {
        List<String> usable = selected;
        if (chosen) {
            return usable.size() >= 2 ? new String[] {usable.get(0), usable.get(1)} : null;
        }
        String gx = usable.contains("strength") ? "strength" : usable.isEmpty() ? null : usable.get(0);
        String gy = usable.contains("guidance_end") && !"guidance_end".equals(gx) ? "guidance_end"
                : usable.stream().filter(p -> !p.equals(gx)).findFirst().orElse(null);
        return gx != null && gy != null ? new String[] {gx, gy} : null;
    }

    double[] column(String name) {
        return columns.get(name);
    }

    List<Bin> bins(String name) {
        return bins.get(name);
    }

    /** The codes in one bin of a parameter, ascending. */
    int[] codesIn(String name, Bin bin) {
        double[] v = columns.get(name);
        return codesWhere(i -> bin.contains(v[i]));
    }

    int[] codesWhere(java.util.function.IntPredicate in) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < codes.n; i++) {
            if (in.test(i)) {
                idx.add(i);
            }
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Two usable parameters crossed: {@code cells[i][j]} holds the codes in x bin i and y bin j, ascending. */
    record Grid(String x, String y, List<Bin> xBins, List<Bin> yBins, int[][][] cells) {
        List<String> xLabels() {
            return xBins.stream().map(Bin::label).toList();
        }

        List<String> yLabels() {
            return yBins.stream().map(Bin::label).toList();
        }
    }

    Grid grid(String x, String y) {
        double[] vx = columns.get(x);
        double[] vy = columns.get(y);
        List<Bin> bx = bins.get(x);
        List<Bin> by = bins.get(y);
        int[][][] cells = new int[bx.size()][by.size()][];
        for (int i = 0; i < bx.size(); i++) {
            for (int j = 0; j < by.size(); j++) {
                Bin a = bx.get(i);
                Bin b = by.get(j);
                cells[i][j] = codesWhere(k -> a.contains(vx[k]) && b.contains(vy[k]));
            }
        }
        return new Grid(x, y, bx, by, cells);
    }
}
