package org.qartalign.ui.about;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A third-party component shipped with the app, with the licence it comes under (listed in NOTICE too). */
public record BundledComponent(String name, String version, String licence, String homePage) {
    static final String RESOURCE = "bundled-components.txt";

    /** The components listed in the build's filtered {@value #RESOURCE}, in order. */
    public static List<BundledComponent> all() {
        try (InputStream in = BundledComponent.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<BundledComponent> parse(List<String> lines) {
        List<BundledComponent> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s*\\|\\s*");
            if (f.length != 4) {
                throw new IllegalStateException(RESOURCE + " line " + (i + 1) + ": expected 4 fields separated by |");
            }
            out.add(new BundledComponent(f[0], f[1], f[2], f[3]));
        }
        return List.copyOf(out);
    }
}
