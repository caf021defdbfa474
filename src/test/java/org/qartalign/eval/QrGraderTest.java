package org.qartalign.eval;

import com.google.zxing.ChecksumException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** qr-grade's parameters on constructed symbols with known damage. */
class QrGraderTest {
    static final String URL = "https://example.org/qart/align/test-code-0042";

    /** A symbol drawn as grey levels: dark modules {@code darkLevel}, light ones and the quiet zone {@code lightLevel}. */
    static final class Drawing {
        final IntendedSymbol symbol;
        final boolean[] dark;
        final int n;
        int quiet = 4;
        int px = 8;
        int darkLevel = 0;
        int lightLevel = 255;
        final List<int[]> strayDark = new ArrayList<>();

        Drawing(String url, ErrorCorrectionLevel level, int mask) {
            this(firstFitting(url, level, mask));
        }

        Drawing(IntendedSymbol s) {
            symbol = s;
            n = s.size();
            dark = s.dark().clone();
        }

        private static IntendedSymbol firstFitting(String url, ErrorCorrectionLevel level, int mask) {
            for (int v = IntendedSymbol.minimalVersions(url).get(0); v <= 40; v++) {
                IntendedSymbol s = IntendedSymbol.encode(url, v, level, mask);
                if (s != null) {
                    return s;
                }
            }
            throw new IllegalArgumentException(url);
        }

        void flip(int module) {
            dark[module] = !dark[module];
        }

