package org.qartalign.eval;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;

import java.util.ArrayList;
import java.util.List;

/**
 * Where everything sits in a QR symbol of one version and level (ISO/IEC 18004 §7): the fixed patterns graded for
 * damage, the two copies of format and version information, and which Reed-Solomon block each module's codeword
 * belongs to. Module indices are {@code row * size + col}.
 */
public final class QrSymbolLayout {
    /** A fixed-pattern segment graded on its own (18004's A1-A3 finders, B1-B2 timing, C alignment). */
    public record Segment(String key, int[] modules) {
    }

    private final Version version;
    private final int size;
    private final boolean[] function;
    private final List<Segment> finders = new ArrayList<>();
    private final List<int[]> finderCentres = new ArrayList<>();
    private final List<Segment> timing = new ArrayList<>();
    private final List<int[]> alignments = new ArrayList<>();
    private final int[] formatCopy1;
    private final int[] formatCopy2;
    private final int[] versionCopy1;
    private final int[] versionCopy2;
    private final int[] moduleCodeword;
    private int[] placement;
    private final int[] codewordBlock;
    private final int[] blockEcCodewords;
    private final int misdecodeProtection;

    public QrSymbolLayout(Version version, ErrorCorrectionLevel level) {
        this.version = version;
        this.size = version.getDimensionForVersion();
        this.function = new boolean[size * size];
        int n = size;
        addFinder("tl", 0, 0, 0, 0);
        addFinder("tr", 0, n - 7, 0, n - 8);
        addFinder("bl", n - 7, 0, n - 8, 0);
        timing.add(new Segment("timing_h", line(6, 8, 6, n - 9)));
        timing.add(new Segment("timing_v", line(8, 6, n - 9, 6)));
        int[] centres = version.getAlignmentPatternCenters();
        for (int r : centres) {
            for (int c : centres) {
                boolean overlapsFinder = r <= 8 && c <= 8 || r <= 8 && c >= n - 9 || r >= n - 9 && c <= 8;
                if (!overlapsFinder) {
                    alignments.add(mark(r - 2, c - 2, 5, 5));
                }
            }
        }
        for (Segment s : timing) {
            markAll(s.modules());
        }
        formatCopy1 = new int[15];
        formatCopy2 = new int[15];
        int k = 0;
        for (int c = 0; c <= 5; c++) {
            formatCopy1[k++] = idx(8, c);
        }
        formatCopy1[k++] = idx(8, 7);
        formatCopy1[k++] = idx(8, 8);
        formatCopy1[k++] = idx(7, 8);
        for (int r = 5; r >= 0; r--) {
            formatCopy1[k++] = idx(r, 8);
        }
        k = 0;
        for (int r = n - 1; r >= n - 7; r--) {
            formatCopy2[k++] = idx(r, 8);
        }
        for (int c = n - 8; c < n; c++) {
            formatCopy2[k++] = idx(8, c);
        }
        markAll(formatCopy1);
        markAll(formatCopy2);
        function[idx(n - 8, 8)] = true;
        if (version.getVersionNumber() >= 7) {
            versionCopy1 = new int[18];
            versionCopy2 = new int[18];
            k = 0;
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 3; j++) {
                    versionCopy1[k] = idx(n - 11 + j, i);
                    versionCopy2[k++] = idx(i, n - 11 + j);
                }
            }
            markAll(versionCopy1);
            markAll(versionCopy2);
        } else {
            versionCopy1 = new int[0];
            versionCopy2 = new int[0];
        }

        Version.ECBlocks ec = version.getECBlocksForLevel(level);
        int blocks = ec.getNumBlocks();
        int ecPer = ec.getECCodewordsPerBlock();
        int[] blockTotal = new int[blocks];
        int b = 0;
        for (Version.ECB e : ec.getECBlocks()) {
            for (int i = 0; i < e.getCount(); i++) {
                blockTotal[b++] = e.getDataCodewords() + ecPer;
            }
        }
        blockEcCodewords = new int[blocks];
        java.util.Arrays.fill(blockEcCodewords, ecPer);
        codewordBlock = interleavedBlocks(blockTotal, ecPer, version.getTotalCodewords());
        moduleCodeword = placeCodewords(version.getTotalCodewords());
        misdecodeProtection = misdecodeProtection(version.getVersionNumber(), level);
    }

    /** 18004's p: codewords of small symbols reserved against misdecodes (Table 9's footnotes). */
    static int misdecodeProtection(int version, ErrorCorrectionLevel level) {
        if (version == 1) {
            return level == ErrorCorrectionLevel.L ? 3 : level == ErrorCorrectionLevel.M ? 2 : 1;
        }
        if (version == 2 && level == ErrorCorrectionLevel.L) {
            return 2;
        }
        return version == 3 && level == ErrorCorrectionLevel.L ? 1 : 0;
    }

    private void addFinder(String key, int r0, int c0, int sr0, int sc0) {
        int[] withSeparator = mark(sr0, sc0, 8, 8);
        finders.add(new Segment("finder_" + key, withSeparator));
        finderCentres.add(rect(r0 + 2, c0 + 2, 3, 3));
    }

    private int[] mark(int r0, int c0, int h, int w) {
        int[] m = rect(r0, c0, h, w);
        markAll(m);
        return m;
    }

    private void markAll(int[] m) {
        for (int i : m) {
            function[i] = true;
        }
    }

    private int[] rect(int r0, int c0, int h, int w) {
        int[] m = new int[h * w];
        int k = 0;
        for (int r = r0; r < r0 + h; r++) {
            for (int c = c0; c < c0 + w; c++) {
                m[k++] = idx(r, c);
            }
        }
        return m;
    }

    private int[] line(int r0, int c0, int r1, int c1) {
        int len = Math.max(r1 - r0, c1 - c0) + 1;
        int[] m = new int[len];
        for (int i = 0; i < len; i++) {
            m[i] = r0 == r1 ? idx(r0, c0 + i) : idx(r0 + i, c0);
        }
        return m;
    }

    private int idx(int r, int c) {
        return r * size + c;
    }

    /** Interleaved codeword index -> block, as ZXing's DataBlock de-interleaves (shorter blocks first). */
    private static int[] interleavedBlocks(int[] blockTotal, int ecPer, int total) {
        int blocks = blockTotal.length;
        int shortTotal = blockTotal[0];
        int longStart = blocks;
        for (int j = 0; j < blocks; j++) {
            if (blockTotal[j] != shortTotal) {
                longStart = j;
                break;
            }
        }
        int shortData = shortTotal - ecPer;
        int[] out = new int[total];
        int o = 0;
        for (int i = 0; i < shortData; i++) {
            for (int j = 0; j < blocks; j++) {
                out[o++] = j;
            }
        }
        for (int j = longStart; j < blocks; j++) {
            out[o++] = j;
        }
        for (int i = shortData; i < shortTotal; i++) {
            for (int j = 0; j < blocks; j++) {
                out[o++] = j;
            }
        }
        return out;
    }

    /** The zigzag of 18004 §7.7.3 (as ZXing's BitMatrixParser reads it): module -> codeword, -1 if none. */
    private int[] placeCodewords(int totalCodewords) {
        int[] out = new int[size * size];
        java.util.Arrays.fill(out, -1);
        int bit = 0;
        int[] order = new int[size * size];
        boolean up = true;
        for (int j = size - 1; j > 0; j -= 2) {
            if (j == 6) {
                j--;
            }
            for (int count = 0; count < size; count++) {
                int r = up ? size - 1 - count : count;
                for (int col = 0; col < 2; col++) {
                    int i = idx(r, j - col);
                    if (!function[i]) {
                        int cw = bit / 8;
                        out[i] = cw < totalCodewords ? cw : -1;
                        order[bit] = i;
                        bit++;
                    }
                }
            }
            up = !up;
        }
        placement = java.util.Arrays.copyOf(order, Math.min(bit, totalCodewords * 8));
        return out;
    }

    public Version version() {
        return version;
    }

    public int size() {
        return size;
    }

    public boolean isFunction(int module) {
        return function[module];
    }

    public List<Segment> finders() {
        return finders;
    }

    /** The 3x3 dark centre of each finder, in the order of {@link #finders()}. */
    public List<int[]> finderCentres() {
        return finderCentres;
    }

    public List<Segment> timing() {
        return timing;
    }

    public List<int[]> alignments() {
        return alignments;
    }

    public int[] formatCopy1() {
        return formatCopy1;
    }

    public int[] formatCopy2() {
        return formatCopy2;
    }

    public int[] versionCopy1() {
        return versionCopy1;
    }

    public int[] versionCopy2() {
        return versionCopy2;
    }

    /** Codeword (interleaved order) a module carries a bit of, or -1 (function pattern or remainder bit). */
    public int codewordOf(int module) {
        return moduleCodeword[module];
    }

    /** Data modules in placement order: bit {@code i % 8} (most significant first) of codeword {@code i / 8}. */
    public int[] placement() {
        return placement;
    }

    public int codewords() {
        return codewordBlock.length;
    }

    public int blockOf(int codeword) {
        return codewordBlock[codeword];
    }

    public int blocks() {
        return blockEcCodewords.length;
    }

    public int ecCodewords(int block) {
        return blockEcCodewords[block];
    }

    public int misdecodeProtection() {
        return misdecodeProtection;
    }
}
