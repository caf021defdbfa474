package org.qartalign.eval;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Random;

/**
 * Test images in the manner of QR art: a QR code blended into a smooth random colour picture, with module
 * centres kept closer to the code than their edges. Strength 1 is a plain code; lower strengths hide it.
 */
final class SyntheticArtCodes {
    private SyntheticArtCodes() {
    }

    static BitMatrix modules(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.H, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A plain black-on-white code, {@code px} pixels per module. */
    static BufferedImage plain(String text, int px) {
        return art(text, 1.0, 0, px);
    }

    static BufferedImage art(String text, double strength, long seed, int px) {
        BitMatrix m = modules(text);
        int n = m.getWidth();
        int size = n * px;
        Random rnd = new Random(seed);
        int blobs = 7;
        double[][] blob = new double[blobs][6];
        for (double[] b : blob) {
            b[0] = rnd.nextDouble() * size;
            b[1] = rnd.nextDouble() * size;
            b[2] = size * (0.08 + 0.25 * rnd.nextDouble());
            b[3] = rnd.nextDouble();
            b[4] = rnd.nextDouble();
            b[5] = rnd.nextDouble();
        }
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double r = 0.5;
                double g = 0.5;
                double b = 0.5;
                for (double[] bl : blob) {
                    double d2 = ((x - bl[0]) * (x - bl[0]) + (y - bl[1]) * (y - bl[1])) / (bl[2] * bl[2]);
                    double w = Math.exp(-d2) * 0.9;
                    r += w * (bl[3] - 0.5);
                    g += w * (bl[4] - 0.5);
                    b += w * (bl[5] - 0.5);
                }
                int mx = x / px;
                int my = y / px;
                double target = m.get(mx, my) ? 0.0 : 1.0;
                double cx = (x % px + 0.5) / px - 0.5;
                double cy = (y % px + 0.5) / px - 0.5;
                boolean centre = Math.abs(cx) < 0.22 && Math.abs(cy) < 0.22;
                double w = Math.min(1, strength * (centre ? 1.25 : 0.8));
                if (strength >= 1) {
                    w = 1;
                }
                row[x] = rgb(mix(r, target, w), mix(g, target, w), mix(b, target, w));
            }
            img.setRGB(0, y, size, 1, row, 0, size);
        }
        return img;
    }

    private static double mix(double a, double b, double w) {
        return Math.max(0, Math.min(1, a * (1 - w) + b * w));
    }

    private static int rgb(double r, double g, double b) {
        return ((int) Math.round(r * 255) << 16) | ((int) Math.round(g * 255) << 8) | (int) Math.round(b * 255);
    }
}
