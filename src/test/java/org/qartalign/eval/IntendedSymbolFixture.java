package org.qartalign.eval;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** Draws an intended symbol (8 px modules, 4-module quiet zone) for tests outside this package. */
public final class IntendedSymbolFixture {
    private IntendedSymbolFixture() {
    }

    /** @param eraseTopRightCentre paint the top-right finder's 3x3 centre light */
    public static GrayImage draw(String url, ErrorCorrectionLevel level, int mask, boolean eraseTopRightCentre) {
        QrGraderTest.Drawing d = new QrGraderTest.Drawing(url, level, mask);
        if (eraseTopRightCentre) {
            for (int m : d.symbol.layout().finderCentres().get(1)) {
                d.dark[m] = false;
            }
        }
        return d.image();
    }
}
