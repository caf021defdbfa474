package org.qartalign.testing;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Folder trees of QR codes sorted the way a person sorts them by hand, with a {@code urls.csv}. */
public final class FolderTrees {
    private FolderTrees() {
    }

    /** One image of the tree and the answers its folders give (null where it is in no such folder). */
    public record Image(String name, String url, Boolean scanned, Integer score) {
    }

    /**
     * Writes {@code n} distinct QR codes: image i is in {@code valid/} or {@code invalid/} (i % 3 != 0 scanned) and a
     * byte-identical copy in {@code good/} (score 5) or {@code bad/} (score 2, for odd i); the last {@code partial}
     * images are only in good/ or bad/ (aesthetic only) and the {@code partial} before them only in valid/ or invalid/
     * (scan only). {@code urls.csv} lists every image by name.
     */
    public static List<Image> write(Path root, int n, int partial) {
        return write(root, n, partial, false);
    }

    /**
     * As {@link #write(Path, int, int)}; with {@code hardToScanWhenNot} the images sorted as not scanned are drawn
     * at low contrast under seeded noise, so that scan evals vary between codes as they do on real art.
     */
    public static List<Image> write(Path root, int n, int partial, boolean hardToScanWhenNot) {
        List<Image> images = new ArrayList<>();
        StringBuilder urls = new StringBuilder("file,url\r\n");
        try {
            for (String f : List.of("valid", "invalid", "good", "bad")) {
                Files.createDirectories(root.resolve(f));
            }
            for (int i = 0; i < n; i++) {
                String name = String.format("code_%02d.png", i);
                String url = "https://qart.example/folder/" + i;
                boolean scanOnly = i >= n - 2 * partial && i < n - partial;
                boolean aestheticOnly = i >= n - partial;
                Boolean scanned = aestheticOnly ? null : i % 3 != 0;
                Integer score = scanOnly ? null : i % 2 == 1 ? 2 : 5;
                Path first = null;
                if (scanned != null) {
                    first = root.resolve((scanned ? "valid/" : "invalid/") + name);
                    TestDatasets.writeQr(url, first);
                    if (hardToScanWhenNot && !scanned) {
                        degrade(first, i);
                    }
                }
                if (score != null) {
                    Path copy = root.resolve((score == 5 ? "good/" : "bad/") + name);
                    if (first == null) {
                        TestDatasets.writeQr(url, copy);
                    } else {
                        Files.copy(first, copy);
                    }
                }
                urls.append(name).append(',').append(url).append("\r\n");
                images.add(new Image(name, url, scanned, score));
            }
            Files.writeString(root.resolve("urls.csv"), urls, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return images;
    }

    private static void degrade(Path png, long seed) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        Random random = new Random(seed);
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                double v = (img.getRGB(x, y) & 0xff) / 255.0;
                int g = (int) Math.round(115 + 30 * v + random.nextGaussian() * 40);
                out.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, g)));
            }
        }
        ImageIO.write(out, "png", png.toFile());
    }
}
