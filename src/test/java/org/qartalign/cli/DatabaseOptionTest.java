package org.qartalign.cli;

import org.junit.jupiter.api.Test;
import org.qartalign.store.DatabaseLocation;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseOptionTest {
    private static Path openedWith(String... args) {
        AtomicReference<Path> opened = new AtomicReference<>();
        int code = QArtAlignCommand.commandLine(db -> {
            opened.set(db);
            return 0;
        }).execute(args);
        assertEquals(0, code);
        return opened.get();
    }

    private static <T> T installed(java.util.function.Supplier<T> run) {
        String before = System.getProperty(DatabaseLocation.INSTALLED_PROPERTY);
        System.setProperty(DatabaseLocation.INSTALLED_PROPERTY, "true");
        try {
            return run.get();
        } finally {
            if (before == null) {
                System.clearProperty(DatabaseLocation.INSTALLED_PROPERTY);
            } else {
                System.setProperty(DatabaseLocation.INSTALLED_PROPERTY, before);
            }
        }
    }

    @Test
    void fromTheJarTheAppOpensLabelsDbInTheWorkingFolder() {
        assertEquals(Path.of("labels.db"), openedWith());
    }

    @Test
    void installedTheAppOpensTheDatabaseInTheUsersDataFolder() {
        Path db = installed(DatabaseOptionTest::openedWith);
        assertTrue(db.isAbsolute(), db.toString());
        assertTrue(db.endsWith(Path.of("qart-align", "labels.db")), db.toString());
        if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            // the XDG Base Directory spec: $XDG_DATA_HOME when set to an absolute path, else ~/.local/share
            String xdg = System.getenv("XDG_DATA_HOME");
            Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                    : Path.of(System.getProperty("user.home"), ".local", "share");
            assertEquals(base.resolve("qart-align").resolve("labels.db"), db);
        }
    }

    @Test
    void dbOptionWinsOverTheInstalledDefault() {
        assertEquals(Path.of("/tmp/mine.db"), installed(() -> openedWith("--db", "/tmp/mine.db")));
        assertEquals(Path.of("other.db"), openedWith("--db", "other.db"));
    }
}
