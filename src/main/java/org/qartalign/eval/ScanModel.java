package org.qartalign.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * One fitted {@code learned-scan} model: missing values imputed with the training rows' mean plus a missing
 * indicator, every column standardised with the training rows' mean and (population) standard deviation, then an
 * L2 logistic regression. Everything is estimated from the training rows alone, so a fold's model knows nothing
 * of the codes it scores.
 *
 * @param columns    raw feature names ({@link ScanFeatures})
 * @param indicators indices of the raw columns that get a missing indicator after them
 * @param impute     per raw column, the value a missing entry takes
 * @param mean       per model input (raw columns then indicators), the training mean
 * @param std        per model input, the training standard deviation (1 for a constant input)
 * @param lambda     the L2 penalty, {@code 1 / C}
 */
public record ScanModel(List<String> columns, int[] indicators, double[] impute, double[] mean, double[] std,
                        double intercept, double[] coefficients, double lambda) {

    public ScanModel {
        columns = List.copyOf(columns);
    }

    /** Fits on raw rows (NaN = missing) and targets in [0, 1]. */
    public static ScanModel fit(List<String> columns, int[] indicators, double[][] raw, double[] y, double lambda) {
        int n = raw.length;
        int p = columns.size();
        double[] impute = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            int k = 0;
            for (double[] r : raw) {
                if (!Double.isNaN(r[j])) {
                    s += r[j];
                    k++;
                }
            }
            impute[j] = k == 0 ? 0 : s / k;
        }
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = expand(raw[i], impute, indicators);
        }
        int m = p + indicators.length;
        double[] mean = new double[m];
        double[] std = new double[m];
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (double[] r : x) {
                s += r[j];
            }
            mean[j] = n == 0 ? 0 : s / n;
            double v = 0;
            for (double[] r : x) {
                v += (r[j] - mean[j]) * (r[j] - mean[j]);
            }
            double sd = n == 0 ? 0 : Math.sqrt(v / n);
            std[j] = sd > 1e-12 ? sd : 1;
        }
        for (double[] r : x) {
            for (int j = 0; j < m; j++) {
                r[j] = (r[j] - mean[j]) / std[j];
            }
        }
        LogisticRegression.Fit f = LogisticRegression.fit(x, y, null, lambda);
        return new ScanModel(columns, indicators.clone(), impute, mean, std, f.intercept(), f.coefficients(), lambda);
    }

    private static double[] expand(double[] raw, double[] impute, int[] indicators) {
        double[] out = new double[raw.length + indicators.length];
        for (int j = 0; j < raw.length; j++) {
            out[j] = Double.isNaN(raw[j]) ? impute[j] : raw[j];
        }
        for (int k = 0; k < indicators.length; k++) {
            out[raw.length + k] = Double.isNaN(raw[indicators[k]]) ? 1 : 0;
        }
        return out;
    }

    /** The scan probability for one raw row (NaN = missing). */
    public double probability(double[] raw) {
        double[] x = expand(raw, impute, indicators);
        double eta = intercept;
        for (int j = 0; j < x.length; j++) {
            eta += coefficients[j] * (x[j] - mean[j]) / std[j];
        }
        return LogisticRegression.sigmoid(eta);
    }

    /** The name of every model input, in coefficient order. */
    public List<String> inputNames() {
        List<String> out = new ArrayList<>(columns);
        for (int k : indicators) {
            out.add(columns.get(k) + " missing");
        }
        return out;
    }

    /**
     * The raw columns with some missing value in {@code rows}: those get an indicator, one per distinct pattern of
     * missing rows (an evaluator that did not run leaves all its columns missing together: one indicator says so).
     * Ignores labels.
     */
    public static int[] indicatorsFor(int columns, Iterable<double[]> rows) {
        java.util.BitSet[] missing = new java.util.BitSet[columns];
        for (int j = 0; j < columns; j++) {
            missing[j] = new java.util.BitSet();
        }
        int i = 0;
        for (double[] r : rows) {
            for (int j = 0; j < columns; j++) {
                if (Double.isNaN(r[j])) {
                    missing[j].set(i);
                }
            }
            i++;
        }
        java.util.Set<java.util.BitSet> seen = new java.util.HashSet<>();
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < columns; j++) {
            if (!missing[j].isEmpty() && seen.add(missing[j])) {
                out.add(j);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
