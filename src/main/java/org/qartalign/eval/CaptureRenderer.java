package org.qartalign.eval;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Renders simulated phone captures of a code image on float arrays: projection, screen contrast and gamma,
 * uneven light, defocus and motion blur, sensor noise, 8-bit quantisation, JPEG. Not thread-safe: one per worker.
 */
public final class CaptureRenderer {
    private static final int NOISE_TABLE_BITS = 16;
    private static final float[] NOISE = gaussianTable(NOISE_TABLE_BITS, 7L);
    /** Capture pixel i takes noise NOISE[(seed + i * NOISE_STRIDE) mod table size]. */
    private static final int NOISE_STRIDE = 7919;
    /** NOISE in the order the stride walks it ({@code WALK[j] = NOISE[j * NOISE_STRIDE mod size]}), read sequentially. */
    private static final float[] WALK = walk(NOISE, NOISE_STRIDE);
    /** The stride's inverse modulo the table size: the walk position of table index t is {@code t * STRIDE_INVERSE}. */
    private static final int STRIDE_INVERSE = inverseModPowerOfTwo(NOISE_STRIDE, NOISE_TABLE_BITS);
    /** Light surround of the code (screen or page margin) before contrast and light are applied. */
    private static final float BACKGROUND = 0.85f;

    private float[] a = new float[0];
    private float[] b = new float[0];
    private float[] noise = new float[0];
    /** The projection's source through the capture's tone curve. */
    private float[] tones = new float[0];
    /** {@code intAsFloat[k] == (float) k} for source coordinates k. */
    private float[] intAsFloat = new float[0];
    private int[] levels = new int[0];
    private final ByteArrayOutputStream jpegBytes = new ByteArrayOutputStream(1 << 15);
    private ImageWriter jpegWriter;
    private ImageReader jpegReader;

    /** The source at the resolutions captures sample from: full, then halved down to the smallest capture. */
    public static List<GrayImage> pyramid(GrayImage source, int smallestSide) {
        List<GrayImage> levels = new ArrayList<>();
        GrayImage level = source;
        levels.add(level);
        while (Math.min(level.width(), level.height()) >= 2 * smallestSide) {
            level = level.boxDownscale(2);
            levels.add(level);
        }
        return levels;
    }

    public GrayImage render(List<GrayImage> pyramid, Capture c) {
        int n = c.framePx();
        GrayImage src = pick(pyramid, c.codePx());
        if (a.length < n * n) {
            a = new float[n * n];
            b = new float[n * n];
        }
        project(src, c, a, n);
        if (c.defocusSigma() > 0) {
            gaussian(a, b, n, c.defocusSigma());
        }
        if (c.motionLength() >= 2) {
            motion(a, b, n, c.motionLength(), Math.toRadians(c.motionAngleDeg()));
        }
        GrayImage out = quantise(a, n, c);
        return c.jpegQuality() > 0 ? jpeg(out, c.jpegQuality()) : out;
    }

    private static GrayImage pick(List<GrayImage> pyramid, int codePx) {
        GrayImage best = pyramid.get(0);
        for (GrayImage g : pyramid) {
            if (Math.max(g.width(), g.height()) >= codePx) {
                best = g;
            }
        }
        return best;
    }

