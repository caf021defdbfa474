package org.qartalign.alignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The numeric generation parameters of the labeled codes, each as one column of values (NaN where a code lacks
 * it) with its bins, and the two-parameter grid of codes: what the report's slices and the toast plot share.
 */
final class ParameterBins {
    private final LabeledCodes codes;
    private final Map<String, double[]> columns = new HashMap<>();
    private final Map<String, List<Bin>> bins = new HashMap<>();
    private final List<String> usable = new ArrayList<>();

    ParameterBins(LabeledCodes codes) {
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
                usable.add(name);
            }
        }
    }

    /** Parameters that take at least two bins, sorted: the ones worth slicing by or plotting. */
    List<String> usable() {
        return List.copyOf(usable);
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
