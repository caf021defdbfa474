package org.qartalign.eval;

import java.util.concurrent.ConcurrentHashMap;

/** The eight data masks of ISO/IEC 18004 Table 10 as module arrays ({@code row * size + col}), built once per size. */
final class MaskPatterns {
    private static final ConcurrentHashMap<Integer, boolean[][]> BY_SIZE = new ConcurrentHashMap<>();

    private MaskPatterns() {
    }

    static boolean[] of(int mask, int size) {
        return BY_SIZE.computeIfAbsent(size, MaskPatterns::build)[mask];
    }

    private static boolean[][] build(int n) {
        boolean[][] out = new boolean[8][n * n];
        for (int mask = 0; mask < 8; mask++) {
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    out[mask][r * n + c] = masked(mask, r, c);
                }
            }
        }
        return out;
    }

    /** Table 10's conditions (i = row, j = column). */
    static boolean masked(int mask, int i, int j) {
        return switch (mask) {
            case 0 -> (i + j) % 2 == 0;
            case 1 -> i % 2 == 0;
            case 2 -> j % 3 == 0;
            case 3 -> (i + j) % 3 == 0;
            case 4 -> (i / 2 + j / 3) % 2 == 0;
            case 5 -> (i * j) % 2 + (i * j) % 3 == 0;
            case 6 -> ((i * j) % 2 + (i * j) % 3) % 2 == 0;
            case 7 -> ((i + j) % 2 + (i * j) % 3) % 2 == 0;
            default -> throw new IllegalArgumentException("mask " + mask);
        };
    }
}
