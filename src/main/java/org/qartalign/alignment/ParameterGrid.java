package org.qartalign.alignment;

import java.util.List;
import java.util.Map;

/**
 * Point figures over a grid of two generation parameters (the "toast plot"), with the codes of each cell so a
 * screen can open them. {@code cells.get(i).get(j)} is x bin i and y bin j; the bins are the report's.
 */
public record ParameterGrid(String x, String y, List<String> xBins, List<String> yBins, List<String> scanEvaluators,
                            List<List<Cell>> cells) {

    /**
     * @param n labeled codes in the cell
     * @param humanScanRate share of the cell's codes with a human majority that people scanned (ties left out)
     * @param evalScanRate per scan evaluator, the share of the cell's codes it predicts to scan
     * @param meanHumanAesthetic mean of the codes' mean human scores
     * @param meanEvalAesthetic per aesthetic evaluator, its mean score over the cell
     * @param humanMajority the codes with a human majority: the n that {@code humanScanRate} is over
     * @param ties the codes whose labelers split evenly, left out of {@code humanScanRate} (codes with only scores
     *             are neither)
     * @param evalScored per scan evaluator, the codes it gave a probability: the n its rate is over
     */
    public record Cell(int n, Double humanScanRate, Map<String, Double> evalScanRate, Double meanHumanAesthetic,
                       Map<String, Double> meanEvalAesthetic, List<String> codeIds, int humanMajority, int ties,
                       Map<String, Integer> evalScored) {
    }
}
