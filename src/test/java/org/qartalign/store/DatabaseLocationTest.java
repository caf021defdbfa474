package org.qartalign.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DatabaseLocationTest {
    private static final Path HOME = Path.of("/home/ada");

    @Test
    void fromTheJarTheDatabaseStaysInTheWorkingFolder() {
        assertEquals(Path.of("labels.db"), DatabaseLocation.defaultDatabase(false, "Linux", "/data", null, HOME));
        assertEquals(Path.of("labels.db"), DatabaseLocation.defaultDatabase(false, "Windows 11", null, "C:/x", HOME));
    }

    @Test
    void installedOnLinuxTheDatabaseGoesUnderXdgDataHomeWhenSet() {
        assertEquals(Path.of("/data/qart-align/labels.db"),
                DatabaseLocation.defaultDatabase(true, "Linux", "/data", null, HOME));
    }

    @Test
    void installedOnLinuxWithoutXdgDataHomeTheDatabaseGoesUnderDotLocalShare() {
        Path expected = Path.of("/home/ada/.local/share/qart-align/labels.db");
        assertEquals(expected, DatabaseLocation.defaultDatabase(true, "Linux", null, null, HOME));
        assertEquals(expected, DatabaseLocation.defaultDatabase(true, "Linux", "  ", null, HOME));
    }

    @Test
    void aRelativeXdgDataHomeIsIgnoredAsTheSpecRequires() {
        assertEquals(Path.of("/home/ada/.local/share/qart-align/labels.db"),
                DatabaseLocation.defaultDatabase(true, "Linux", "relative/data", null, HOME));
    }

    @Test
    void installedOnMacAndWindowsTheDatabaseGoesToTheUsualAppDataFolders() {
        assertEquals(Path.of("/home/ada/Library/Application Support/QArt Align/labels.db"),
                DatabaseLocation.defaultDatabase(true, "Mac OS X", "/data", null, HOME));
        assertEquals(Path.of("/home/ada/AppData/Local/QArt Align/labels.db"),
                DatabaseLocation.defaultDatabase(true, "Windows 11", null, null, HOME));
    }
}
