package org.qartalign.ui.dashboard;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.junit.jupiter.api.Test;
import org.qartalign.eval.GrayImage;
import org.qartalign.eval.IntendedSymbolFixture;
import org.qartalign.eval.QrGrade;
import org.qartalign.eval.QrGrader;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The overlay marks exactly what sampled wrong, on the image's own pixels. */
class GradeCardOverlayTest {
    private static final String URL = "https://example.org/qart/align/overlay";

    private static int orange(BufferedImage img) {
        int count = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int r = (p >> 16) & 0xff;
                int g = (p >> 8) & 0xff;
                int b = p & 0xff;
                count += r > 200 && g > 100 && g < 190 && b < 90 ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void anErasedFinderCentreIsPaintedOverItsNineModulesAndACleanCodeHasNoFilledModule() {
        GrayImage clean = IntendedSymbolFixture.draw(URL, ErrorCorrectionLevel.M, 2, false);
        GrayImage damaged = IntendedSymbolFixture.draw(URL, ErrorCorrectionLevel.M, 2, true);
        QrGrade g0 = new QrGrader().grade(clean, URL);
        QrGrade g1 = new QrGrader().grade(damaged, URL);
        assertEquals(0.0, g0.get("module_errors"));
        assertEquals(9.0, g1.get("module_errors"));
        int outline = orange(GradeCard.overlay(clean.toBufferedImage(), g0));
        int filled = orange(GradeCard.overlay(damaged.toBufferedImage(), g1));
        // 9 modules of 8 x 8 px filled orange on top of the same finder outlines
        assertTrue(filled - outline >= 9 * 8 * 8 * 0.8, "orange pixels " + filled + " vs " + outline);
    }
}