    /**
     * Projects the code into the frame and applies the screen's tone curve (to source values, before
     * interpolation, as the screen shows them) and the light fall-off, in one pass.
     */
    void project(GrayImage src, Capture c, float[] out, int n) {
        int sw = src.width();
        int sh = src.height();
        float[] lut = toneCurve(c);
        float background = lut[Math.round(BACKGROUND * 255)];
        double ang = Math.toRadians(c.lightAngleDeg());
        float g = (float) c.lightGradient();
        float gx = (float) (Math.cos(ang) / (n / 2.0));
        float gy = (float) (Math.sin(ang) / (n / 2.0));
        float half = n / 2f;
        if (sw < 2 || sh < 2) {
            java.util.Arrays.fill(out, 0, n * n, background);
            return;
        }
        double[] h = Homography.squareFrameToSource(quad(c, n, sw, sh), sw, sh);
        byte[] px = src.pixels();
        if (tones.length < px.length) {
            tones = new float[px.length];
        }
        float[] s = tones;
        if (intAsFloat.length < Math.max(sw, sh)) {
            intAsFloat = intsAsFloats(Math.max(sw, sh));
        }
        float[] xf = intAsFloat;
        for (int i = 0; i < px.length; i++) {
            s[i] = lut[px[i] & 0xff];
        }
        float h0 = (float) h[0];
        float h3 = (float) h[3];
        float h6 = (float) h[6];
        float right = sw - 0.5f;
        float bottomEdge = sh - 0.5f;
        int xMax = sw - 2;
        int yMax = sh - 2;
        for (int y = 0; y < n; y++) {
            int o = y * n;
            double cy = y + 0.5;
            // rows start in double, steps run in float: sub-pixel differences far below a module
            float nx = (float) (h[1] * cy + h[2] + h[0] * 0.5);
            float ny = (float) (h[4] * cy + h[5] + h[3] * 0.5);
            float nw = (float) (h[7] * cy + h[8] + h[6] * 0.5);
            float proj = (0 - half) * gx + (y - half) * gy;
            for (int x = 0; x < n; x++, nx += h0, ny += h3, nw += h6, proj += gx) {
                float inv = 1f / nw;
                float fx = nx * inv - 0.5f;
                float fy = ny * inv - 0.5f;
                float gain = 1 - g * (0.5f + 0.5f * (proj < -1 ? -1 : proj > 1 ? 1 : proj));
                if (!(fx >= -0.5f && fy >= -0.5f && fx <= right && fy <= bottomEdge)) {
                    out[o + x] = background * gain;
                    continue;
                }
                int x0 = fx <= 0 ? 0 : (int) fx;
                x0 = x0 > xMax ? xMax : x0;
                int y0 = fy <= 0 ? 0 : (int) fy;
                y0 = y0 > yMax ? yMax : y0;
                // fx is never -0 here, so these clamps equal Math.max(0, Math.min(1, .)); the int-to-float table
                // avoids cvtsi2ss, whose false dependency on its target register slowed this loop
                float ax = fx - xf[x0];
                ax = ax < 0 ? 0 : ax > 1 ? 1 : ax;
                float ay = fy - xf[y0];
                ay = ay < 0 ? 0 : ay > 1 ? 1 : ay;
                int i = y0 * sw + x0;
                float top = s[i] * (1 - ax) + s[i + 1] * ax;
                float bottom = s[i + sw] * (1 - ax) + s[i + sw + 1] * ax;
                out[o + x] = (top * (1 - ay) + bottom * ay) * gain;
            }
        }
    }

    /** Corners of the code in the frame: rotated, tilted, then seen through a pinhole camera. */
    private static double[] quad(Capture c, int n, int sw, int sh) {
        double scale = (double) c.codePx() / Math.max(sw, sh);
        double hw = sw * scale / 2;
        double hh = sh * scale / 2;
        double[][] corners = {{-hw, -hh}, {hw, -hh}, {hw, hh}, {-hw, hh}};
        double roll = Math.toRadians(c.rollDeg());
        double tx = Math.toRadians(c.tiltXDeg());
        double ty = Math.toRadians(c.tiltYDeg());
        double focal = n * 1.2;
        double[] quad = new double[8];
        for (int i = 0; i < 4; i++) {
            double x = corners[i][0] * Math.cos(roll) - corners[i][1] * Math.sin(roll);
            double y = corners[i][0] * Math.sin(roll) + corners[i][1] * Math.cos(roll);
            double y2 = y * Math.cos(tx);
            double z2 = y * Math.sin(tx);
            double x3 = x * Math.cos(ty) + z2 * Math.sin(ty);
            double z3 = -x * Math.sin(ty) + z2 * Math.cos(ty);
            double p = focal / (focal + z3);
            quad[2 * i] = n / 2.0 + c.offsetX() + x3 * p;
            quad[2 * i + 1] = n / 2.0 + c.offsetY() + y2 * p;
        }
        return quad;
    }

