package org.qartalign.alignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.qartalign.alignment.LabeledCodes.NO_DATA;
import static org.qartalign.alignment.LabeledCodes.w;

/**
 * Best-of-N: the human scan rate of the code an eval picks among N candidates of a pair, against a random pick
 * and an oracle. Its unit is the pair, so it runs its own bootstrap over pairs.
 */
final class BestOfNSection {
    private final LabeledCodes codes;

    BestOfNSection(LabeledCodes codes) {
        this.codes = codes;
    }

    AlignmentReport.BestOfN compute() {
        ReportOptions options = codes.options;
        Map<Long, List<Integer>> byPair = new TreeMap<>();
        for (int i = 0; i < codes.n; i++) {
            if (!Double.isNaN(codes.truth[i])) {
                byPair.computeIfAbsent(codes.row(i).pairId(), k -> new ArrayList<>()).add(i);
            }
        }
        List<List<Integer>> pairs = byPair.values().stream().filter(l -> l.size() >= 2).toList();
        Integer aesIndex = options.aesthetic() == null ? null : codes.input.evaluators().indexOf(options.aesthetic());
        String rule = "passes the threshold first, then "
                + (aesIndex == null ? "" : "higher " + options.aesthetic() + " aesthetic score, then ")
                + "higher scan probability; ties broken at random";
        Bootstrap boot = codes.bootstrap(pairs.size());
        Map<String, List<Supplier<AlignmentReport.BestOfNPoint>>> plans = new TreeMap<>();
        Bootstrap.Result[] result = new Bootstrap.Result[1];
        int maxAll = 0;
        for (int e : codes.scanEvals) {
            List<double[][]> groups = new ArrayList<>();
            int[] sizes = new int[pairs.size()];
            double[] positives = new double[pairs.size()];
            int maxN = 0;
            for (int p = 0; p < pairs.size(); p++) {
                List<Integer> cand = new ArrayList<>();
                for (int i : pairs.get(p)) {
                    if (!Double.isNaN(codes.row(i).scanProb()[e])) {
                        cand.add(i);
                    }
                }
                groups.add(rankGroups(cand, e, aesIndex));
                sizes[p] = cand.size();
                for (int i : cand) {
                    positives[p] += codes.truth[i];
                }
                maxN = Math.max(maxN, sizes[p] >= 2 ? sizes[p] : 0);
            }
            maxAll = Math.max(maxAll, maxN);
            List<Supplier<AlignmentReport.BestOfNPoint>> points = new ArrayList<>();
            for (int size = 1; size <= maxN; size++) {
                int nn = size;
                double[][] v = new double[pairs.size()][];
                int count = 0;
                for (int p = 0; p < pairs.size(); p++) {
                    if (sizes[p] >= nn && sizes[p] >= 2) {
                        v[p] = new double[] {BestOfN.evalPick(groups.get(p), nn), positives[p] / sizes[p],
                                BestOfN.oracle(sizes[p], (int) positives[p], nn)};
                        count++;
                    }
                }
                int pairCount = count;
                Bootstrap.Handle h = boot.add(Bootstrap.statistic(3, (wt, o, off) -> {
                    double total = 0;
                    double[] s = new double[3];
                    for (int p = 0; p < v.length; p++) {
                        if (v[p] == null) {
                            continue;
                        }
                        int w = w(wt, p);
                        total += w;
                        for (int k = 0; k < 3; k++) {
                            s[k] += w * v[p][k];
                        }
                    }
                    for (int k = 0; k < 3; k++) {
                        o[off + k] = total == 0 ? Double.NaN : s[k] / total;
                    }
                }));
                points.add(() -> new AlignmentReport.BestOfNPoint(nn, pairCount,
                        result[0].estimate(h.at(0), NO_DATA), result[0].estimate(h.at(1), NO_DATA),
                        result[0].estimate(h.at(2), NO_DATA)));
            }
            plans.put(codes.evalName(e), points);
        }
        result[0] = boot.run();
        Map<String, List<AlignmentReport.BestOfNPoint>> out = new TreeMap<>();
        plans.forEach((k, v) -> out.put(k, v.stream().map(Supplier::get).toList()));
        return new AlignmentReport.BestOfN(pairs.size(), maxAll, "exact expectation over all N-subsets (closed form)",
                rule, "pair", out);
    }

    /** A pair's candidates grouped by equal rank, best first, as human truth values. */
    private double[][] rankGroups(List<Integer> cand, int e, Integer aesIndex) {
        double t = codes.options.threshold();
        Comparator<Integer> better = Comparator.comparing((Integer i) -> ScanVerdict.passes(codes.row(i).scanProb()[e], t))
                .thenComparing(i -> aesIndex == null ? 0.0 : nanLow(codes.row(i).aesthetic()[aesIndex]))
                .thenComparing(i -> codes.row(i).scanProb()[e]).reversed();
        List<Integer> sorted = new ArrayList<>(cand);
        sorted.sort(better);
        List<double[]> groups = new ArrayList<>();
        int start = 0;
        for (int k = 1; k <= sorted.size(); k++) {
            if (k == sorted.size() || better.compare(sorted.get(start), sorted.get(k)) != 0) {
                double[] g = new double[k - start];
                for (int j = start; j < k; j++) {
                    g[j - start] = codes.truth[sorted.get(j)];
                }
                groups.add(g);
                start = k;
            }
        }
        return groups.toArray(new double[0][]);
    }

    private static double nanLow(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }
}
