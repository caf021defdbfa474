package org.qartalign.eval;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.detector.Detector;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a symbol's module grid: with ZXing's QR detector when it finds the finder patterns, otherwise with the
 * layout of a generated code (a square centred in the image, its quiet zone found by fitting the fixed patterns).
 */
public final class GridLocator {
    /** A located grid and, when the detector found an alignment pattern, how far it sat from the finders' grid. */
    public record Located(QrGrid grid, double alignmentDeviationModules) {
    }

    /** No TRY_HARDER: a phone's detector does not try hard on a frame either, and it halves the cost of a miss. */
    private final Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);

    /** The grid ZXing's detector finds, or null. */
    public Located detect(GrayImage image) {
        PlanarYUVLuminanceSource source = new PlanarYUVLuminanceSource(image.pixels(), image.width(), image.height(),
                0, 0, image.width(), image.height(), false);
        try {
            BitMatrix bits = new BinaryBitmap(new HybridBinarizer(source)).getBlackMatrix();
            DetectorResult r = new Detector(bits).detect(hints);
            int dim = r.getBits().getWidth();
            ResultPoint[] p = r.getPoints();
            if (!IntendedSymbol.isQrSize(dim) || p.length < 3) {
                return null;
            }
            return fromPoints(dim, p[1], p[2], p[0], p.length > 3 ? p[3] : null);
        } catch (NotFoundException | FormatException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** ZXing's own transform (Detector.createTransform): finder centres at 3.5 modules in, alignment 6.5. */
    static Located fromPoints(int dim, ResultPoint tl, ResultPoint tr, ResultPoint bl, ResultPoint align) {
        float far = dim - 3.5f;
        float brX;
        float brY;
        float srcBr;
        double deviation = Double.NaN;
        if (align != null) {
            brX = align.getX();
            brY = align.getY();
            srcBr = far - 3.0f;
            double t = (srcBr - 3.5) / (far - 3.5);
            double px = tl.getX() + (tr.getX() - tl.getX()) * t + (bl.getX() - tl.getX()) * t;
            double py = tl.getY() + (tr.getY() - tl.getY()) * t + (bl.getY() - tl.getY()) * t;
            double module = (Math.hypot(tr.getX() - tl.getX(), tr.getY() - tl.getY())
                    + Math.hypot(bl.getX() - tl.getX(), bl.getY() - tl.getY())) / 2 / (far - 3.5);
            deviation = Math.hypot(brX - px, brY - py) / module;
        } else {
            brX = tr.getX() - tl.getX() + bl.getX();
            brY = tr.getY() - tl.getY() + bl.getY();
            srcBr = far;
        }
        PerspectiveTransform t = PerspectiveTransform.quadrilateralToQuadrilateral(3.5f, 3.5f, far, 3.5f, srcBr, srcBr,
                3.5f, far, tl.getX(), tl.getY(), tr.getX(), tr.getY(), brX, brY, bl.getX(), bl.getY());
        return new Located(new QrGrid(dim, t, true), deviation);
    }

    /**
     * The generated-code layout for a symbol of {@code size} modules: centred, square, its module size the one
     * (quiet zone 0 to 8 modules, in eighths) whose finder patterns, separators and timing patterns best
     * correlate with the intended ones.
     */
    public static Located layout(GrayImage image, int size) {
        int side = Math.min(image.width(), image.height());
        double bestScore = Double.NEGATIVE_INFINITY;
        QrSymbolLayout probe = new QrSymbolLayout(com.google.zxing.qrcode.decoder.Version.getVersionForNumber(
                IntendedSymbol.versionOf(size)), com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.L);
        int[] modules = fixedModules(probe);
        boolean[] dark = fixedDark(probe, modules);
        // Coarse (half a module of quiet zone per step), then fine (an eighth) around the best coarse fit.
        int bestQ = 0;
        double bestCoarse = Double.NEGATIVE_INFINITY;
        for (int q = 0; q <= 64; q += 4) {
            double score = correlation(image, centred(image, size, side, q), modules, dark);
            if (score > bestCoarse) {
                bestCoarse = score;
                bestQ = q;
            }
        }
        List<QrGrid> plateau = new ArrayList<>();
        for (int q = Math.max(0, bestQ - 8); q <= Math.min(64, bestQ + 8); q++) {
            QrGrid g = centred(image, size, side, q);
            double score = correlation(image, g, modules, dark);
            if (score > bestScore + 1e-9) {
                bestScore = score;
                plateau.clear();
            }
            if (score > bestScore - 1e-9) {
                plateau.add(g);
            }
        }
        // Sharp module edges leave a plateau of equally good fits: its middle is centred on the modules.
        QrGrid best = plateau.isEmpty() ? null : plateau.get(plateau.size() / 2);
        return new Located(best, Double.NaN);
    }

    /** The square of {@code size} modules centred in the image with {@code q / 4} modules of margin in all. */
    private static QrGrid centred(GrayImage image, int size, int side, int q) {
        double modulePx = side / (size + q / 4.0);
        return QrGrid.axisAligned(size, (image.width() - size * modulePx) / 2, (image.height() - size * modulePx) / 2,
                modulePx);
    }

    private static int[] fixedModules(QrSymbolLayout l) {
        int count = 0;
        for (QrSymbolLayout.Segment s : l.finders()) {
            count += s.modules().length;
        }
        for (QrSymbolLayout.Segment s : l.timing()) {
            count += s.modules().length;
        }
        int[] out = new int[count];
        int k = 0;
        for (QrSymbolLayout.Segment s : l.finders()) {
            for (int m : s.modules()) {
                out[k++] = m;
            }
        }
        for (QrSymbolLayout.Segment s : l.timing()) {
            for (int m : s.modules()) {
                out[k++] = m;
            }
        }
        return out;
    }

    /** Finder modules are dark on rings 0 and 2-4 of 7, separators light; timing modules alternate from dark. */
    private static boolean[] fixedDark(QrSymbolLayout l, int[] modules) {
        int n = l.size();
        boolean[] out = new boolean[modules.length];
        for (int i = 0; i < modules.length; i++) {
            int r = modules[i] / n;
            int c = modules[i] % n;
            int fr = r < 8 ? r : n - 1 - r;
            int fc = c < 8 ? c : n - 1 - c;
            if (fr < 8 && fc < 8) {
                int ring = Math.max(Math.abs(fr - 3), Math.abs(fc - 3));
                out[i] = ring != 2 && ring <= 3;
            } else {
                out[i] = (r + c) % 2 == 0;
            }
        }
        return out;
    }

    private static double correlation(GrayImage image, QrGrid g, int[] modules, boolean[] dark) {
        int n = g.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int count = 0;
        for (int i = 0; i < modules.length; i++) {
            double r = g.sampleCentre(image, modules[i] % n, modules[i] / n);
            if (r < 0) {
                return Double.NEGATIVE_INFINITY;
            }
            double y = dark[i] ? 0 : 1;
            sx += r;
            sy += y;
            sxx += r * r;
            syy += y * y;
            sxy += r * y;
            count++;
        }
        double cov = sxy - sx * sy / count;
        double vx = sxx - sx * sx / count;
        double vy = syy - sy * sy / count;
        return vx <= 0 || vy <= 0 ? -1 : cov / Math.sqrt(vx * vy);
    }
}
