package org.qartalign.eval;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.util.ArrayList;
import java.util.List;

/**
 * Grades one code image against the symbol its URL was meant to show, after ISO/IEC 15415 and 18004: locates the
 * module grid, samples every module and its quiet zone with a small synthetic aperture, rebuilds the intended
 * symbol (format information read from the image names level and mask; otherwise every level the URL fits, times
 * every mask, and the best-matching one is kept) and hands the samples to {@link GradeMeasurement}.
 * Not thread-safe: one per worker.
 */
public final class QrGrader {
    /** Larger images are box-downscaled by a whole factor to at most this side first: detection cost is per pixel. */
    static final int MAX_SIDE = 640;
    /** Quiet-zone rings sampled around the symbol (18004 asks for 4 modules). */
    static final int QUIET = 4;
    /** A detector grid this far from its intended symbol is also compared with the generated-code layout. */
    private static final double RETRY_LAYOUT_MISMATCH = 0.25;

    private final GridLocator locator = new GridLocator();
    private final ReferenceDecode reference = new ReferenceDecode();
    private final PayloadMatch match;

    public QrGrader() {
        this(PayloadMatch.EXACT);
    }

    public QrGrader(PayloadMatch match) {
        this.match = match;
    }

    /** Module samples of one placed grid against one intended symbol. */
    record Attempt(GridLocator.Located located, double[] samples, double rmin, double rmax, IntendedSymbol intended,
                   boolean formatRead, boolean referenceRead, boolean generatorCodewords, double mismatch) {
        QrGrid grid() {
            return located.grid();
        }

        double threshold() {
            return (rmin + rmax) / 2;
        }

        int span() {
            return grid().size() + 2 * QUIET;
        }

        /** Reflectance of module (col, row) in symbol coordinates, -1 outside the image. */
        double at(int col, int row) {
            return samples[(row + QUIET) * span() + col + QUIET];
        }
    }

    public QrGrade grade(GrayImage image, String url) {
        GrayImage g = image.downscaledTo(MAX_SIDE);
        Attempt best = null;
        GridLocator.Located detected = locator.detect(g);
        if (detected != null) {
            best = attempt(g, url, detected);
        }
        if (best == null || best.mismatch() > RETRY_LAYOUT_MISMATCH) {
            for (int v : minimalVersions(url)) {
                Attempt a = attempt(g, url, GridLocator.layout(g, 17 + 4 * v));
                if (a != null && (best == null || a.mismatch() < best.mismatch())) {
                    best = a;
                }
            }
        }
        if (best == null) {
            return QrGrade.ungradable(0); // no symbol for this URL could be placed
        }
        double scale = image.width() / (double) g.width();
        return new GradeMeasurement(best, best.grid().moduleSizes()[0] * scale, scale).grade();
    }

    private String lastUrl;
    private List<Integer> lastVersions;

    /** Candidates of one URL are graded one after another, so the last URL's versions are kept. */
    private List<Integer> minimalVersions(String url) {
        if (!url.equals(lastUrl)) {
            lastVersions = IntendedSymbol.minimalVersions(url);
            lastUrl = url;
        }
        return lastVersions;
    }

    private Attempt attempt(GrayImage g, String url, GridLocator.Located located) {
        QrGrid grid = located.grid();
        int n = grid.size();
        int version = IntendedSymbol.versionOf(n);
        if (!IntendedSymbol.versionExists(version)) {
            return null;
        }
        int span = n + 2 * QUIET;
        double[] samples = grid.sampleAll(g, -QUIET, n + QUIET);
        double rmin = 1;
        double rmax = 0;
        for (double r : samples) {
            if (r >= 0) {
                rmin = Math.min(rmin, r);
                rmax = Math.max(rmax, r);
            }
        }
        if (rmax <= rmin) {
            return null;
        }
        double gt = (rmin + rmax) / 2;
        boolean[] sampledDark = new boolean[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                double r = samples[(row + QUIET) * span + col + QUIET];
                sampledDark[row * n + col] = r >= 0 && r < gt;
            }
        }
        List<IntendedSymbol> candidates = new ArrayList<>();
        boolean formatRead = false;
        QrSymbolLayout probe = new QrSymbolLayout(com.google.zxing.qrcode.decoder.Version.getVersionForNumber(version),
                ErrorCorrectionLevel.L);
        int[] format = IntendedSymbol.decodeFormat(word(sampledDark, probe.formatCopy1()),
                word(sampledDark, probe.formatCopy2()));
        if (format != null) {
            IntendedSymbol s = IntendedSymbol.encode(url, version, IntendedSymbol.LEVELS[format[0]], format[1]);
            if (s != null) {
                candidates.add(s);
                formatRead = true;
            }
        }
        if (candidates.isEmpty()) {
            for (ErrorCorrectionLevel level : IntendedSymbol.LEVELS) {
                IntendedSymbol s = IntendedSymbol.encode(url, version, level, 0);
                for (int mask = 0; s != null && mask < 8; mask++) {
                    candidates.add(mask == 0 ? s : s.withMask(mask));
                }
            }
        }
        IntendedSymbol chosen = null;
        int fewest = Integer.MAX_VALUE;
        for (IntendedSymbol s : candidates) {
            int wrong = mismatches(s.dark(), sampledDark);
            if (wrong < fewest) {
                fewest = wrong;
                chosen = s;
            }
        }
        if (chosen == null) {
            return null;
        }
        boolean read = reference.reads(sampledDark, n, url, match);
        boolean generatorCodewords = false;
        if (read) {
            boolean[] corrected = reference.corrected(sampledDark, chosen);
            int wrong = corrected == null ? Integer.MAX_VALUE : mismatches(corrected, sampledDark);
            if (wrong < fewest) {
                chosen = new IntendedSymbol(chosen.level(), chosen.mask(), corrected, chosen.layout());
                fewest = wrong;
                generatorCodewords = true;
            }
        }
        return new Attempt(located, samples, rmin, rmax, chosen, formatRead, read, generatorCodewords,
                fewest / (double) (n * n));
    }

    private static int mismatches(boolean[] a, boolean[] b) {
        int wrong = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                wrong++;
            }
        }
        return wrong;
    }

    /** Bits of a format copy as sampled, first module most significant (the order ZXing reads them in). */
    static int word(boolean[] dark, int[] modules) {
        int w = 0;
        for (int m : modules) {
            w = (w << 1) | (dark[m] ? 1 : 0);
        }
        return w;
    }
}
