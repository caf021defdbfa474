package org.qartalign.ui.window;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Settings that belong to the person at this computer, not to a dataset (window size and position, the labeling
 * guard time): a properties file in the user's config folder, never in labels.db, which travels between people.
 */
public final class UserSettings {
    /** Overrides the folder (tests, screenshots): {@code -Dqartalign.configDir=/tmp/x}. */
    public static final String CONFIG_DIR = "qartalign.configDir";
    private final Path file;
    private final Properties values = new Properties();

    public UserSettings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // An unreadable settings file only costs the remembered window size; the app opens with defaults.
                System.err.println("warning: ignoring " + file + ": " + e.getMessage());
            }
        }
    }

    /** The settings of the user running the app. */
    public static UserSettings forUser() {
        return new UserSettings(folder().resolve("settings.properties"));
    }

    static Path folder() {
        String override = System.getProperty(CONFIG_DIR);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null && !appData.isBlank() ? Path.of(appData) : home).resolve("qart-align");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/qart-align");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        // The XDG Base Directory spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        return (xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config")).resolve("qart-align");
    }

    public Path file() {
        return file;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public Optional<Double> number(String key) {
        try {
            return get(key).map(Double::parseDouble).filter(Double::isFinite);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void put(String key, String value) {
        values.setProperty(key, value);
    }

    /** Writes the file atomically (a crash mid-write leaves the previous settings). */
    public void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "QArt Align settings of this user");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file + ": " + e.getMessage(), e);
        }
    }
}
