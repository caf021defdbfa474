package org.qartalign.alignment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BestOfNTest {
    /** The closed form against enumerating every N-subset, with ties broken uniformly among the present members. */
    @Test
    void closedFormMatchesEnumeration() {
        double[][] groups = {{1}, {0, 1, 0}, {1, 1}, {0}, {0, 1}};
        List<double[]> flat = new ArrayList<>();
        for (int g = 0; g < groups.length; g++) {
            for (double v : groups[g]) {
                flat.add(new double[] {g, v});
            }
        }
        int m = flat.size();
        for (int n = 1; n <= m; n++) {
            double sumPick = 0;
            double sumOracle = 0;
            int subsets = 0;
            for (int mask = 0; mask < 1 << m; mask++) {
                if (Integer.bitCount(mask) != n) {
                    continue;
                }
                subsets++;
                int best = Integer.MAX_VALUE;
                for (int i = 0; i < m; i++) {
                    if ((mask >> i & 1) == 1) {
                        best = Math.min(best, (int) flat.get(i)[0]);
                    }
                }
                double truth = 0;
                int present = 0;
                boolean any = false;
                for (int i = 0; i < m; i++) {
                    if ((mask >> i & 1) == 1) {
                        any |= flat.get(i)[1] == 1;
                        if ((int) flat.get(i)[0] == best) {
                            truth += flat.get(i)[1];
                            present++;
                        }
                    }
                }
                sumPick += truth / present;
                sumOracle += any ? 1 : 0;
            }
            assertEquals(sumPick / subsets, BestOfN.evalPick(groups, n), 1e-12, "N = " + n);
            assertEquals(sumOracle / subsets, BestOfN.oracle(m, 5, n), 1e-12, "oracle N = " + n);
        }
    }

    @Test
    void oneCandidateIsARandomPick() {
        assertEquals(0.5, BestOfN.evalPick(new double[][] {{1, 0}, {1, 0}}, 1), 1e-12);
        assertEquals(1.0, BestOfN.evalPick(new double[][] {{1}, {0, 0, 0}}, 4), 1e-12);
    }
}
