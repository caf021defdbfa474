package org.qartalign.alignment;

import java.util.ArrayList;
import java.util.List;

/**
 * Per labeler: scan rate, mean score, leave-one-out agreement with the others, and drift within sessions. One
 * statistic serves every labeler, so the typical labeler's figures (the mean over labelers of their leave-one-out
 * kappa and Spearman) reuse each labeler's values in the same replicate.
 */
final class LabelerSection {
    private final List<LabelerPlan> plans = new ArrayList<>();
    private final Bootstrap.Handle typical;

    LabelerSection(LabeledCodes codes, Bootstrap boot) {
        for (int l = 0; l < codes.input.labelers().size(); l++) {
            AlignmentInput.LabelerRow row = codes.input.labelers().get(l);
            LabelerPlan p = new LabelerPlan(codes, l, row.name(), row.simulated());
            if (p.codes.length > 0) {
                plans.add(p);
            }
        }
        int width = 2 + LabelerPlan.WIDTH * plans.size();
        Bootstrap.Handle h = boot.add(Bootstrap.statistic(width, (wt, o, off) -> {
            double kappaSum = 0;
            int kappas = 0;
            double rhoSum = 0;
            int rhos = 0;
            for (int p = 0; p < plans.size(); p++) {
                int at = off + 2 + LabelerPlan.WIDTH * p;
                plans.get(p).compute(wt, o, at);
                if (Double.isFinite(o[at + 2])) {
                    kappaSum += o[at + 2];
                    kappas++;
                }
                if (Double.isFinite(o[at + 3])) {
                    rhoSum += o[at + 3];
                    rhos++;
                }
            }
            o[off] = kappas == 0 ? Double.NaN : kappaSum / kappas;
            o[off + 1] = rhos == 0 ? Double.NaN : rhoSum / rhos;
        }));
        typical = new Bootstrap.Handle(h.offset(), 2);
        for (int p = 0; p < plans.size(); p++) {
            plans.get(p).handle = new Bootstrap.Handle(h.offset() + 2 + LabelerPlan.WIDTH * p, LabelerPlan.WIDTH);
        }
    }

    /** Labelers with at least one label, in input order. */
    List<LabelerPlan> plans() {
        return plans;
    }

    /** Values 0 and 1: the typical labeler's leave-one-out kappa and Spearman. */
    Bootstrap.Handle typical() {
        return typical;
    }

    List<AlignmentReport.LabelerFigures> fill(Bootstrap.Result r) {
        List<AlignmentReport.LabelerFigures> out = new ArrayList<>();
        for (LabelerPlan p : plans) {
            out.add(p.figures(r));
        }
        return out;
    }
}