    /** Screen contrast and gamma over the 256 source values: blacks lifted, whites dimmed. */
    private static float[] toneCurve(Capture c) {
        float contrast = (float) c.contrast();
        float lo = (1 - contrast) * 0.6f;
        float[] lut = new float[256];
        for (int i = 0; i < 256; i++) {
            lut[i] = lo + contrast * (float) Math.pow(i / 255.0, c.gamma());
        }
        return lut;
    }

    /**
     * Separable Gaussian with edges clamped. Each tap is one loop over a row: the tap's shifted row is first
     * copied to a buffer, since C2 vectorizes {@code a[x] += k * b[x]} but not {@code a[x] += k * b[x + d]}. Every
     * pixel still sums its taps from the lowest offset up, starting from 0, as a loop per pixel does.
     */
    static void gaussian(float[] v, float[] tmp, int n, double sigma) {
        int r = (int) Math.ceil(sigma * 2);
        float[] k = new float[2 * r + 1];
        float sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        float[] ext = new float[n + 2 * r];
        float[] shifted = new float[n];
        float[] acc = new float[n];
        for (int y = 0; y < n; y++) {
            int o = y * n;
            System.arraycopy(v, o, ext, r, n);
            java.util.Arrays.fill(ext, 0, r, v[o]);
            java.util.Arrays.fill(ext, r + n, n + 2 * r, v[o + n - 1]);
            java.util.Arrays.fill(acc, 0f);
            for (int t = 0; t < k.length; t++) {
                System.arraycopy(ext, t, shifted, 0, n);
                addScaled(acc, shifted, k[t], n);
            }
            System.arraycopy(acc, 0, tmp, o, n);
        }
        for (int y = 0; y < n; y++) {
            java.util.Arrays.fill(acc, 0f);
            for (int t = 0; t < k.length; t++) {
                System.arraycopy(tmp, Math.max(0, Math.min(n - 1, y + t - r)) * n, shifted, 0, n);
                addScaled(acc, shifted, k[t], n);
            }
            System.arraycopy(acc, 0, v, y * n, n);
        }
    }

    private static void addScaled(float[] acc, float[] row, float k, int n) {
        for (int x = 0; x < n; x++) {
            acc[x] += k * row[x];
        }
    }

    /** Linear motion blur as a running box along the nearest of four directions: cost independent of length. */
    static void motion(float[] v, float[] tmp, int n, double length, double angle) {
        int len = Math.max(2, (int) Math.round(length));
        int dir = Math.floorMod((int) Math.round(angle / (Math.PI / 4)), 4);
        int dx = dir == 2 ? 0 : 1;
        int dy = dir == 0 ? 0 : dir == 3 ? -1 : 1;
        float[] line = new float[n];
        float[] blurred = new float[n];
        List<int[]> starts = new ArrayList<>();
        if (dy == 0) {
            for (int y = 0; y < n; y++) {
                starts.add(new int[]{0, y});
            }
        } else if (dx == 0) {
            for (int x = 0; x < n; x++) {
                starts.add(new int[]{x, 0});
            }
        } else {
            int y0 = dy > 0 ? 0 : n - 1;
            for (int x = 0; x < n; x++) {
                starts.add(new int[]{x, y0});
            }
            for (int y = 1; y < n; y++) {
                starts.add(new int[]{0, dy > 0 ? y : n - 1 - y});
            }
        }
        for (int[] st : starts) {
            int count = 0;
            for (int x = st[0], y = st[1]; x < n && y >= 0 && y < n; x += dx, y += dy) {
                line[count++] = v[y * n + x];
            }
            boxLine(line, blurred, count, len);
            int k = 0;
            for (int x = st[0], y = st[1]; k < count; x += dx, y += dy) {
                v[y * n + x] = blurred[k++];
            }
        }
    }

