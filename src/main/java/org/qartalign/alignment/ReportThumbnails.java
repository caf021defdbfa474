package org.qartalign.alignment;

import org.qartalign.core.CodeImages;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thumbnails of the codes the HTML report shows, embedded as small JPEG data URIs so the report stays one
 * self-contained file: each code once, however many tables show it. A missing or unreadable image gets none.
 */
final class ReportThumbnails {
    static final int SIZE = 72;
    private static final float QUALITY = 0.8f;

    private final Path imageFolder;
    private final Map<String, String> uris = new LinkedHashMap<>();
    /** Each code's place in {@link #uris}, the number in its CSS class. */
    private final Map<String, Integer> indices = new java.util.HashMap<>();

    /** @param imageFolder the folder stored image paths are relative to (the database's), or null for no thumbnails */
    ReportThumbnails(Path imageFolder) {
        this.imageFolder = imageFolder;
    }

    /** The CSS class that shows this code's thumbnail, or null when there is none. */
    String cssClass(String codeId, String imagePath) {
        if (imageFolder == null || imagePath == null) {
            return null;
        }
        String uri = uris.computeIfAbsent(codeId, id -> {
            indices.put(id, uris.size());
            return dataUri(CodeImages.resolve(imageFolder, imagePath));
        });
        return uri.isEmpty() ? null : "t" + Integer.toString(indices.get(codeId), 36);
    }

    /** One CSS rule per thumbnail, for the page's style sheet. */
    String css() {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (String uri : uris.values()) {
            if (!uri.isEmpty()) {
                sb.append(".t").append(Integer.toString(i, 36)).append("{background-image:url(").append(uri).append(")}\n");
            }
            i++;
        }
        return sb.toString();
    }

    private static String dataUri(Path file) {
        try {
            BufferedImage img = CodeImages.read(file);
            return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg(shrink(img, SIZE)));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Halves while more than twice too large, then one bilinear step: a smooth thumbnail without aliasing. */
    static BufferedImage shrink(BufferedImage img, int size) {
        BufferedImage cur = img;
        while (Math.max(cur.getWidth(), cur.getHeight()) > 2 * size) {
            cur = scale(cur, Math.max(1, cur.getWidth() / 2), Math.max(1, cur.getHeight() / 2));
        }
        double f = (double) size / Math.max(cur.getWidth(), cur.getHeight());
        return scale(cur, Math.max(1, (int) Math.round(cur.getWidth() * f)), Math.max(1, (int) Math.round(cur.getHeight() * f)));
    }

    private static BufferedImage scale(BufferedImage img, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static byte[] jpeg(BufferedImage img) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
