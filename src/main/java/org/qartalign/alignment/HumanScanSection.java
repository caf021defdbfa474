package org.qartalign.alignment;

import org.qartalign.stats.PairedScores;
import org.qartalign.alignment.AlignmentInput.HumanLabel;

import java.util.ArrayList;
import java.util.List;

import static org.qartalign.alignment.LabeledCodes.CONSTANT;
import static org.qartalign.alignment.LabeledCodes.NO_DATA;
import static org.qartalign.alignment.LabeledCodes.w;

/** Human scan truth: the majority scan rate, the scan rate over all labels, and test-retest agreement. */
final class HumanScanSection {
    private final LabeledCodes codes;
    private final Bootstrap.Handle rates;
    private final Bootstrap.Handle retest;
    private final int pairs;

    HumanScanSection(LabeledCodes codes, Bootstrap boot) {
        this.codes = codes;
        int n = codes.n;
        rates = boot.add(Bootstrap.statistic(4, (wt, o, off) -> {
            double decided = 0;
            double yes = 0;
            double all = 0;
            double yesLabels = 0;
            for (int i = 0; i < n; i++) {
                int w = w(wt, i);
                if (!Double.isNaN(codes.truth[i])) {
                    decided += w;
                    yes += w * codes.truth[i];
                }
                all += (double) w * codes.scanLabels[i];
                yesLabels += (double) w * codes.scanned[i];
            }
            o[off] = decided == 0 ? Double.NaN : yes / decided;
            o[off + 1] = all == 0 ? Double.NaN : yesLabels / all;
            o[off + 2] = yes;
            o[off + 3] = decided;
        }));
        List<double[]> retestScan = new ArrayList<>();
        List<Integer> retestUnits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (HumanLabel r : codes.row(i).retests()) {
                for (HumanLabel l : codes.row(i).labels()) {
                    // Re-tests come from the labeling screen, which asks for both answers; a partial one is left out.
                    if (l.labeler() == r.labeler() && complete(l) && complete(r)) {
                        retestScan.add(new double[] {l.scanned().equals(r.scanned()) ? 1 : 0, l.aesthetic(),
                                r.aesthetic()});
                        retestUnits.add(i);
                    }
                }
            }
        }
        pairs = retestScan.size();
        int[] rUnit = retestUnits.stream().mapToInt(Integer::intValue).toArray();
        PairedScores retestScores = new PairedScores(retestScan.stream().mapToDouble(a -> a[1]).toArray(),
                retestScan.stream().mapToDouble(a -> a[2]).toArray(), rUnit);
        int count = pairs;
        retest = boot.add(Bootstrap.statistic(3, (wt, o, off) -> {
            double agree = 0;
            double total = 0;
            for (int k = 0; k < count; k++) {
                int w = w(wt, rUnit[k]);
                agree += w * retestScan.get(k)[0];
                total += w;
            }
            o[off] = total == 0 ? Double.NaN : agree / total;
            o[off + 1] = retestScores.spearman(wt);
            o[off + 2] = agree;
        }));
    }

    private static boolean complete(HumanLabel l) {
        return l.hasScan() && l.hasScore();
    }

    AlignmentReport.HumanScan fill(Bootstrap.Result res) {
        int ties = 0;
        int labelCount = 0;
        int yesLabels = 0;
        for (int i = 0; i < codes.n; i++) {
            ties += Double.isNaN(codes.truth[i]) ? 1 : 0;
            labelCount += codes.scanLabels[i];
            yesLabels += codes.scanned[i];
        }
        AlignmentReport.TestRetest tr = new AlignmentReport.TestRetest(pairs,
                res.proportion(retest.at(0), res.point(retest.at(2)), pairs, "no retest labels"),
                res.estimate(retest.at(1), pairs == 0 ? "no retest labels" : CONSTANT));
        return new AlignmentReport.HumanScan(codes.n - ties, ties,
                res.proportion(rates.at(0), res.point(rates.at(2)), res.point(rates.at(3)), "no labeled code without a tie"),
                labelCount, res.proportion(rates.at(1), yesLabels, labelCount, NO_DATA), tr);
    }
}
