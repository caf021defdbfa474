package org.qartalign.ui;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.Labeler;
import org.qartalign.store.Database;
import org.qartalign.store.LabelerRepository;
import org.qartalign.testing.TestDatasets;
import org.qartalign.ui.label.StartSessionViewModel;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start form without a toolkit: what it asks for, what it remembers, whom it refuses. */
class StartSessionViewModelTest {
    @TempDir
    Path dir;
    @AutoClose
    Database db;

    @BeforeEach
    void setUp() {
        db = TestDatasets.withCodes(dir, 3);
    }

    private StartSessionViewModel form() {
        return new StartSessionViewModel(db, "test");
    }

    @Test
    void anEmptyFormSaysWhatIsMissingAndCannotStart() {
        StartSessionViewModel f = form();
        assertFalse(f.validProperty().get());
        assertEquals("To start, enter your name and your phone model.", f.missingProperty().get());
        f.nameProperty().set("Ana");
        assertEquals("To start, enter your phone model.", f.missingProperty().get());
        f.phoneProperty().set("  ");
        assertEquals("To start, enter your phone model.", f.missingProperty().get(), "blank is not a phone");
        f.phoneProperty().set("Pixel 8");
        f.displayMmProperty().set(5);
        assertEquals("The code width must be 10-300 mm.", f.missingProperty().get());
        f.displayMmProperty().set(50);
        assertTrue(f.validProperty().get());
        assertEquals("", f.missingProperty().get());
        assertThrows(IllegalArgumentException.class, () -> {
            StartSessionViewModel empty = form();
            empty.nameProperty().set("");
            empty.start();
        });
    }

    @Test
    void startingStoresTheSessionTrimmedAndTheFormRemembersTheLabelerNextTime() {
        StartSessionViewModel f = form();
        f.nameProperty().set(" Ana Lima ");
        f.phoneProperty().set(" iPhone 15 ");
        f.scannerAppProperty().set("Camera");
        f.displayMmProperty().set(62);
        StartSessionViewModel.Started s = f.start();
        assertEquals("Ana Lima", s.labeler().name());
        assertEquals("iPhone 15", s.session().phoneModel());
        assertEquals(62, s.session().displayMm());

        StartSessionViewModel again = form();
        assertEquals("Ana Lima", again.nameProperty().get(), "the last labeler is filled in");
        assertEquals("iPhone 15", again.phoneProperty().get());
        assertEquals("Camera", again.scannerAppProperty().get());
        assertEquals(62, again.displayMmProperty().get());
        assertEquals(List.of("Ana Lima"), again.knownLabelers());
    }

    @Test
    void aSimulatedLabelersNameIsRefusedAndNotOffered() {
        Labeler sim = new LabelerRepository(db).getOrCreate("sim-careful", true);
        StartSessionViewModel f = form();
        assertFalse(f.knownLabelers().contains(sim.name()));
        f.nameProperty().set("sim-careful");
        f.phoneProperty().set("Pixel 8");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, f::start);
        assertTrue(e.getMessage().contains("simulated"), e.getMessage());
    }
}
