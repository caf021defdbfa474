package org.qartalign.alignment;

import org.qartalign.stats.Ranks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.qartalign.alignment.LabeledCodes.finite;

/**
 * The codes where an eval and the people disagree most: for scans, |probability - share of labelers who scanned|;
 * for scores, the gap between percentile ranks, so eval and human scales compare.
 */
final class DisagreementSection {
    private static final int DISAGREEMENTS = 20;

    private final LabeledCodes codes;

    DisagreementSection(LabeledCodes codes) {
        this.codes = codes;
    }

    AlignmentReport.Disagreements compute() {
        Map<String, List<AlignmentReport.Disagreement>> scan = new TreeMap<>();
        for (int e : codes.scanEvals) {
            List<AlignmentReport.Disagreement> d = new ArrayList<>();
            for (int i = 0; i < codes.n; i++) {
                double p = codes.row(i).scanProb()[e];
                if (!Double.isNaN(p) && codes.scanLabels[i] > 0) {
                    d.add(disagreement(i, p, Double.NaN, WorstFirst.scanGap(p, codes.scanned[i], codes.scanLabels[i])));
                }
            }
            scan.put(codes.evalName(e), worst(d));
        }
        Map<String, List<AlignmentReport.Disagreement>> aes = new TreeMap<>();
        for (int e : codes.aestheticEvals) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < codes.n; i++) {
                if (!Double.isNaN(codes.row(i).aesthetic()[e]) && !Double.isNaN(codes.humanAesthetic[i])) {
                    idx.add(i);
                }
            }
            double[] ev = idx.stream().mapToDouble(i -> codes.row(i).aesthetic()[e]).toArray();
            double[] hv = idx.stream().mapToDouble(i -> codes.humanAesthetic[i]).toArray();
            double[] re = percentileRanks(ev);
            double[] rh = percentileRanks(hv);
            List<AlignmentReport.Disagreement> d = new ArrayList<>();
            for (int k = 0; k < idx.size(); k++) {
                int i = idx.get(k);
                d.add(disagreement(i, codes.row(i).scanProb()[e], ev[k], Math.abs(re[k] - rh[k])));
            }
            aes.put(codes.evalName(e), worst(d));
        }
        return new AlignmentReport.Disagreements(scan, aes);
    }

    /** Ranks scaled to [0, 1] (average ranks for ties), so eval and human scales compare. */
    private static double[] percentileRanks(double[] v) {
        double[] r = new double[v.length];
        if (v.length < 2) {
            return r;
        }
        int[] order = Ranks.orderAscending(v);
        double[] ones = new double[v.length];
        Arrays.fill(ones, 1);
        Ranks.averageRanks(order, Ranks.groupStarts(v, order), ones, r);
        for (int i = 0; i < r.length; i++) {
            r[i] = (r[i] - 1) / (v.length - 1);
        }
        return r;
    }

    private AlignmentReport.Disagreement disagreement(int i, double prob, double evalAes, double gap) {
        AlignmentInput.CodeRow c = codes.row(i);
        return new AlignmentReport.Disagreement(c.id(), c.pairId(), c.imagePath(), c.prompt(), c.url(), codes.labels[i],
                codes.scanLabels[i] == 0 ? null : (double) codes.scanned[i] / codes.scanLabels[i], finite(prob),
                finite(codes.humanAesthetic[i]), finite(evalAes), gap);
    }

    private static List<AlignmentReport.Disagreement> worst(List<AlignmentReport.Disagreement> d) {
        return d.stream().sorted(WorstFirst.DISAGREEMENTS).limit(DISAGREEMENTS).toList();
    }
}
