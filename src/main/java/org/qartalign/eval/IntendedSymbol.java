package org.qartalign.eval;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The symbol a code was meant to show, rebuilt from its URL with ZXing's {@link Encoder}: one version, level and
 * mask, its modules ({@code row * size + col}, true = dark) and its layout.
 */
public record IntendedSymbol(ErrorCorrectionLevel level, int mask, boolean[] dark, QrSymbolLayout layout) {
    /** Levels in 18004's order of strength; the format information's two-bit codes are ZXing's. */
    static final ErrorCorrectionLevel[] LEVELS = {ErrorCorrectionLevel.L, ErrorCorrectionLevel.M,
            ErrorCorrectionLevel.Q, ErrorCorrectionLevel.H};
    private static final int FORMAT_MASK = 0x5412;
    private static final int FORMAT_GENERATOR = 0x537;

    public int size() {
        return layout.size();
    }

    /** The symbol for the URL at this version, level and mask, or null when the URL does not fit. */
    public static IntendedSymbol encode(String url, int version, ErrorCorrectionLevel level, int mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.QR_VERSION, version);
        hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        try {
            QRCode qr = Encoder.encode(url, level, hints);
            ByteMatrix m = qr.getMatrix();
            int n = m.getWidth();
            boolean[] dark = new boolean[n * n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    dark[r * n + c] = m.get(c, r) == 1;
                }
            }
            return new IntendedSymbol(level, mask, dark, new QrSymbolLayout(qr.getVersion(), level));
        } catch (WriterException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The smallest version the URL fits at each level (ZXing's own choice), ascending and without repeats. */
    public static List<Integer> minimalVersions(String url) {
        List<Integer> out = new ArrayList<>();
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.QR_MASK_PATTERN, 0);
        for (ErrorCorrectionLevel l : LEVELS) {
            try {
                int v = Encoder.encode(url, l, hints).getVersion().getVersionNumber();
                if (!out.contains(v)) {
                    out.add(v);
                }
            } catch (WriterException e) {
                // the URL does not fit at this level
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * The same symbol under another mask: data modules re-masked (18004 §7.8), format information rewritten;
     * much cheaper than encoding again.
     */
    public IntendedSymbol withMask(int newMask) {
        QrSymbolLayout l = layout;
        int n = l.size();
        boolean[] out = dark.clone();
        boolean[] from = MaskPatterns.of(mask, n);
        boolean[] to = MaskPatterns.of(newMask, n);
        for (int m : l.placement()) {
            out[m] = dark[m] ^ from[m] ^ to[m];
        }
        int word = formatWord(level, newMask);
        for (int i = 0; i < 15; i++) {
            boolean bit = ((word >> (14 - i)) & 1) == 1;
            out[l.formatCopy1()[i]] = bit;
            out[l.formatCopy2()[i]] = bit;
        }
        return new IntendedSymbol(level, newMask, out, l);
    }

    /** Whether a symbol of this many modules per side is a QR version. */
    public static boolean isQrSize(int size) {
        return size >= 21 && size <= 177 && (size - 17) % 4 == 0;
    }

    public static int versionOf(int size) {
        return (size - 17) / 4;
    }

    /** The 15-bit format word (masked, most significant bit first as read) for a level and mask. */
    static int formatWord(ErrorCorrectionLevel level, int mask) {
        int data = (level.getBits() << 3) | mask;
        int rem = data << 10;
        for (int bit = 14; bit >= 10; bit--) {
            if ((rem & (1 << bit)) != 0) {
                rem ^= FORMAT_GENERATOR << (bit - 10);
            }
        }
        return ((data << 10) | rem) ^ FORMAT_MASK;
    }

    /**
     * Level and mask named by sampled format words (either copy), as 18004's BCH(15,5) corrects up to 3 bit errors:
     * {level index, mask}, or null when neither copy is within 3 bits of a valid word.
     */
    static int[] decodeFormat(int copy1, int copy2) {
        int best = Integer.MAX_VALUE;
        int[] out = null;
        for (int li = 0; li < LEVELS.length; li++) {
            for (int mask = 0; mask < 8; mask++) {
                int w = formatWord(LEVELS[li], mask);
                int d = Math.min(Integer.bitCount(w ^ copy1), Integer.bitCount(w ^ copy2));
                if (d < best) {
                    best = d;
                    out = new int[]{li, mask};
                }
            }
        }
        return best <= 3 ? out : null;
    }

    static int levelIndex(ErrorCorrectionLevel level) {
        for (int i = 0; i < LEVELS.length; i++) {
            if (LEVELS[i] == level) {
                return i;
            }
        }
        throw new IllegalArgumentException(String.valueOf(level));
    }

    static boolean versionExists(int v) {
        return v >= 1 && v <= 40 && Version.getVersionForNumber(v) != null;
    }
}
