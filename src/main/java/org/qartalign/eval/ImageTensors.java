package org.qartalign.eval;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Turns an image into the channels-first float values a model card asks for. */
public final class ImageTensors {
    private ImageTensors() {
    }

    /** The image resized as the card says, then (value / 255 - mean) / std per channel, laid out [C, H, W]. */
    public static float[] toChw(BufferedImage image, ModelCard.InputSpec spec) {
        BufferedImage sized = resize(image, spec);
        int w = spec.width();
        int h = spec.height();
        int plane = w * h;
        float[] out = new float[3 * plane];
        int[] argb = sized.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < plane; i++) {
            int p = argb[i];
            int[] rgb = {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
            for (int c = 0; c < 3; c++) {
                int src = spec.bgr() ? 2 - c : c;
                out[c * plane + i] = (float) ((rgb[src] / 255.0 - spec.mean()[c]) / spec.std()[c]);
            }
        }
        return out;
    }

    static BufferedImage resize(BufferedImage image, ModelCard.InputSpec spec) {
        int w = spec.width();
        int h = spec.height();
        boolean opaque = !image.getColorModel().hasAlpha();
        if (image.getWidth() == w && image.getHeight() == h && opaque) {
            return image;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            // Transparent pixels are shown on white, as a code is displayed on a page.
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, switch (spec.interpolation()) {
                case NEAREST -> RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR;
                case BILINEAR -> RenderingHints.VALUE_INTERPOLATION_BILINEAR;
                case BICUBIC -> RenderingHints.VALUE_INTERPOLATION_BICUBIC;
            });
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (spec.resize() == ModelCard.Resize.STRETCH) {
                g.drawImage(image, 0, 0, w, h, null);
            } else {
                double scale = Math.max((double) w / image.getWidth(), (double) h / image.getHeight());
                int sw = (int) Math.round(image.getWidth() * scale);
                int sh = (int) Math.round(image.getHeight() * scale);
                g.drawImage(image, (w - sw) / 2, (h - sh) / 2, sw, sh, null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
