package org.qartalign.store;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the database lives when {@code --db} is not given: {@code labels.db} in the working folder when run from
 * the jar (as README promises), the user's data folder when run from an installed package, never the
 * installation folder, which is read-only for the user.
 */
public final class DatabaseLocation {
    /** Set by the installed launcher's JVM options (packaging/jpackage/common.txt). */
    public static final String INSTALLED_PROPERTY = "qartalign.installed";
    public static final String FILE_NAME = "labels.db";
    static final String APP_FOLDER = "qart-align";

    private DatabaseLocation() {
    }

    public static Path defaultDatabase() {
        return defaultDatabase(Boolean.getBoolean(INSTALLED_PROPERTY), System.getProperty("os.name", ""),
                System.getenv("XDG_DATA_HOME"), System.getenv("LOCALAPPDATA"),
                Path.of(System.getProperty("user.home")));
    }

    static Path defaultDatabase(boolean installed, String osName, String xdgDataHome, String localAppData, Path home) {
        if (!installed) {
            return Path.of(FILE_NAME);
        }
        return dataFolder(osName, xdgDataHome, localAppData, home).resolve(FILE_NAME);
    }

    static Path dataFolder(String osName, String xdgDataHome, String localAppData, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path base = usable(localAppData) ? Path.of(localAppData) : home.resolve("AppData").resolve("Local");
            return base.resolve("QArt Align");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("QArt Align");
        }
        // The XDG Base Directory spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        Path base = usable(xdgDataHome) ? Path.of(xdgDataHome) : home.resolve(".local").resolve("share");
        return base.resolve(APP_FOLDER);
    }

    private static boolean usable(String dir) {
        return dir != null && !dir.isBlank() && Path.of(dir).isAbsolute();
    }
}
