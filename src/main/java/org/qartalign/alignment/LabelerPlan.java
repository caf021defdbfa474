package org.qartalign.alignment;

import org.qartalign.stats.PairedScores;
import org.qartalign.alignment.AlignmentInput.HumanLabel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.qartalign.alignment.LabeledCodes.CONSTANT;
import static org.qartalign.alignment.LabeledCodes.NO_DATA;
import static org.qartalign.alignment.LabeledCodes.ONE_CLASS;
import static org.qartalign.alignment.LabeledCodes.finite;
import static org.qartalign.alignment.LabeledCodes.w;

/** One labeler's labels, prepared for leave-one-out agreement and drift. */
final class LabelerPlan {
    /** Values {@link #compute} writes: scan rate, mean score, LOO kappa, LOO Spearman, drift Spearman, scans. */
    static final int WIDTH = 6;

    final String name;
    final boolean simulated;
    /** The labeled code of each of this labeler's labels, and the label's score. */
    final int[] codes;
    final double[] scores;
    /** Per label: 1 scanned, 0 not, NaN without a scan answer; scores are NaN without a score. */
    private final double[] scans;
    private final double[] seconds;
    private final List<String> phones;
    private final ScanScores looScan;
    private final PairedScores looScore;
    private final PairedScores drift;
    private final double slopePer100;
    private final int looScanN;
    private final int looScoreN;
    Bootstrap.Handle handle;

    LabelerPlan(LabeledCodes labeled, int labeler, String name, boolean simulated) {
        this.name = name;
        this.simulated = simulated;
        List<int[]> idx = new ArrayList<>();
        TreeSet<String> phoneSet = new TreeSet<>();
        for (int i = 0; i < labeled.n; i++) {
            List<HumanLabel> ls = labeled.row(i).labels();
            for (int k = 0; k < ls.size(); k++) {
                if (ls.get(k).labeler() == labeler) {
                    idx.add(new int[] {i, k});
                }
            }
        }
        codes = new int[idx.size()];
        scores = new double[idx.size()];
        scans = new double[idx.size()];
        seconds = new double[idx.size()];
        List<double[]> looS = new ArrayList<>();
        List<double[]> looA = new ArrayList<>();
        Map<Long, List<Integer>> sessions = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        List<HumanLabel> mine = new ArrayList<>();
        for (int j = 0; j < idx.size(); j++) {
            int i = idx.get(j)[0];
            HumanLabel l = labeled.row(i).labels().get(idx.get(j)[1]);
            mine.add(l);
            codes[j] = i;
            scores[j] = l.scoreValue();
            scans[j] = l.scanValue();
            seconds[j] = l.seconds();
            if (l.phoneModel() != null) {
                phoneSet.add(l.phoneModel());
            }
            int others = labeled.scanLabels[i] - 1;
            if (l.hasScan() && others > 0) {
                int yesOthers = labeled.scanned[i] - (l.scanned() ? 1 : 0);
                if (2 * yesOthers != others) {
                    looS.add(new double[] {l.scanned() ? 1 : 0, 2 * yesOthers > others ? 1 : 0, i});
                }
            }
            int otherScores = labeled.scoreLabels[i] - 1;
            if (l.hasScore() && otherScores > 0) {
                looA.add(new double[] {l.aesthetic(),
                        (labeled.humanAesthetic[i] * labeled.scoreLabels[i] - l.aesthetic()) / otherScores, i});
            }
            sessions.computeIfAbsent(l.sessionId(), k -> new ArrayList<>()).add(j);
        }
        phones = List.copyOf(phoneSet);
        looScanN = looS.size();
        looScoreN = looA.size();
        looScan = looS.isEmpty() ? null : new ScanScores(looS.stream().mapToDouble(a -> a[0]).toArray(),
                secondIsOne(looS), looS.stream().mapToInt(a -> (int) a[2]).toArray());
        looScore = new PairedScores(looA.stream().mapToDouble(a -> a[0]).toArray(),
                looA.stream().mapToDouble(a -> a[1]).toArray(), looA.stream().mapToInt(a -> (int) a[2]).toArray());
        double[] position = new double[codes.length];
        int[] driftUnit = new int[codes.length];
        double[] driftScore = new double[codes.length];
        int j = 0;
        for (List<Integer> s : sessions.values()) {
            s.sort(Comparator.comparing(k -> mine.get(k).submittedAt(), Comparator.nullsFirst(Comparator.naturalOrder())));
            for (int p = 0; p < s.size(); p++) {
                int k = s.get(p);
                if (!Double.isNaN(scores[k])) {
                    position[j] = p;
                    driftScore[j] = scores[k];
                    driftUnit[j++] = codes[k];
                }
            }
        }
        position = Arrays.copyOf(position, j);
        driftScore = Arrays.copyOf(driftScore, j);
        driftUnit = Arrays.copyOf(driftUnit, j);
        drift = new PairedScores(position, driftScore, driftUnit);
        slopePer100 = 100 * slope(position, driftScore);
    }

