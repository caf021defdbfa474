package org.qartalign.ui.about;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundledComponentTest {
    @Test
    void theAboutDialogListsTheBundledComponentsWithTheirLicencesAndBuiltVersions() {
        List<BundledComponent> all = BundledComponent.all();
        Map<String, String> licenceByName = all.stream()
                .collect(Collectors.toMap(BundledComponent::name, BundledComponent::licence));
        assertEquals("Apache-2.0", licenceByName.get("ZXing (core, javase)"));
        assertEquals("Apache-2.0", licenceByName.get("Deep Java Library (DJL api, PyTorch engine)"));
        assertEquals("BSD-3-Clause", licenceByName.get("PyTorch / libtorch (pytorch-native-cpu)"));
        assertEquals("Public domain", licenceByName.get("SQLite (inside sqlite-jdbc)"));
        assertEquals("Apache-2.0", licenceByName.get("sqlite-jdbc"));
        assertEquals("GPL-2.0 with Classpath Exception", licenceByName.get("OpenJFX (JavaFX)"));
        assertEquals("Apache-2.0", licenceByName.get("Jackson (databind, core, annotations)"));
        assertEquals("MIT", licenceByName.get("SLF4J (api, simple)"));
        for (BundledComponent c : all) {
            assertFalse(c.version().contains("${"), c.name() + " version was not filtered: " + c.version());
            assertTrue(c.homePage().startsWith("https://"), c.name());
        }
    }

    @Test
    void aMalformedLineIsReportedWithItsLineNumber() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BundledComponent.parse(List.of("# header", "ZXing | 3.5.3 | Apache-2.0")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
