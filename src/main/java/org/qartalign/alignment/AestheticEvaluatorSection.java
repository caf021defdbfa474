package org.qartalign.alignment;

import org.qartalign.stats.PairedScores;
import java.util.ArrayList;
import java.util.List;

import static org.qartalign.alignment.LabeledCodes.CONSTANT;
import static org.qartalign.alignment.LabeledCodes.NO_DATA;

/**
 * One aesthetic evaluator against the mean human score (Spearman, Kendall tau-b, Pearson), against each labeler
 * alone, and how its Spearman compares with the typical labeler's leave-one-out Spearman.
 */
final class AestheticEvaluatorSection {
    private static final int SCATTER_POINTS = 1000;

    private final String name;
    private final List<LabelerPlan> labelers;
    private final double[] eval;
    private final double[] human;
    private final Bootstrap.Handle crowd;
    private final List<Bootstrap.Handle> perLabeler = new ArrayList<>();
    private final List<Integer> perLabelerN = new ArrayList<>();

    AestheticEvaluatorSection(LabeledCodes codes, int e, LabelerSection labelerSection, Bootstrap boot) {
        name = codes.evalName(e);
        labelers = labelerSection.plans();
        List<Integer> obs = new ArrayList<>();
        for (int i = 0; i < codes.n; i++) {
            if (!Double.isNaN(codes.row(i).aesthetic()[e]) && !Double.isNaN(codes.humanAesthetic[i])) {
                obs.add(i);
            }
        }
        int[] unit = obs.stream().mapToInt(Integer::intValue).toArray();
        eval = new double[unit.length];
        human = new double[unit.length];
        for (int k = 0; k < unit.length; k++) {
            eval[k] = codes.row(unit[k]).aesthetic()[e];
            human[k] = codes.humanAesthetic[unit[k]];
        }
        PairedScores all = new PairedScores(eval, human, unit);
        crowd = boot.add(Bootstrap.statistic(4, (wt, o, off) -> System.arraycopy(all.compute(wt), 0, o, off, 4)));
        for (LabelerPlan p : labelers) {
            List<double[]> pairs = new ArrayList<>();
            for (int k = 0; k < p.codes.length; k++) {
                double v = codes.row(p.codes[k]).aesthetic()[e];
                if (!Double.isNaN(v) && !Double.isNaN(p.scores[k])) {
                    pairs.add(new double[] {v, p.scores[k], p.codes[k]});
                }
            }
            PairedScores single = new PairedScores(pairs.stream().mapToDouble(a -> a[0]).toArray(),
                    pairs.stream().mapToDouble(a -> a[1]).toArray(), pairs.stream().mapToInt(a -> (int) a[2]).toArray());
            perLabelerN.add(pairs.size());
            perLabeler.add(boot.add(Bootstrap.statistic(4, (wt, o, off) -> System.arraycopy(single.compute(wt), 0, o, off, 4))));
        }
    }

    String name() {
        return name;
    }

    AlignmentReport.AestheticEvaluator fill(Bootstrap.Result r, AlignmentReport.AestheticInterRater inter) {
        String note = eval.length == 0 ? NO_DATA : CONSTANT;
        List<AlignmentReport.SingleLabeler> singles = new ArrayList<>();
        for (int l = 0; l < labelers.size(); l++) {
            Bootstrap.Handle sh = perLabeler.get(l);
            String sn = perLabelerN.get(l) == 0 ? NO_DATA : CONSTANT;
            singles.add(new AlignmentReport.SingleLabeler(labelers.get(l).name, perLabelerN.get(l),
                    r.estimate(sh.at(1), sn), r.estimate(sh.at(2), sn), r.estimate(sh.at(3), sn),
                    labelers.get(l).looSpearman(r)));
        }
        Estimate spearman = r.estimate(crowd.at(1), note);
        List<double[]> scatter = new ArrayList<>();
        int step = Math.max(1, (eval.length + SCATTER_POINTS - 1) / SCATTER_POINTS);
        for (int k = 0; k < eval.length; k += step) {
            scatter.add(new double[] {human[k], eval[k]});
        }
        return new AlignmentReport.AestheticEvaluator(eval.length, spearman, r.estimate(crowd.at(2), note),
                r.estimate(crowd.at(3), note), singles,
                AlignmentReport.Ceiling.of("spearman vs mean human score, against the typical labeler's leave-one-out spearman",
                        inter.typicalLabelerSpearman(), spearman), scatter);
    }
}
