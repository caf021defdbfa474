package org.qartalign.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/** Deterministic cross-validation folds. */
final class Folds {
    private Folds() {
    }

    /** The rows (in order) shuffled by the seed, then dealt round-robin. */
    static int[] assign(int n, int k, long seed) {
        return stratified(new int[n], k, seed);
    }

    /**
     * Folds with each stratum spread evenly: the rows shuffled by the seed, then dealt round-robin stratum by
     * stratum (smallest stratum value first), continuing the deal across strata. With one stratum this is
     * {@link #assign}.
     */
    static int[] stratified(int[] stratum, int k, long seed) {
        int n = stratum.length;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        TreeMap<Integer, List<Integer>> byStratum = new TreeMap<>();
        for (int i : order) {
            byStratum.computeIfAbsent(stratum[i], s -> new ArrayList<>()).add(i);
        }
        int[] fold = new int[n];
        int dealt = 0;
        for (List<Integer> rows : byStratum.values()) {
            for (int i : rows) {
                fold[i] = dealt++ % k;
            }
        }
        return fold;
    }
}
