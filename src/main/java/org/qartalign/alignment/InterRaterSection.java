package org.qartalign.alignment;

import org.qartalign.alignment.AlignmentInput.HumanLabel;

import java.util.List;

import static org.qartalign.alignment.LabeledCodes.NO_DATA;
import static org.qartalign.alignment.LabeledCodes.ONE_CLASS;

/** Agreement between labelers on scans (percent, Krippendorff, Fleiss, Gwet) and on scores (Krippendorff). */
final class InterRaterSection {
    private static final String NO_PAIRS = "no code has two or more labels";

    private final LabelerSection labelers;
    private final Bootstrap.Handle scan;
    private final Bootstrap.Handle aesthetic;
    /** Codes with two or more scan answers, and with two or more scores. */
    private final int pairable;
    private final int pairableScores;

    InterRaterSection(LabeledCodes codes, LabelerSection labelers, Bootstrap boot) {
        this.labelers = labelers;
        int n = codes.n;
        int[][] counts = new int[n][2];
        double[][] scanValues = new double[n][];
        double[][] aesValues = new double[n][];
        int units = 0;
        int scoreUnits = 0;
        for (int i = 0; i < n; i++) {
            List<HumanLabel> ls = codes.row(i).labels();
            scanValues[i] = new double[ls.size()];
            aesValues[i] = new double[ls.size()];
            for (int k = 0; k < ls.size(); k++) {
                scanValues[i][k] = ls.get(k).scanValue();
                aesValues[i][k] = ls.get(k).scoreValue();
            }
            counts[i][1] = codes.scanned[i];
            counts[i][0] = codes.scanLabels[i] - codes.scanned[i];
            units += codes.scanLabels[i] >= 2 ? 1 : 0;
            scoreUnits += codes.scoreLabels[i] >= 2 ? 1 : 0;
        }
        pairable = units;
        pairableScores = scoreUnits;
        CategoricalAgreement cat = new CategoricalAgreement(counts, 2, null);
        Krippendorff scanAlpha = new Krippendorff(scanValues, null);
        Krippendorff aesAlpha = new Krippendorff(aesValues, null);
        scan = boot.add(Bootstrap.statistic(4, (wt, o, off) -> {
            double[] c = cat.compute(wt);
            o[off] = c[0];
            o[off + 1] = scanAlpha.alphas(wt, Krippendorff.Level.NOMINAL)[0];
            o[off + 2] = c[1];
            o[off + 3] = c[2];
        }));
        aesthetic = boot.add(Bootstrap.statistic(2, (wt, o, off) -> {
            double[] a = aesAlpha.alphas(wt, Krippendorff.Level.INTERVAL, Krippendorff.Level.ORDINAL);
            o[off] = a[0];
            o[off + 1] = a[1];
        }));
    }

    AlignmentReport.ScanInterRater fillScan(Bootstrap.Result r) {
        String few = pairable == 0 ? NO_PAIRS : ONE_CLASS;
        return new AlignmentReport.ScanInterRater(pairable,
                r.estimate(scan.at(0), pairable == 0 ? NO_PAIRS : NO_DATA),
                r.estimate(scan.at(1), few), r.estimate(scan.at(2), few),
                r.estimate(scan.at(3), pairable == 0 ? NO_PAIRS : NO_DATA),
                r.estimate(labelers.typical().at(0), "no labeler shares codes with others in both classes"));
    }

    AlignmentReport.AestheticInterRater fillAesthetic(Bootstrap.Result r) {
        String fewScores = pairableScores == 0 ? NO_PAIRS : "undefined: every score is the same";
        return new AlignmentReport.AestheticInterRater(pairableScores, r.estimate(aesthetic.at(0), fewScores),
                r.estimate(aesthetic.at(1), fewScores),
                r.estimate(labelers.typical().at(1), "no labeler shares varied scores with others"));
    }
}
