package org.qartalign.ui.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.dataset.FolderImport;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.testing.FolderTrees;
import org.qartalign.testing.TestDatasets;
import org.qartalign.ui.common.UiExecutors;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FolderImportViewModelTest {
    @TempDir
    Path dir;

    @Test
    void theDatasetScreenImportsASortedFolderAndRefreshesTheDashboard() throws Exception {
        Path root = dir.resolve("sorted");
        FolderTrees.write(root, 5, 1);
        try (Database db = Database.open(dir.resolve("labels.db"))) {
            int[] changed = {0};
            DatasetViewModel model = new DatasetViewModel(db, UiExecutors.sameThread(), dir.resolve("models"),
                    () -> changed[0]++);
            FolderImport.Options o = FolderImportDialog.options(root.toString(), "valid=scanned,invalid=not-scanned",
                    "good=5,bad=2", "ana", "Pixel 7", "", false);
            model.importFolders(o);
            assertTrue(model.logProperty().get().contains("8 image files, 5 distinct images; 5 codes added"), model.logProperty().get());
            assertEquals(1, changed[0]);
            assertFalse(model.runningProperty().get());

            TestDatasets.writeQr("https://qart.example/stray", root.resolve("stray.png"));
            model.importFolders(o);
            assertTrue(model.logProperty().get().startsWith("Failed: " + root.resolve("stray.png")),
                    model.logProperty().get());
            assertEquals(1, changed[0]);
            assertEquals(5, new DatasetRepository(db).countCodes());
        }
    }

    @Test
    void theFormNamesTheFieldToFix() throws Exception {
        Files.createDirectories(dir.resolve("sorted"));
        IllegalArgumentException noFolder = assertThrows(IllegalArgumentException.class,
                () -> FolderImportDialog.options(dir.resolve("nope").toString(), "", "", "ana", "", "", false));
        assertTrue(noFolder.getMessage().startsWith("Folder:"), noFolder.getMessage());
        IllegalArgumentException noLabeler = assertThrows(IllegalArgumentException.class,
                () -> FolderImportDialog.options(dir.resolve("sorted").toString(), "", "", "", "", "", false));
        assertTrue(noLabeler.getMessage().contains("--labeler"), noLabeler.getMessage());
    }
}
