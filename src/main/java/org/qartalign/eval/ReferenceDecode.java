package org.qartalign.eval;

import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DecoderResult;
import com.google.zxing.common.reedsolomon.GenericGF;
import com.google.zxing.common.reedsolomon.ReedSolomonDecoder;
import com.google.zxing.common.reedsolomon.ReedSolomonException;
import com.google.zxing.qrcode.decoder.Decoder;

/**
 * The reference decode of a sampled module grid: ZXing's QR {@link Decoder} on the modules as sampled (dark below
 * the global threshold). When it reads the code's URL, Reed-Solomon correction of each block gives the codewords
 * the generator actually drew. Generators segment and pad the same URL differently from ZXing's {@code Encoder}
 * (another mode, mixed segments), so these corrected codewords, not the re-encoded ones, are the intended data.
 */
final class ReferenceDecode {
    private final Decoder decoder = new Decoder();
    private final ReedSolomonDecoder rs = new ReedSolomonDecoder(GenericGF.QR_CODE_FIELD_256);

    /** Whether the sampled grid decodes to the expected text. */
    boolean reads(boolean[] sampledDark, int n, String expected, PayloadMatch match) {
        BitMatrix bits = new BitMatrix(n);
        for (int i = 0; i < sampledDark.length; i++) {
            if (sampledDark[i]) {
                bits.set(i % n, i / n);
            }
        }
        try {
            DecoderResult r = decoder.decode(bits);
            return r.getText() != null && match.matches(r.getText(), expected);
        } catch (ChecksumException | FormatException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    /**
     * The intended modules with the data modules replaced by the Reed-Solomon-corrected codewords of the sampled
     * grid (read with this symbol's mask), or null when some block cannot be corrected.
     */
    boolean[] corrected(boolean[] sampledDark, IntendedSymbol symbol) {
        QrSymbolLayout l = symbol.layout();
        int n = l.size();
        int[] order = l.placement();
        int total = l.codewords();
        int[] codewords = new int[total];
        boolean[] mask = MaskPatterns.of(symbol.mask(), n);
        for (int bit = 0; bit < order.length; bit++) {
            int m = order[bit];
            boolean dark = sampledDark[m] ^ mask[m];
            codewords[bit / 8] = (codewords[bit / 8] << 1) | (dark ? 1 : 0);
        }
        int blocks = l.blocks();
        int[] length = new int[blocks];
        for (int cw = 0; cw < total; cw++) {
            length[l.blockOf(cw)]++;
        }
        int[][] block = new int[blocks][];
        int[][] index = new int[blocks][];
        int[] fill = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            block[b] = new int[length[b]];
            index[b] = new int[length[b]];
        }
        for (int cw = 0; cw < total; cw++) {
            int b = l.blockOf(cw);
            index[b][fill[b]] = cw;
            block[b][fill[b]++] = codewords[cw];
        }
        for (int b = 0; b < blocks; b++) {
            try {
                rs.decodeWithECCount(block[b], l.ecCodewords(b));
            } catch (ReedSolomonException | IllegalArgumentException e) {
                return null;
            }
            for (int i = 0; i < block[b].length; i++) {
                codewords[index[b][i]] = block[b][i];
            }
        }
        boolean[] out = symbol.dark().clone();
        for (int bit = 0; bit < order.length; bit++) {
            int m = order[bit];
            boolean one = ((codewords[bit / 8] >> (7 - bit % 8)) & 1) == 1;
            out[m] = one ^ mask[m];
        }
        return out;
    }
}
