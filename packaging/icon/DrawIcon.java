import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

/**
 * Draws the QArt Align icon: a QR finder pattern (7x7 modules) turned into a small artwork, a cream ring on an
 * indigo-to-teal tile around a coral "eye", with a trail of data modules that dissolve into dots.
 * Run: java packaging/icon/DrawIcon.java packaging/icons   (writes qart-align-<size>.png for every size)
 */
public class DrawIcon {
    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    public static void main(String[] args) throws IOException {
        File out = new File(args.length > 0 ? args[0] : "packaging/icons");
        out.mkdirs();
        for (int size : SIZES) {
            ImageIO.write(draw(size), "png", new File(out, "qart-align-" + size + ".png"));
        }
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        double s = size;
        double pad = size <= 24 ? 0 : s * 0.04;
        double tile = s - 2 * pad;
        g.setPaint(new GradientPaint((float) pad, (float) pad, new Color(0x2B, 0x1E, 0x6B),
                (float) (s - pad), (float) (s - pad), new Color(0x0F, 0x8B, 0x8D)));
        g.fill(new RoundRectangle2D.Double(pad, pad, tile, tile, tile * 0.36, tile * 0.36));

        // The finder pattern takes 7 of the tile's 10 modules; small sizes get a larger pattern to stay legible.
        double modules = size <= 32 ? 8.2 : 10;
        double m = tile / modules;
        double fx = pad + (size <= 32 ? (tile - 7 * m) / 2 : m * 0.9);
        double fy = fx;
        double ring = m;
        Color cream = new Color(0xFF, 0xF4, 0xE0);
        g.setColor(cream);
        g.setStroke(new BasicStroke((float) ring));
        g.draw(new RoundRectangle2D.Double(fx + ring / 2, fy + ring / 2, 7 * m - ring, 7 * m - ring, m * 2.6, m * 2.6));

        double eye = 3 * m;
        double ex = fx + 2 * m;
        double ey = fy + 2 * m;
        g.setPaint(new GradientPaint((float) ex, (float) ey, new Color(0xFF, 0x8A, 0x5C),
                (float) (ex + eye), (float) (ey + eye), new Color(0xF2, 0x4E, 0x8B)));
        g.fill(new RoundRectangle2D.Double(ex, ey, eye, eye, m * 1.4, m * 1.4));
        if (size >= 48) {
            g.setColor(new Color(255, 255, 255, 170));
            g.fill(new Ellipse2D.Double(ex + eye * 0.18, ey + eye * 0.16, eye * 0.28, eye * 0.28));
        }

        if (size >= 32) {
            // Data modules leaving the finder pattern, shrinking from squares to dots: QR turning into art.
            double[][] cells = {{8.6, 1.4}, {8.6, 3.0}, {1.4, 8.6}, {3.0, 8.6}, {8.6, 4.6}, {4.6, 8.6},
                    {8.6, 6.2}, {6.2, 8.6}, {8.6, 7.6}, {7.6, 8.6}, {8.7, 8.7}};
            for (int i = 0; i < cells.length; i++) {
                double t = i / (double) (cells.length - 1);
                double d = m * (0.95 - 0.45 * t);
                double cx = pad + cells[i][0] * m;
                double cy = pad + cells[i][1] * m;
                g.setColor(new Color(0xFF, 0xF4, 0xE0, (int) (235 - 110 * t)));
                g.fill(new RoundRectangle2D.Double(cx - d / 2, cy - d / 2, d, d, d * (0.3 + 0.7 * t), d * (0.3 + 0.7 * t)));
            }
        }
        g.dispose();
        return img;
    }
}
