package org.qartalign.eval;

import com.google.zxing.Binarizer;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The black matrices of ZXing's {@code HybridBinarizer} and {@code GlobalHistogramBinarizer}, bit for bit, built a
 * row of 32-bit words at a time, eight pixels read and compared as one long (ZXing's set one bit per
 * {@code BitMatrix.set} call, which was most of a capture decode's time). Only {@link #getBlackMatrix()} is
 * reimplemented; 1D rows come from ZXing's own code. Equality with ZXing's matrices is checked in
 * {@code WordBinarizersTest} over photos, captures and synthetic images.
 */
final class WordBinarizers {
    /** Side of the hybrid method's blocks; each block's threshold is the mean of a 5x5 neighbourhood of blocks. */
    private static final int BLOCK = 8;
    /** Images smaller than 5 blocks either way get the global threshold, as in ZXing. */
    private static final int MIN_HYBRID_SIDE = 5 * BLOCK;
    /** A block whose max - min is at most this counts as flat. */
    private static final int FLAT_RANGE = 24;
    private static final int BUCKET_SHIFT = 3;
    /** Eight pixels read as one little-endian long: pixel k in bits 8k to 8k + 7. */
    private static final VarHandle EIGHT_PIXELS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BYTES = 0x00FF00FF00FF00FFL;
    private static final long BIT_8_OF_LANES = 0x0100010001000100L;
    private static final long LANE_ONES = 0x0001000100010001L;
    /** Multiplying bits 0, 16, 32, 48 by this puts them in bits 48 to 51, with nothing carried there. */
    private static final long GATHER_LANES = 0x0001000200040008L;
    /** Bit j of the index moved to bit 2j. */
    private static final int[] SPREAD = new int[16];

    static {
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 4; j++) {
                SPREAD[i] |= (i >> j & 1) << (2 * j);
            }
        }
    }
    private static final int BUCKETS = 256 >> BUCKET_SHIFT;

    private WordBinarizers() {
    }

    /** Same matrix as {@code new HybridBinarizer(source).getBlackMatrix()}. */
    static Binarizer hybrid(LuminanceSource source) {
        return new Hybrid(source);
    }

    /** Same matrix as {@code new GlobalHistogramBinarizer(source).getBlackMatrix()}. */
    static Binarizer global(LuminanceSource source) {
        return new Global(source);
    }

    private static final class Hybrid extends GlobalHistogramBinarizer {
        private BitMatrix matrix;

        Hybrid(LuminanceSource source) {
            super(source);
        }

        @Override
        public BitMatrix getBlackMatrix() throws NotFoundException {
            if (matrix == null) {
                LuminanceSource s = getLuminanceSource();
                int w = s.getWidth();
                int h = s.getHeight();
                matrix = w >= MIN_HYBRID_SIDE && h >= MIN_HYBRID_SIDE ? hybridMatrix(s.getMatrix(), w, h)
                        : globalMatrix(s.getMatrix(), w, h);
            }
            return matrix;
        }

        @Override
        public Binarizer createBinarizer(LuminanceSource source) {
            return new Hybrid(source);
        }
    }

    private static final class Global extends GlobalHistogramBinarizer {
        Global(LuminanceSource source) {
            super(source);
        }

        @Override
        public BitMatrix getBlackMatrix() throws NotFoundException {
            LuminanceSource s = getLuminanceSource();
            return globalMatrix(s.getMatrix(), s.getWidth(), s.getHeight());
        }

        @Override
        public Binarizer createBinarizer(LuminanceSource source) {
            return new Global(source);
        }
    }

    /** Offset of block {@code b} along a side of {@code size} pixels: the last block is pulled back inside. */
    private static int blockStart(int b, int size) {
        return Math.min(b * BLOCK, size - BLOCK);
    }

    static BitMatrix hybridMatrix(byte[] lum, int w, int h) {
        int bw = (w + BLOCK - 1) / BLOCK;
        int bh = (h + BLOCK - 1) / BLOCK;
        int[] black = blackPoints(lum, w, h, bw, bh);
        // threshold of each block: integer mean of the black points of the 5x5 blocks around it, centre kept
        // two blocks from the edges
        int[] threshold = new int[bw * bh];
        for (int by = 0; by < bh; by++) {
            int cy = Math.max(2, Math.min(bh - 3, by));
            for (int bx = 0; bx < bw; bx++) {
                int cx = Math.max(2, Math.min(bw - 3, bx));
                int sum = 0;
                for (int dy = -2; dy <= 2; dy++) {
                    int r = (cy + dy) * bw + cx;
                    sum += black[r - 2] + black[r - 1] + black[r] + black[r + 1] + black[r + 2];
                }
                threshold[by * bw + bx] = sum / 25;
            }
        }
        BitMatrix m = new BitMatrix(w, h);
        BitArray row = new BitArray(w);
        int[] words = row.getBitArray();
        int lastStartY = h - BLOCK;
        int lastStartX = w - BLOCK;
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(words, 0);
            int off = y * w;
            // a pixel is black when it is at most the threshold of any block covering it: blocks overlap
            // where the last block of a side is pulled back inside the image
            int by = y / BLOCK;
            if (by < bh - 1) {
                thresholdRow(lum, off, threshold, by * bw, bw, lastStartX, words);
            }
            if (y >= lastStartY) {
                thresholdRow(lum, off, threshold, (bh - 1) * bw, bw, lastStartX, words);
            }
            m.setRow(y, row);
        }
        return m;
    }

    /** ORs into {@code words} the bits of one pixel row against one row of block thresholds. */
    private static void thresholdRow(byte[] lum, int off, int[] threshold, int tRow, int bw, int lastStartX,
                                     int[] words) {
        // all but the last block sit on 8-bit boundaries: one byte of a word each
        for (int bx = 0; bx < bw - 1; bx++) {
            int bits = blockBits(lum, off + bx * BLOCK, threshold[tRow + bx]);
            words[bx >> 2] |= bits << ((bx & 3) * BLOCK);
        }
        int bits = blockBits(lum, off + lastStartX, threshold[tRow + bw - 1]);
        int word = lastStartX >> 5;
        int shift = lastStartX & 31;
        words[word] |= bits << shift;
        if (shift > 32 - BLOCK) {
            words[word + 1] |= bits >>> (32 - shift);
        }
    }

    /**
     * Eight bits, bit k set when pixel {@code start + k} is at most {@code t} (0..255), compared four at a time:
     * in 16-bit lanes, 0x100 + t - p keeps bit 8 exactly when p <= t, and never borrows from the next lane.
     */
    private static int blockBits(byte[] lum, int start, int t) {
        long v = (long) EIGHT_PIXELS.get(lum, start);
        long t16 = t * LANE_ONES | BIT_8_OF_LANES;
        long even = (t16 - (v & LOW_BYTES)) & BIT_8_OF_LANES;
        long odd = (t16 - (v >>> 8 & LOW_BYTES)) & BIT_8_OF_LANES;
        int evenBits = (int) ((even >>> 8) * GATHER_LANES >>> 48);
        int oddBits = (int) ((odd >>> 8) * GATHER_LANES >>> 48);
        return SPREAD[evenBits] | SPREAD[oddBits] << 1;
    }

    /**
     * One black point per block: the mean of its 64 pixels, or for a flat block half its minimum, raised to the
     * mean of its upper, left (twice) and upper-left neighbours' black points when its minimum is below that.
     */
    private static int[] blackPoints(byte[] lum, int w, int h, int bw, int bh) {
        int[] out = new int[bw * bh];
        for (int by = 0; by < bh; by++) {
            int y0 = blockStart(by, h);
            for (int bx = 0; bx < bw; bx++) {
                int start = y0 * w + blockStart(bx, w);
                long pairs = 0;
                int min = 255;
                int max = 0;
                for (int r = 0; r < BLOCK; r++, start += w) {
                    long v = (long) EIGHT_PIXELS.get(lum, start);
                    // pixel pairs summed in 16-bit lanes: at most 8 * 510, no carry between lanes
                    pairs += (v & LOW_BYTES) + (v >>> 8 & LOW_BYTES);
                    // once the range is over FLAT_RANGE it stays so, and only the sum matters
                    if (max - min <= FLAT_RANGE) {
                        for (int k = 0; k < 64; k += 8) {
                            int p = (int) (v >>> k) & 0xff;
                            min = Math.min(min, p);
                            max = Math.max(max, p);
                        }
                    }
                }
                int sum = (int) (pairs * LANE_ONES >>> 48);
                int point = sum >> 6;
                if (max - min <= FLAT_RANGE) {
                    point = min / 2;
                    if (by > 0 && bx > 0) {
                        int i = by * bw + bx;
                        int neighbours = (out[i - bw] + 2 * out[i - 1] + out[i - bw - 1]) / 4;
                        if (min < neighbours) {
                            point = neighbours;
                        }
                    }
                }
                out[by * bw + bx] = point;
            }
        }
        return out;
    }

    static BitMatrix globalMatrix(byte[] lum, int w, int h) throws NotFoundException {
        int[] buckets = new int[BUCKETS];
        // histogram of the middle three fifths of four rows, at 1/5 .. 4/5 of the height
        for (int k = 1; k < 5; k++) {
            int off = (h * k / 5) * w;
            for (int x = w / 5; x < 4 * w / 5; x++) {
                buckets[(lum[off + x] & 0xff) >> BUCKET_SHIFT]++;
            }
        }
        int black = blackPoint(buckets);
        BitMatrix m = new BitMatrix(w, h);
        BitArray row = new BitArray(w);
        int[] words = row.getBitArray();
        int eights = w & ~7;
        for (int y = 0; y < h; y++) {
            int off = y * w;
            java.util.Arrays.fill(words, 0);
            // p < black exactly when p <= black - 1 (black is at least 8)
            for (int x = 0; x < eights; x += BLOCK) {
                words[x >> 5] |= blockBits(lum, off + x, black - 1) << (x & 31);
            }
            for (int x = eights; x < w; x++) {
                words[x >> 5] |= (((lum[off + x] & 0xff) - black) >>> 31) << (x & 31);
            }
            m.setRow(y, row);
        }
        return m;
    }

    /**
     * The global black point: a valley between the histogram's tallest peak and the peak that is tallest once
     * weighted by squared distance from it, nearer the lighter peak. Too little contrast is not a code.
     */
    private static int blackPoint(int[] buckets) throws NotFoundException {
        int tallest = 0;
        int tallestCount = 0;
        for (int x = 0; x < BUCKETS; x++) {
            if (buckets[x] > tallestCount) {
                tallest = x;
                tallestCount = buckets[x];
            }
        }
        int other = 0;
        int otherScore = 0;
        for (int x = 0; x < BUCKETS; x++) {
            int d = x - tallest;
            int score = buckets[x] * d * d;
            if (score > otherScore) {
                other = x;
                otherScore = score;
            }
        }
        int dark = Math.min(tallest, other);
        int light = Math.max(tallest, other);
        if (light - dark <= BUCKETS >> 4) {
            throw NotFoundException.getNotFoundInstance();
        }
        int valley = light - 1;
        int valleyScore = -1;
        for (int x = light - 1; x > dark; x--) {
            int fromDark = x - dark;
            int score = fromDark * fromDark * (light - x) * (tallestCount - buckets[x]);
            if (score > valleyScore) {
                valley = x;
                valleyScore = score;
            }
        }
        return valley << BUCKET_SHIFT;
    }
}