        GrayImage image() {
            int side = (n + 2 * quiet) * px;
            byte[] pixels = new byte[side * side];
            java.util.Arrays.fill(pixels, (byte) lightLevel);
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    if (dark[r * n + c]) {
                        fill(pixels, side, c, r);
                    }
                }
            }
            for (int[] m : strayDark) {
                fill(pixels, side, m[0], m[1]);
            }
            return new GrayImage(side, side, pixels);
        }

        private void fill(byte[] pixels, int side, int col, int row) {
            for (int y = 0; y < px; y++) {
                for (int x = 0; x < px; x++) {
                    pixels[((row + quiet) * px + y) * side + (col + quiet) * px + x] = (byte) darkLevel;
                }
            }
        }
    }

    private static QrGrade grade(Drawing d) {
        return new QrGrader().grade(d.image(), URL);
    }

    @Test
    void aCleanSymbolGradesAOnEveryParameterAndNamesItsLevelAndMaskFromItsFormatInformation() {
        Drawing d = new Drawing(URL, ErrorCorrectionLevel.Q, 5);
        QrGrade g = grade(d);
        for (String p : QrGrade.GRADED) {
            assertEquals(4, g.gradeOf(p), p);
        }
        assertEquals(4, g.grade());
        assertEquals(4.0, g.score(), 1e-9);
        assertEquals(1.0, g.get("format_read"));
        assertEquals(1.0, g.get("detector_located"));
        assertEquals(IntendedSymbol.levelIndex(ErrorCorrectionLevel.Q), g.get("ec_level"));
        assertEquals(5.0, g.get("mask"));
        assertEquals(0.0, g.get("module_errors"));
        assertEquals(1.0, g.get("uec"));
        assertEquals(1.0, g.get("symbol_contrast"), 1e-9);
        assertEquals(4.0, g.get("quiet_zone_modules"));
    }

    @Test
    void erasingOneFinderCentreFailsThatFinderOnly() {
        Drawing d = new Drawing(URL, ErrorCorrectionLevel.M, 2);
        QrSymbolLayout layout = d.symbol.layout();
        for (int m : layout.finderCentres().get(1)) {
            d.dark[m] = false;
        }
        QrGrade g = grade(d);
        assertEquals(4.0, g.get("finder_tl_grade"));
        assertEquals(0.0, g.get("finder_tr_grade"));
        assertEquals(9.0, g.get("finder_tr_centre_errors"));
        assertEquals(4.0, g.get("finder_bl_grade"));
        assertEquals(0, g.gradeOf("fixed_pattern_damage"));
        assertEquals(0, g.grade());
    }

    @Test
    void finderGradesFollowTheCountOfModulesInError() {
        for (int errors = 0; errors <= 4; errors++) {
            Drawing d = new Drawing(URL, ErrorCorrectionLevel.M, 2);
            int[] outerRing = {0, 1, 2, 3, 4};
            for (int i = 0; i < errors; i++) {
                d.flip(outerRing[i]);
            }
            QrGrade g = grade(d);
            assertEquals(errors, g.get("finder_tl_errors"), "errors flipped");
            assertEquals(errors == 4 ? 0 : 4 - errors, g.get("finder_tl_grade"), errors + " errors");
        }
    }

    @Test
    void aQuietZoneOfOneModuleFailsTheQuietZoneGrade() {
        Drawing d = new Drawing(URL, ErrorCorrectionLevel.M, 2);
        d.quiet = 1;
        QrGrade g = grade(d);
        assertEquals(1.0, g.get("quiet_zone_modules"));
        assertEquals(0, g.gradeOf("quiet_zone"));
        assertEquals(4, g.gradeOf("fixed_pattern_damage"), "the symbol itself is intact");
    }

    @Test
    void oneDarkModuleTouchingTheSymbolFailsTheQuietZoneAndOneFurtherOutOnlyAddsClutter() {
        Drawing near = new Drawing(URL, ErrorCorrectionLevel.M, 2);
        near.strayDark.add(new int[]{near.n / 2, -1});
        QrGrade g = grade(near);
        assertEquals(0.0, g.get("quiet_zone_modules"));
        assertEquals(0, g.gradeOf("quiet_zone"));

        Drawing far = new Drawing(URL, ErrorCorrectionLevel.M, 2);
        far.strayDark.add(new int[]{far.n / 2, -4});
        QrGrade h = grade(far);
        assertEquals(3.0, h.get("quiet_zone_modules"));
        int band = (far.n + 8) * (far.n + 8) - far.n * far.n;
        assertEquals(1.0 / band, h.get("quiet_zone_clutter"), 1e-9);
    }

    @Test
    void fifteenPercentContrastGradesSymbolContrastF() {
        Drawing d = new Drawing(URL, ErrorCorrectionLevel.M, 2);
        d.darkLevel = 108;
        d.lightLevel = 147;
        QrGrade g = grade(d);
        assertEquals(39 / 255.0, g.get("symbol_contrast"), 1e-9);
        assertEquals(0, g.gradeOf("symbol_contrast"));
        assertEquals(0, g.grade());
        assertEquals(4, g.gradeOf("fixed_pattern_damage"), "the pattern is all there, only faint");
    }

    @Test
    void flippingKCodewordsInOneBlockLowersUnusedErrorCorrectionByTheStandardsFormula() {
        // ISO/IEC 15415 §7.8.5 (as NI Vision documents it): UEC = 1 - (e + 2t) / (d - p) per block, symbol = min.
        Drawing base = new Drawing(URL, ErrorCorrectionLevel.M, 3);
        QrSymbolLayout layout = base.symbol.layout();
        int d = layout.ecCodewords(0);
        int p = layout.misdecodeProtection();
        for (int k = 0; k <= 5; k++) {
            Drawing dr = new Drawing(URL, ErrorCorrectionLevel.M, 3);
            flipCodewordsOfBlock(dr, 0, k);
            QrGrade g = grade(dr);
            assertEquals(k, g.get("codeword_errors"), "k = " + k);
            assertEquals(1 - 2.0 * k / (d - p), g.get("uec_raw"), 1e-9, "k = " + k);
            double uec = Math.max(0, 1 - 2.0 * k / (d - p));
            assertEquals(GradeScale.UNUSED_EC.grade(uec), g.gradeOf("unused_ec"), "k = " + k);
        }
    }

    @Test
    void theBlockOfEachCodewordIsTheOneZxingsDecoderCorrects() throws Exception {
        // Version 5-Q has 4 blocks of 18 EC codewords (p = 0): ZXing corrects 9 errors per block, not 10.
        Drawing base = drawingOfVersion(5, ErrorCorrectionLevel.Q);
        assertEquals(4, base.symbol.layout().blocks());
        for (int block = 0; block < 4; block++) {
            Drawing ok = drawingOfVersion(5, ErrorCorrectionLevel.Q);
            flipCodewordsOfBlock(ok, block, 9);
            assertDoesNotThrow(() -> new Decoder().decode(bits(ok)), "9 errors in block " + block);
            Drawing bad = drawingOfVersion(5, ErrorCorrectionLevel.Q);
            flipCodewordsOfBlock(bad, block, 10);
            assertThrows(ChecksumException.class, () -> new Decoder().decode(bits(bad)), "10 errors in block " + block);
            assertEquals(0, grade(bad).gradeOf("decode"));
            assertEquals(4, grade(ok).gradeOf("decode"));
        }
    }

    @Test
    void formatWordsAreTheOnesZxingsEncoderDraws() {
        for (ErrorCorrectionLevel level : IntendedSymbol.LEVELS) {
            for (int mask = 0; mask < 8; mask++) {
                Drawing d = new Drawing(URL, level, mask);
                QrSymbolLayout l = d.symbol.layout();
                int w = IntendedSymbol.formatWord(level, mask);
                assertEquals(w, QrGrader.word(d.dark, l.formatCopy1()), level + "/" + mask + " copy 1");
                assertEquals(w, QrGrader.word(d.dark, l.formatCopy2()), level + "/" + mask + " copy 2");
                assertArrayEquals(new int[]{IntendedSymbol.levelIndex(level), mask},
                        IntendedSymbol.decodeFormat(w ^ 0b111, 0));
            }
        }
    }

    @Test
    void remaskingASymbolGivesWhatTheEncoderDrawsWithThatMask() {
        for (ErrorCorrectionLevel level : IntendedSymbol.LEVELS) {
            IntendedSymbol zero = IntendedSymbol.encode(URL, 7, level, 0);
            for (int mask = 1; mask < 8; mask++) {
                assertArrayEquals(IntendedSymbol.encode(URL, 7, level, mask).dark(), zero.withMask(mask).dark(),
                        level + "/" + mask);
            }
        }
    }

    @Test
    void withoutReadableFormatInformationTheBestMatchingLevelAndMaskAreFound() {
        Drawing d = new Drawing(URL, ErrorCorrectionLevel.H, 6);
        QrSymbolLayout l = d.symbol.layout();
        for (int i = 0; i < 5; i++) {
            d.flip(l.formatCopy1()[i]);
            d.flip(l.formatCopy2()[i]);
        }
        QrGrade g = grade(d);
        assertEquals(0.0, g.get("format_read"));
        assertEquals(IntendedSymbol.levelIndex(ErrorCorrectionLevel.H), g.get("ec_level"));
        assertEquals(6.0, g.get("mask"));
        assertEquals(0, g.gradeOf("format_info"));
        assertEquals(0.0, g.get("codeword_errors"));
    }

    @Test
    void aCodeTheDetectorCannotFindIsPlacedByTheGeneratedCodeLayout() {
        Drawing d = new Drawing(URL, ErrorCorrectionLevel.M, 2);
        d.quiet = 3;
        for (int f = 0; f < 3; f++) {
            for (int m : d.symbol.layout().finderCentres().get(f)) {
                d.dark[m] = false;
            }
        }
        QrGrade g = grade(d);
        assertEquals(0.0, g.get("detector_located"));
        assertEquals(27.0, g.get("module_errors"), "exactly the three erased centres");
        assertEquals(3.0, g.get("quiet_zone_modules"));
        assertEquals(0.0, g.get("codeword_errors"));
    }

    @Test
    void gradeScaleInterpolatesBetweenThresholds() {
        assertEquals(2, GradeScale.SYMBOL_CONTRAST.grade(0.40));
        assertEquals(1, GradeScale.SYMBOL_CONTRAST.grade(0.399));
        assertEquals(2.5, GradeScale.SYMBOL_CONTRAST.continuous(0.475), 1e-9);
        assertEquals(0.75, GradeScale.SYMBOL_CONTRAST.continuous(0.15), 1e-9);
        assertEquals(3, GradeScale.AXIAL_NONUNIFORMITY.grade(0.07));
        assertEquals(3.5, GradeScale.AXIAL_NONUNIFORMITY.continuous(0.07), 1e-9);
        assertEquals(0, GradeScale.MODULE_ERRORS.grade(4));
        assertEquals(1, GradeScale.MODULE_ERRORS.grade(3));
    }

    @Test
    void calibrationIsMonotoneAndBounded() {
        double last = 0;
        for (double s = 0; s <= 4; s += 0.25) {
            double p = QrGradeCalibration.scanProbability(s);
            assertTrue(p >= last && p >= 0.03 && p <= 0.97, s + " -> " + p);
            last = p;
        }
        assertEquals(0.5, QrGradeCalibration.scanProbability(QrGradeCalibration.MIDPOINT), 1e-12);
    }

    private static Drawing drawingOfVersion(int version, ErrorCorrectionLevel level) {
        IntendedSymbol s = IntendedSymbol.encode(URL, version, level, 1);
        assertNotNull(s);
        return new Drawing(s);
    }

    /** Flips the first module of the first k codewords of a block. */
    private static void flipCodewordsOfBlock(Drawing d, int block, int k) {
        QrSymbolLayout l = d.symbol.layout();
        boolean[] done = new boolean[l.codewords()];
        int flipped = 0;
        for (int i = 0; i < d.dark.length && flipped < k; i++) {
            int cw = l.codewordOf(i);
            if (cw >= 0 && l.blockOf(cw) == block && !done[cw]) {
                done[cw] = true;
                d.flip(i);
                flipped++;
            }
        }
        assertEquals(k, flipped);
    }

    private static BitMatrix bits(Drawing d) {
        BitMatrix m = new BitMatrix(d.n);
        for (int r = 0; r < d.n; r++) {
            for (int c = 0; c < d.n; c++) {
                if (d.dark[r * d.n + c]) {
                    m.set(c, r);
                }
            }
        }
        return m;
    }
}