    /** Mean over a window of {@code len} samples centred on each sample, edges clamped. */
    private static void boxLine(float[] in, float[] out, int count, int len) {
        int before = (len - 1) / 2;
        int after = len - 1 - before;
        float sum = 0;
        for (int i = -before; i <= after; i++) {
            sum += in[Math.max(0, Math.min(count - 1, i))];
        }
        for (int i = 0; i < count; i++) {
            out[i] = sum / len;
            sum += in[Math.min(count - 1, i + after + 1)] - in[Math.max(0, i - before)];
        }
    }

    /**
     * Adds the capture's noise and rounds to 8 bits, in passes C2 vectorizes: the noise stretch copied out of the
     * walk, then add, scale and clamp in float, then float to int, then int to byte. Clamping before the cast
     * gives what casting then clamping gives, for every float including NaN (0 either way).
     */
    GrayImage quantise(float[] v, int n, Capture c) {
        int total = n * n;
        if (noise.length < total) {
            noise = new float[total];
            levels = new int[total];
        }
        float[] z = noise;
        int[] q = levels;
        int mask = (1 << NOISE_TABLE_BITS) - 1;
        // pixel i's noise NOISE[(seed + i * stride) & mask] sits at walk position (seed * inverse + i) & mask
        int start = ((c.noiseSeed() & mask) * STRIDE_INVERSE) & mask;
        for (int i = 0; i < total; ) {
            int j = (start + i) & mask;
            int run = Math.min(total - i, mask + 1 - j);
            System.arraycopy(WALK, j, z, i, run);
            i += run;
        }
        float sigma = (float) c.noiseSigma();
        for (int i = 0; i < total; i++) {
            // round half up as Math.round does
            z[i] = Math.max(0f, Math.min(255f, (v[i] + sigma * z[i]) * 255f + 0.5f));
        }
        for (int i = 0; i < total; i++) {
            q[i] = (int) z[i];
        }
        byte[] out = new byte[total];
        for (int i = 0; i < total; i++) {
            out[i] = (byte) q[i];
        }
        return new GrayImage(n, n, out);
    }

    private static float[] intsAsFloats(int n) {
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
        }
        return t;
    }

    private static float[] walk(float[] table, int stride) {
        int mask = table.length - 1;
        float[] w = new float[table.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = table[(j * stride) & mask];
        }
        return w;
    }

    /** Inverse of an odd number modulo 2^bits, by Newton's iteration. */
    static int inverseModPowerOfTwo(int odd, int bits) {
        int x = odd;
        for (int k = 0; k < 5; k++) {
            x *= 2 - odd * x;
        }
        return x & ((1 << bits) - 1);
    }

    GrayImage jpeg(GrayImage img, int quality) {
        try {
            if (jpegWriter == null) {
                jpegWriter = ImageIO.getImageWritersByFormatName("jpeg").next();
                jpegReader = ImageIO.getImageReadersByFormatName("jpeg").next();
            }
            jpegBytes.reset();
            ImageWriteParam p = jpegWriter.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality / 100f);
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(jpegBytes)) {
                jpegWriter.setOutput(out);
                jpegWriter.write(null, new IIOImage(img.toBufferedImage(), null, null), p);
            }
            try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(
                    new ByteArrayInputStream(jpegBytes.toByteArray()))) {
                jpegReader.setInput(in, true, true);
                BufferedImage decoded = jpegReader.read(0);
                return GrayImage.of(decoded);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory JPEG round trip failed", e);
        }
    }

    private static float[] gaussianTable(int bits, long seed) {
        Random rnd = new Random(seed);
        float[] t = new float[1 << bits];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) rnd.nextGaussian();
        }
        return t;
    }
}
