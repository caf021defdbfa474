package org.qartalign.dataset;

import org.qartalign.store.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keeps a manifest's relative image paths inside its folder, so a manifest cannot point the app at other files. */
final class ImagePaths {
    private ImagePaths() {
    }

    /**
     * Refuses a relative image path that leaves {@code folder} by {@code ..} or through a symbolic link. Absolute paths
     * are taken as written: they are explicit (exports write them for images outside the export folder).
     */
    static void refuseOutside(String lineText, Path folder, Path resolved) throws IOException {
        String raw = Json.MAPPER.readTree(lineText).path("image").asText("");
        if (Path.of(raw).isAbsolute()) {
            return;
        }
        Path base = folder.toAbsolutePath().normalize();
        if (!resolved.startsWith(base)) {
            throw new IllegalArgumentException("field 'image': " + raw + " leaves the manifest's folder " + base
                    + " (use --allow-outside to accept it)");
        }
        if (Files.exists(resolved) && !resolved.toRealPath().startsWith(base.toRealPath())) {
            throw new IllegalArgumentException("field 'image': " + raw + " is a link to " + resolved.toRealPath()
                    + ", outside the manifest's folder " + base + " (use --allow-outside to accept it)");
        }
    }
}