    private static boolean[] secondIsOne(List<double[]> rows) {
        boolean[] b = new boolean[rows.size()];
        for (int k = 0; k < b.length; k++) {
            b[k] = rows.get(k)[1] == 1;
        }
        return b;
    }

    /** Least-squares slope of y on x; NaN when x is constant. */
    static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= x.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx == 0 ? Double.NaN : sxy / sxx;
    }

    void compute(int[] wt, double[] o, int off) {
        double total = 0;
        double yes = 0;
        double scored = 0;
        double sum = 0;
        for (int k = 0; k < codes.length; k++) {
            int w = w(wt, codes[k]);
            if (!Double.isNaN(scans[k])) {
                total += w;
                yes += w * scans[k];
            }
            if (!Double.isNaN(scores[k])) {
                scored += w;
                sum += w * scores[k];
            }
        }
        o[off] = total == 0 ? Double.NaN : yes / total;
        o[off + 1] = scored == 0 ? Double.NaN : sum / scored;
        o[off + 2] = looScan == null ? Double.NaN : looScan.confusion(wt, 0.5).cohenKappa();
        o[off + 3] = looScore.spearman(wt);
        o[off + 4] = drift.spearman(wt);
        o[off + 5] = yes;
    }

    Estimate looSpearman(Bootstrap.Result r) {
        return r.estimate(handle.at(3), looScoreN == 0 ? "no code shared with another labeler" : CONSTANT);
    }

    AlignmentReport.LabelerFigures figures(Bootstrap.Result r) {
        double[] given = Arrays.stream(scores).filter(s -> !Double.isNaN(s)).toArray();
        double mean = given.length == 0 ? Double.NaN : Arrays.stream(given).sum() / given.length;
        double ss = 0;
        for (double s : given) {
            ss += (s - mean) * (s - mean);
        }
        Double sd = given.length < 2 ? null : Math.sqrt(ss / (given.length - 1));
        double[] secs = Arrays.stream(seconds).filter(Double::isFinite).sorted().toArray();
        Double median = secs.length == 0 ? null
                : secs.length % 2 == 1 ? secs[secs.length / 2] : (secs[secs.length / 2 - 1] + secs[secs.length / 2]) / 2;
        int yes = 0;
        int answered = 0;
        for (double b : scans) {
            yes += b == 1 ? 1 : 0;
            answered += Double.isNaN(b) ? 0 : 1;
        }
        return new AlignmentReport.LabelerFigures(name, simulated, codes.length,
                r.proportion(handle.at(0), yes, answered, NO_DATA), r.estimate(handle.at(1), NO_DATA), sd, median,
                r.estimate(handle.at(2), looScanN == 0 ? "no code where the other labelers have a clear majority" : ONE_CLASS),
                looSpearman(r),
                new AlignmentReport.Drift(finite(slopePer100), r.estimate(handle.at(4), CONSTANT)), phones);
    }
}
