package org.qartalign.dataset;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.qartalign.core.FailureReason;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * A phone camera pointed at a code shown on a screen, harsher than decoding the file: the code is captured at a
 * few camera pixels per module, slightly rotated, blurred, washed out by glare, and noisy, then decoded by ZXing
 * without TRY_HARDER (a phone scanner works on quick frames). A better phone ({@link Phone#quality} near 1) sees
 * more pixels per module, less blur, less glare and less noise. Up to three attempts are made, moving closer each
 * time.
 */
public final class CaptureSimulation {
    /** A simulated handset; quality 0 (old budget phone) to 1 (current flagship). */
    public record Phone(String model, double quality) {
    }

    /** What the phone made of the code after up to three attempts. */
    public record Capture(boolean scanned, FailureReason reason, int attempts) {
    }

    private final float[] mip;
    private final int mipSize;
    private final int modulesAcross;
    private final String url;

    /** Prepares the code image once; {@link #scan} can then be called for several phones. */
    public CaptureSimulation(BufferedImage image, String url) {
        this.url = url;
        this.modulesAcross = QrArtRenderer.modules(url).length + 2 * QrArtRenderer.QUIET_MODULES;
        int s = image.getWidth();
        int factor = Math.max(1, s / (modulesAcross * 4));
        this.mipSize = s / factor;
        this.mip = new float[mipSize * mipSize];
        int[] rgb = image.getRGB(0, 0, s, s, null, 0, s);
        float norm = 1f / (factor * factor * 255f);
        for (int y = 0; y < mipSize; y++) {
            for (int x = 0; x < mipSize; x++) {
                float sum = 0;
                for (int dy = 0; dy < factor; dy++) {
                    int row = (y * factor + dy) * s + x * factor;
                    for (int dx = 0; dx < factor; dx++) {
                        int p = rgb[row + dx];
                        sum += 0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff);
                    }
                }
                mip[y * mipSize + x] = sum * norm;
            }
        }
    }

    public Capture scan(Phone phone, SplittableRandom random) {
        boolean wrong = false;
        for (int attempt = 1; attempt <= 3; attempt++) {
            String text = decode(capture(phone.quality(), attempt, random));
            if (url.equals(text)) {
                return attempt < 3 ? new Capture(true, null, attempt) : new Capture(false, FailureReason.MANY_TRIES, 3);
            }
            wrong |= text != null;
        }
        return new Capture(false, wrong ? FailureReason.WRONG_URL : FailureReason.NO_DETECTION, 3);
    }

    /** One camera frame as 8-bit luminance, the code centred with some surround. */
    byte[] capture(double quality, int attempt, SplittableRandom r) {
        double pixelsPerModule = 2.4 + 1.6 * quality + 0.5 * (attempt - 1) + 0.25 * r.nextGaussian();
        pixelsPerModule = Math.max(1.5, pixelsPerModule);
        double codePixels = modulesAcross * pixelsPerModule;
        int c = (int) Math.ceil(codePixels * 1.3);
        double angle = Math.toRadians(5 * r.nextGaussian());
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double toMip = mipSize / codePixels;
        double contrast = 0.55 + 0.35 * quality + 0.05 * r.nextGaussian();
        double glare = (0.3 * (1 - quality) + 0.05) * r.nextDouble();
        double glareAngle = r.nextDouble() * Math.PI * 2;
        double noise = 0.012 + 0.04 * (1 - quality);
        float[] frame = new float[c * c];
        double half = c / 2.0;
        for (int y = 0; y < c; y++) {
            for (int x = 0; x < c; x++) {
                double dx = x + 0.5 - half;
                double dy = y + 0.5 - half;
                double u = (cos * dx + sin * dy) * toMip + mipSize / 2.0;
                double v = (-sin * dx + cos * dy) * toMip + mipSize / 2.0;
                frame[y * c + x] = u < 0 || v < 0 || u >= mipSize - 1 || v >= mipSize - 1 ? 0.2f : sample(u, v);
            }
        }
        int blurPasses = (quality > 0.75 ? 0 : 1) + (r.nextInt(100) < 20 ? 1 : 0);
        for (int p = 0; p < blurPasses; p++) {
            frame = boxBlur(frame, c);
        }
        byte[] out = new byte[c * c];
        for (int y = 0; y < c; y++) {
            for (int x = 0; x < c; x++) {
                double g = glare * (0.5 + 0.5 * (Math.cos(glareAngle) * (x / (double) c - 0.5)
                        + Math.sin(glareAngle) * (y / (double) c - 0.5)) * 2);
                double l = 0.5 + (frame[y * c + x] - 0.5) * contrast + g + noise * r.nextGaussian();
                out[y * c + x] = (byte) Math.max(0, Math.min(255, (int) (l * 255)));
            }
        }
        return out;
    }

    private float sample(double u, double v) {
        int i = (int) u;
        int j = (int) v;
        float tx = (float) (u - i);
        float ty = (float) (v - j);
        int k = j * mipSize + i;
        float top = mip[k] + (mip[k + 1] - mip[k]) * tx;
        float bottom = mip[k + mipSize] + (mip[k + mipSize + 1] - mip[k + mipSize]) * tx;
        return top + (bottom - top) * ty;
    }

    private static float[] boxBlur(float[] in, int c) {
        float[] out = new float[in.length];
        for (int y = 0; y < c; y++) {
            for (int x = 0; x < c; x++) {
                float sum = 0;
                int count = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= c) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx >= 0 && xx < c) {
                            sum += in[yy * c + xx];
                            count++;
                        }
                    }
                }
                out[y * c + x] = sum / count;
            }
        }
        return out;
    }

    private static String decode(byte[] frame) {
        int c = (int) Math.round(Math.sqrt(frame.length));
        try {
            PlanarYUVLuminanceSource source = new PlanarYUVLuminanceSource(frame, c, c, 0, 0, c, c, false);
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return null;
        }
    }
}
