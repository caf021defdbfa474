package org.qartalign.ui.window;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowPlacementTest {
    static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 768);
    static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1080);

    @Test
    void aSmallScreenOpensTheWindowMaximised() {
        WindowPlacement p = WindowPlacement.firstRun(LAPTOP);
        assertTrue(p.maximized());
        assertTrue(p.width() <= 1366 && p.height() <= 768, "un-maximised it still fits: " + p);
    }

    @Test
    void aLargeScreenOpensALargeCentredWindowWithinTheScreen() {
        WindowPlacement p = WindowPlacement.firstRun(FULL_HD);
        assertFalse(p.maximized());
        assertEquals(1536, p.width(), 0.5);
        assertEquals(918, p.height(), 0.5);
        assertEquals((1920 - 1536) / 2.0, p.x(), 0.5);
        assertTrue(p.width() >= 1024 && p.height() >= 700);
    }

    @Test
    void aRememberedWindowComesBackWhereTheUserLeftIt() {
        WindowPlacement left = new WindowPlacement(120, 90, 1032, 665, false);
        assertEquals(left, WindowPlacement.restore(Optional.of(left), List.of(FULL_HD)));
    }

    @Test
    void aRememberedWindowLargerThanTodaysScreenIsShrunkIntoIt() {
        WindowPlacement big = new WindowPlacement(100, 50, 1900, 1050, false);
        WindowPlacement p = WindowPlacement.restore(Optional.of(big), List.of(LAPTOP));
        assertEquals(new WindowPlacement(0, 0, 1366, 768, false), p);
    }

    @Test
    void aWindowLeftOnAMonitorThatIsGoneOpensOnThePrimaryScreen() {
        WindowPlacement onSecond = new WindowPlacement(2100, 100, 1200, 800, false);
        assertEquals(WindowPlacement.firstRun(FULL_HD), WindowPlacement.restore(Optional.of(onSecond), List.of(FULL_HD)));
        Rectangle2D second = new Rectangle2D(1920, 0, 1920, 1080);
        assertEquals(onSecond, WindowPlacement.restore(Optional.of(onSecond), List.of(FULL_HD, second)));
    }

    @Test
    void aTinyRememberedWindowGrowsToTheMinimumSize() {
        WindowPlacement tiny = new WindowPlacement(10, 10, 200, 200, false);
        WindowPlacement p = WindowPlacement.restore(Optional.of(tiny), List.of(FULL_HD));
        assertEquals(WindowPlacement.MIN_WIDTH, p.width());
        assertEquals(WindowPlacement.MIN_HEIGHT, p.height());
    }

    @Test
    void thePlacementIsSavedPerUserOutsideTheDatabaseAndReadBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config/settings.properties");
        UserSettings settings = new UserSettings(file);
        new WindowPlacement(120, 90, 1032, 665, true).store(settings);
        settings.save();
        assertTrue(Files.readString(file).contains("window.width=1032.0"));
        assertEquals(Optional.of(new WindowPlacement(120, 90, 1032, 665, true)),
                WindowPlacement.load(new UserSettings(file)));
    }

    @Test
    void aDamagedSettingsFileOpensWithDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.properties");
        Files.writeString(file, "window.x=abc\nwindow.y=1\nwindow.width=1000\nwindow.height=700\n");
        assertEquals(Optional.empty(), WindowPlacement.load(new UserSettings(file)));
    }
}
