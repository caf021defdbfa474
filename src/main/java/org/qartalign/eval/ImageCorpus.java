package org.qartalign.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Folders of images, each with a sibling {@code .txt} holding the expected text (ZXing's black-box layout). */
public final class ImageCorpus {
    private static final List<String> IMAGE_SUFFIXES = List.of(".png", ".jpg", ".jpeg", ".gif", ".bmp");

    /** One image and the text it must decode to. */
    public record Entry(Path image, String expected) {
    }

    private ImageCorpus() {
    }

    /** Every image with an expected text under the folders (searched recursively), sorted by path. */
    public static List<Entry> load(List<Path> folders) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new IOException(folder + ": not a folder");
            }
            List<Path> images;
            try (Stream<Path> s = Files.walk(folder)) {
                images = s.filter(Files::isRegularFile).filter(ImageCorpus::isImage).sorted().toList();
            }
            for (Path image : images) {
                String file = image.getFileName().toString();
                Path txt = image.resolveSibling(file.substring(0, file.lastIndexOf('.')) + ".txt");
                if (Files.isRegularFile(txt)) {
                    try {
                        out.add(new Entry(image, Files.readString(txt, StandardCharsets.UTF_8)));
                    } catch (java.nio.charset.MalformedInputException e) {
                        throw new IOException(txt + ": expected text is not UTF-8", e);
                    }
                }
            }
        }
        return out;
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return IMAGE_SUFFIXES.stream().anyMatch(n::endsWith);
    }
}
