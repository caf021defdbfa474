package org.qartalign.dataset;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import org.qartalign.dataset.GenerationParams.Contrast;
import org.qartalign.dataset.GenerationParams.Finder;
import org.qartalign.dataset.GenerationParams.Modules;
import org.qartalign.dataset.GenerationParams.QuietZone;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A procedural stand-in for Stable Diffusion + ControlNet QR art. The URL is encoded at error correction H and
 * blended into a picture whose palette and motifs come from the prompt's words ({@link PictureLook}):
 * <ul>
 *   <li>{@code strength} sets how far each pixel is pulled towards its module's dark or light target
 *       ({@code pull = 1 - exp(-0.65 * strength^2)}: 0.15 at 0.5, 0.48 at 1, 0.92 at 2);</li>
 *   <li>{@code guidance_start} &gt; 0 weakens the pull everywhere; {@code guidance_end} &lt; 1 softens the modules
 *       and, with the start, leaves the most salient {@code 1 - (end - start)} share of modules to the picture;</li>
 *   <li>the failure modes of {@link GenerationParams} (finders, quiet zone, texture, hue contrast, merged modules)
 *       are drawn as such images show them.</li>
 * </ul>
 * While drawing, the renderer also measures what it did to the code ({@link Scannability}) and how good the picture
 * should look; the simulated people answer from those, never from a decoder. Everything random derives from the
 * params' seed, so the same inputs give the same pixels.
 */
public final class QrArtRenderer {
    /** Pixels the rendered square aims for (quiet zone included); modules are whole pixels. */
    public static final int TARGET_SIZE = 512;
    /** Quiet zone on each side, in modules (the QR standard's four). */
    public static final int QUIET_MODULES = 4;
    private static final double K = 0.65;
    private static final double FREE_GOVERNANCE = 0.3;

    /** A rendered code with what the renderer knows about it. */
    public record Drawing(BufferedImage image, Scannability scannability, double aesthetic) {
    }

