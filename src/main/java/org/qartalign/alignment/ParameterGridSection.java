package org.qartalign.alignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Point figures over any two parameters, binned as the report's slices bin them, with each cell's codes: what
 * the dashboard's toast plot shows for the pair of parameters the engineer picks. No bootstrap: it must be instant.
 */
final class ParameterGridSection {
    private final LabeledCodes codes;
    private final ParameterBins bins;

    ParameterGridSection(LabeledCodes codes, ParameterBins bins) {
        this.codes = codes;
        this.bins = bins;
    }

    ParameterGrid grid(String x, String y) {
        List<String> usable = bins.varying();
        if (!usable.contains(x) || !usable.contains(y)) {
            throw new IllegalArgumentException("no numeric generation parameter " + (usable.contains(x) ? y : x)
                    + " with two or more values (have: " + String.join(", ", usable) + ")");
        }
        ParameterBins.Grid g = bins.grid(x, y);
        List<List<ParameterGrid.Cell>> rows = new ArrayList<>();
        for (int[][] column : g.cells()) {
            List<ParameterGrid.Cell> row = new ArrayList<>();
            for (int[] cell : column) {
                row.add(cell(cell));
            }
            rows.add(row);
        }
        return new ParameterGrid(x, y, g.xLabels(), g.yLabels(), codes.scanEvaluatorNames(), rows);
    }

    private ParameterGrid.Cell cell(int[] members) {
        int[] scanEvals = codes.scanEvals;
        int[] aestheticEvals = codes.aestheticEvals;
        List<String> ids = new ArrayList<>();
        int majority = 0;
        int scannedCodes = 0;
        double aestheticSum = 0;
        int aestheticN = 0;
        int[] passes = new int[scanEvals.length];
        int[] scored = new int[scanEvals.length];
        double[] evalAesthetic = new double[aestheticEvals.length];
        int[] evalAestheticN = new int[aestheticEvals.length];
        for (int i : members) {
            ids.add(codes.row(i).id());
            if (!Double.isNaN(codes.truth[i])) {
                majority++;
                scannedCodes += codes.truth[i] == 1 ? 1 : 0;
            }
            if (!Double.isNaN(codes.humanAesthetic[i])) {
                aestheticSum += codes.humanAesthetic[i];
                aestheticN++;
            }
            for (int k = 0; k < scanEvals.length; k++) {
                double p = codes.row(i).scanProb()[scanEvals[k]];
                if (!Double.isNaN(p)) {
                    scored[k]++;
                    passes[k] += ScanVerdict.passes(p, codes.options.threshold()) ? 1 : 0;
                }
            }
            for (int k = 0; k < aestheticEvals.length; k++) {
                double a = codes.row(i).aesthetic()[aestheticEvals[k]];
                if (!Double.isNaN(a)) {
                    evalAesthetic[k] += a;
                    evalAestheticN[k]++;
                }
            }
        }
        Map<String, Double> evalRate = new LinkedHashMap<>();
        Map<String, Integer> evalScored = new LinkedHashMap<>();
        for (int k = 0; k < scanEvals.length; k++) {
            if (scored[k] > 0) {
                evalRate.put(codes.evalName(scanEvals[k]), (double) passes[k] / scored[k]);
            }
            evalScored.put(codes.evalName(scanEvals[k]), scored[k]);
        }
        Map<String, Double> evalMean = new LinkedHashMap<>();
        for (int k = 0; k < aestheticEvals.length; k++) {
            if (evalAestheticN[k] > 0) {
                evalMean.put(codes.evalName(aestheticEvals[k]), evalAesthetic[k] / evalAestheticN[k]);
            }
        }
        return new ParameterGrid.Cell(ids.size(), majority == 0 ? null : (double) scannedCodes / majority,
                evalRate, aestheticN == 0 ? null : aestheticSum / aestheticN, evalMean, ids, majority,
                codes.ties(members), evalScored);
    }
}
