package org.qartalign.eval;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/** An 8-bit luminance image as one byte array, the form every capture operation and the decoder work on. */
public record GrayImage(int width, int height, byte[] pixels) {
    public GrayImage {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException("gray image " + width + "x" + height + " with " + pixels.length + " pixels");
        }
    }

    /** Luminance of any image; transparent pixels are composited on white, as a code on a light page. */
    public static GrayImage of(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] out = new byte[w * h];
        Raster raster = img.getRaster();
        if (!copyInterleavedBytes(img, raster, out, w, h)) {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                img.getRGB(0, y, w, 1, row, 0, w);
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    int p = row[x];
                    out[o + x] = (byte) luminance((p >>> 24) & 0xff, (p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff);
                }
            }
        }
        return new GrayImage(w, h, out);
    }

    /** Fast path for the byte-interleaved gray, BGR and ABGR rasters that ImageIO gives for PNG and JPEG. */
    private static boolean copyInterleavedBytes(BufferedImage img, Raster raster, byte[] out, int w, int h) {
        if (!(raster.getDataBuffer() instanceof DataBufferByte dbb)
                || !(raster.getSampleModel() instanceof ComponentSampleModel sm)
                || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0
                || dbb.getNumBanks() != 1 || img.getColorModel().getPixelSize() != 8 * raster.getNumBands()
                || !img.getColorModel().getColorSpace().isCS_sRGB() && raster.getNumBands() != 1) {
            return false;
        }
        int type = img.getType();
        if (type != BufferedImage.TYPE_BYTE_GRAY && type != BufferedImage.TYPE_3BYTE_BGR
                && type != BufferedImage.TYPE_4BYTE_ABGR) {
            return false;
        }
        byte[] data = dbb.getData();
        int base = dbb.getOffset();
        int ps = sm.getPixelStride();
        int ss = sm.getScanlineStride();
        int[] bo = sm.getBandOffsets();
        for (int y = 0; y < h; y++) {
            int row = base + y * ss;
            int o = y * w;
            if (type == BufferedImage.TYPE_BYTE_GRAY) {
                for (int x = 0; x < w; x++) {
                    out[o + x] = data[row + x * ps + bo[0]];
                }
            } else if (type == BufferedImage.TYPE_3BYTE_BGR && ps == 3 && bo[0] == 2 && bo[1] == 1 && bo[2] == 0) {
                // ImageIO's layout for RGB PNGs and colour JPEGs, with the offsets as constants
                for (int x = 0, p = row; x < w; x++, p += 3) {
                    out[o + x] = (byte) ((306 * (data[p + 2] & 0xff) + 601 * (data[p + 1] & 0xff)
                            + 117 * (data[p] & 0xff) + 512) >> 10);
                }
            } else if (type == BufferedImage.TYPE_3BYTE_BGR) {
                for (int x = 0; x < w; x++) {
                    int p = row + x * ps;
                    out[o + x] = (byte) luminance(255, data[p + bo[0]] & 0xff, data[p + bo[1]] & 0xff, data[p + bo[2]] & 0xff);
                }
            } else {
                for (int x = 0; x < w; x++) {
                    int p = row + x * ps;
                    out[o + x] = (byte) luminance(data[p + bo[3]] & 0xff, data[p + bo[0]] & 0xff,
                            data[p + bo[1]] & 0xff, data[p + bo[2]] & 0xff);
                }
            }
        }
        return true;
    }

    private static int luminance(int a, int r, int g, int b) {
        int y = (306 * r + 601 * g + 117 * b + 512) >> 10;
        return a == 255 ? y : (y * a + 255 * (255 - a) + 127) / 255;
    }

    public int at(int x, int y) {
        return pixels[y * width + x] & 0xff;
    }

    /** Box-averaged by the smallest whole factor that brings the longer side to at most {@code maxSide}. */
    public GrayImage downscaledTo(int maxSide) {
        int k = (Math.max(width, height) + maxSide - 1) / maxSide;
        return k <= 1 ? this : boxDownscale(k);
    }

    public GrayImage boxDownscale(int k) {
        int w = width / k;
        int h = height / k;
        if (w < 1 || h < 1) {
            return this;
        }
        byte[] out = new byte[w * h];
        if (k == 2) {
            // the common case (a 512-ish code to its capture source), as the general loop below computes it
            for (int y = 0; y < h; y++) {
                int top = 2 * y * width;
                int bottom = top + width;
                for (int x = 0; x < w; x++) {
                    int sum = (pixels[top + 2 * x] & 0xff) + (pixels[top + 2 * x + 1] & 0xff)
                            + (pixels[bottom + 2 * x] & 0xff) + (pixels[bottom + 2 * x + 1] & 0xff);
                    out[y * w + x] = (byte) ((sum + 2) >> 2);
                }
            }
            return new GrayImage(w, h, out);
        }
        int[] acc = new int[w];
        int area = k * k;
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(acc, 0);
            for (int dy = 0; dy < k; dy++) {
                int row = (y * k + dy) * width;
                for (int x = 0; x < w; x++) {
                    int s = row + x * k;
                    int sum = 0;
                    for (int dx = 0; dx < k; dx++) {
                        sum += pixels[s + dx] & 0xff;
                    }
                    acc[x] += sum;
                }
            }
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) ((acc[x] + area / 2) / area);
            }
        }
        return new GrayImage(w, h, out);
    }

    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, dst, 0, pixels.length);
        return img;
    }
}