    /** The QR module grid for a URL (true = dark), at error correction H. */
    public static boolean[][] modules(String url) {
        try {
            QRCode qr = Encoder.encode(url, ErrorCorrectionLevel.H);
            ByteMatrix m = qr.getMatrix();
            boolean[][] dark = new boolean[m.getHeight()][m.getWidth()];
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    dark[y][x] = m.get(x, y) == 1;
                }
            }
            return dark;
        } catch (WriterException e) {
            throw new IllegalArgumentException("URL cannot be encoded as a QR code: " + e.getMessage(), e);
        }
    }

    public BufferedImage render(String url, String prompt, GenerationParams params) {
        return draw(url, prompt, params).image();
    }

    public Drawing draw(String url, String prompt, GenerationParams params) {
        boolean[][] qr = modules(url);
        int n = qr.length;
        int total = n + 2 * QUIET_MODULES;
        int mod = Math.max(4, Math.round((float) TARGET_SIZE / total));
        int size = total * mod;
        SplittableRandom random = new SplittableRandom(params.seed());
        PictureLook look = PictureLook.of(prompt, random);

        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        PictureLook.paintPicture(img, look, random);
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();

        double[][] governance = governance(n, params, random);
        double softness = Math.min(0.8, 0.1 + 1.6 * (1 - params.guidanceEnd()));
        double pull = (1 - Math.exp(-K * params.strength() * params.strength())) * (1 - 0.8 * params.guidanceStart());
        NoiseField clouds = new NoiseField(random, size, size / 6.0);
        NoiseField grain = new NoiseField(random, size, Math.max(3, mod / 2.0));
        int[] cloud = look.palette[3];
        SplittableRandom modes = new SplittableRandom(params.seed() ^ 0x6A09E667F3BCC909L);

        float[] pad = new float[total * total];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                pad[(y + QUIET_MODULES) * total + x + QUIET_MODULES] = qr[y][x] ? 1f : 0f;
            }
        }
        int mergedModules = 0;
        if (params.modules() == Modules.MERGED) {
            mergedModules = merge(pad, total, n, 0.2 + 0.5 * modes.nextDouble(), modes);
            softness = Math.min(0.85, softness + 0.2);
        }
        float[] gov = moduleGovernance(params, governance, pull, pad, total, n, modes);
        FinderShape finders = new FinderShape(params.finder(), n, mod, modes);
        Texture texture = params.textureHiding() > 0 ? new Texture(params.textureHiding(), size, mod, modes) : null;
        int[][] hue = params.contrast() == Contrast.HUE ? HueContrast.targets(look.palette, modes) : null;

        Axis axis = new Axis(size, mod, total);
        NoiseField.Axis cloudAxis = clouds.axis(size);
        NoiseField.Axis grainAxis = grain.axis(size);
        for (int y = 0; y < size; y++) {
            int my = axis.module[y];
            int row0 = axis.lo[y] * total;
            int row1 = axis.hi[y] * total;
            float ty = axis.t[y];
            float edgeY = axis.edge[y];
            for (int x = 0; x < size; x++) {
                int mx = axis.module[x];
                int x0 = axis.lo[x];
                int x1 = axis.hi[x];
                float tx = axis.t[x];
                float soft = (pad[row0 + x0] + (pad[row0 + x1] - pad[row0 + x0]) * tx) * (1 - ty)
                        + (pad[row1 + x0] + (pad[row1 + x1] - pad[row1 + x0]) * tx) * ty;
                float hard = pad[my * total + mx];
                float w = Math.max((float) softness, Math.max(edgeY, axis.edge[x]));
                float pattern = hard + (soft - hard) * w;
                if (finders.restyles(mx, my)) {
                    pattern = finders.pattern(x, y);
                }
                float p = gov[my * total + mx];

                int i = y * size + x;
                int rgb = px[i];
                float c = clouds.at(cloudAxis, x, y) * (float) look.cloudiness;
                float g = (grain.at(grainAxis, x, y) - 0.5f) * (float) look.texture;
                float r = ((rgb >> 16) & 0xff) * (1 - c) + cloud[0] * c + g;
                float gr = ((rgb >> 8) & 0xff) * (1 - c) + cloud[1] * c + g;
                float b = (rgb & 0xff) * (1 - c) + cloud[2] * c + g;
                if (hue == null) {
                    // dark modules become the picture's own shadows, light ones its highlights, so hue survives
                    float keep = 0.16f * pattern + (1 - pattern) * 0.15f;
                    float lift = (1 - pattern) * 0.85f * 255;
                    r += p * (r * keep + lift - r);
                    gr += p * (gr * keep + lift - gr);
                    b += p * (b * keep + lift - b);
                } else {
                    r += p * (hue[1][0] + (hue[0][0] - hue[1][0]) * pattern - r);
                    gr += p * (hue[1][1] + (hue[0][1] - hue[1][1]) * pattern - gr);
                    b += p * (hue[1][2] + (hue[0][2] - hue[1][2]) * pattern - b);
                }
                if (texture != null) {
                    float t = texture.at(x, y);
                    r += t;
                    gr += t;
                    b += t;
                }
                px[i] = (clamp(r) << 16) | (clamp(gr) << 8) | clamp(b);
            }
        }
        Scannability s = Scannability.measure(px, size, mod, qr, QUIET_MODULES, (double) mergedModules / (n * n));
        return new Drawing(img, s, LatentAesthetic.of(params, look, pull * mean(governance), random));
    }

    /** Per-module pull: the governance map inside the code, the quiet zone by its mode, hidden finder centres. */
    private static float[] moduleGovernance(GenerationParams params, double[][] governance, double pull, float[] pad,
                                            int total, int n, SplittableRandom modes) {
        float[] gov = new float[total * total];
        boolean[] pictureInside = new boolean[3];
        boolean centreOnly = modes.nextBoolean();
        if (params.finder() == Finder.PICTURE_INSIDE) {
            int first = modes.nextInt(3);
            for (int k = 0; k < 3; k++) {
                pictureInside[k] = k == first || modes.nextInt(100) < 70;
            }
        }
        for (int my = 0; my < total; my++) {
            for (int mx = 0; mx < total; mx++) {
                int y = my - QUIET_MODULES;
                int x = mx - QUIET_MODULES;
                boolean quiet = y < 0 || x < 0 || y >= n || x >= n;
                double g;
                if (quiet) {
                    g = switch (params.quietZone()) {
                        case CLEAN -> Math.max(pull, 0.55);
                        case PAINTED -> 0.1;
                        case FULL_BLEED -> 0.9 * pull;
                    };
                    if (params.quietZone() == QuietZone.FULL_BLEED) {
                        // the picture carries the pattern on to the edge: module-like marks where the margin was
                        pad[my * total + mx] = modes.nextInt(100) < 45 ? 1f : 0f;
                    }
                } else {
                    g = pull * governance[y][x];
                    int f = finderIndex(n, x, y);
                    if (f >= 0 && pictureInside[f] && insideFinder(n, f, x, y, centreOnly)) {
                        g = 0.2;
                    }
                }
                gov[my * total + mx] = (float) g;
            }
        }
        return gov;
    }

    /**
     * Modules merged into larger shapes: a data module whose four neighbours all have the other colour is absorbed
     * with probability {@code degree}, one with three such neighbours with {@code degree * 0.05}. Returns how many
     * modules changed colour.
     */
    static int merge(float[] pad, int total, int n, double degree, SplittableRandom r) {
        float[] in = pad.clone();
        int changed = 0;
        for (int y = 1; y < n - 1; y++) {
            for (int x = 1; x < n - 1; x++) {
                if (finderIndex(n, x, y) >= 0) {
                    continue;
                }
                int i = (y + QUIET_MODULES) * total + x + QUIET_MODULES;
                float c = in[i];
                int opposite = (in[i - 1] != c ? 1 : 0) + (in[i + 1] != c ? 1 : 0) + (in[i - total] != c ? 1 : 0)
                        + (in[i + total] != c ? 1 : 0);
                double chance = opposite == 4 ? degree : opposite == 3 ? degree * 0.05 : 0;
                if (chance > 0 && r.nextDouble() < chance) {
                    pad[i] = 1 - c;
                    changed++;
                }
            }
        }
        return changed;
    }

    /** Per-module share of the pattern that survives: 1 where guided, less in the picture's free regions. */
    static double[][] governance(int n, GenerationParams params, SplittableRandom random) {
        double[][] gov = new double[n][n];
        double share = params.guidanceEnd() - params.guidanceStart();
        double free = Math.min(0.6, Math.max(0, 1 - share) * 0.7);
        NoiseField saliency = new NoiseField(random, n, Math.max(3, n / 4.0));
        double[] values = new double[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                values[y * n + x] = saliency.at(x, y);
            }
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double threshold = free <= 0 ? Double.POSITIVE_INFINITY : sorted[(int) ((1 - free) * (n * n - 1))];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double v = values[y * n + x];
                gov[y][x] = v > threshold && !finder(n, x, y) ? FREE_GOVERNANCE : 1.0;
            }
        }
        return gov;
    }

    /** Finder patterns and their separators: image models trained for QR art keep these guided. */
    static boolean finder(int n, int x, int y) {
        return finderIndex(n, x, y) >= 0;
    }

    /** Which finder box (8x8 with separator) holds code module (x, y): 0 top left, 1 top right, 2 bottom left, or -1. */
    static int finderIndex(int n, int x, int y) {
        if (y < 8 && x < 8) {
            return 0;
        }
        if (y < 8 && x >= n - 8) {
            return 1;
        }
        return x < 8 && y >= n - 8 ? 2 : -1;
    }

    /** The finder's 3x3 centre, or its 5x5 interior (inner light ring and centre). */
    private static boolean insideFinder(int n, int f, int x, int y, boolean centreOnly) {
        int lo = centreOnly ? 2 : 1;
        int dx = x - (f == 1 ? n - 7 : 0);
        int dy = y - (f == 2 ? n - 7 : 0);
        return dx >= lo && dx <= 6 - lo && dy >= lo && dy <= 6 - lo;
    }

    private static double mean(double[][] v) {
        double sum = 0;
        for (double[] row : v) {
            for (double d : row) {
                sum += d;
            }
        }
        return sum / (v.length * (double) v.length);
    }

    /** Per-pixel lookups along one axis: the module, the two nearest module centres and the edge weight. */
    private static final class Axis {
        final int[] module;
        final int[] lo;
        final int[] hi;
        final float[] t;
        final float[] edge;

        Axis(int size, int mod, int total) {
            module = new int[size];
            lo = new int[size];
            hi = new int[size];
            t = new float[size];
            edge = new float[size];
            for (int v = 0; v < size; v++) {
                module[v] = v / mod;
                double f = (v % mod + 0.5) / mod;
                double u = (v + 0.5) / mod - 0.5;
                int l = (int) Math.floor(u);
                lo[v] = Math.max(0, Math.min(total - 1, l));
                hi[v] = Math.max(0, Math.min(total - 1, l + 1));
                t[v] = (float) Math.max(0, Math.min(1, u - l));
                edge[v] = (float) (PictureLook.smooth(0.55, 1.0, Math.abs(f - 0.5) * 2) * 0.6);
            }
        }
    }

    /** Module-sized picture texture over a part of the code (a smooth region map), as brightness offsets. */
    private static final class Texture {
        private final NoiseField detail;
        private final NoiseField region;
        private final NoiseField.Axis detailAxis;
        private final NoiseField.Axis regionAxis;
        private final float amplitude;

        Texture(double strength, int size, int mod, SplittableRandom r) {
            detail = new NoiseField(r, size, Math.max(3, mod * 0.9));
            region = new NoiseField(r, size, size / 3.5);
            detailAxis = detail.axis(size);
            regionAxis = region.axis(size);
            amplitude = (float) (330 * strength);
        }

        float at(int x, int y) {
            float where = region.at(regionAxis, x, y);
            if (where < 0.4f) {
                return 0;
            }
            float weight = Math.min(1f, (where - 0.4f) * 5f);
            return (detail.at(detailAxis, x, y) - 0.5f) * amplitude * weight;
        }
    }

    static int clamp(double v) {
        return PictureLook.clamp(v);
    }
}
