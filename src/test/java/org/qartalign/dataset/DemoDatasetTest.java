package org.qartalign.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.cli.QArtAlignCommand;
import org.qartalign.core.CodeImages;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.Label;
import org.qartalign.core.Labeler;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoDatasetTest {
    @TempDir
    Path dir;

    @Test
    void theDemoWritesPairsCodesImagesAndHashesAndReportsProgress() throws Exception {
        List<Double> progress = new ArrayList<>();
        try (Database db = Database.open(dir.resolve("labels.db"))) {
            DemoDataset.Summary s = DemoDataset.create(db, new DemoDataset.Options(12, 2, 5, false, 2),
                    (f, stage) -> progress.add(f), () -> false);
            assertEquals(24, s.codes());
            DatasetRepository repo = new DatasetRepository(db);
            assertEquals(12, repo.countPairs());
            for (CodeWithPair c : repo.codes()) {
                assertTrue(c.code().imagePath().startsWith("labels-images/"), c.code().imagePath());
                Path file = DemoDataset.imageFile(db, c.code());
                assertEquals(CodeImages.sha256(file), c.code().sha256());
                assertTrue(c.code().numericParam("strength") >= 0.5 && c.code().numericParam("seed") != null);
            }
            assertEquals(1.0, progress.get(progress.size() - 1));
        }
    }

    @Test
    void theSameSeedGivesTheSameDataset() throws Exception {
        List<String> first = build(dir.resolve("a/labels.db"));
        List<String> second = build(dir.resolve("b/labels.db"));
        assertEquals(first, second);
    }

    private static List<String> build(Path file) {
        try (Database db = Database.open(file)) {
            DemoDataset.create(db, new DemoDataset.Options(6, 1, 11, false, 2), DemoDataset.Progress.NONE, () -> false);
            return new DatasetRepository(db).codes().stream()
                    .map(c -> c.id() + c.pair().prompt() + c.url() + c.code().sha256()).toList();
        }
    }

    @Test
    void aDatabaseWithCodesIsRefusedWithAClearMessage() {
        try (Database db = Database.open(dir.resolve("labels.db"))) {
            DemoDataset.create(db, new DemoDataset.Options(3, 1, 1, false, 1), DemoDataset.Progress.NONE, () -> false);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DemoDataset.create(db,
                    new DemoDataset.Options(3, 1, 2, false, 1), DemoDataset.Progress.NONE, () -> false));
            assertTrue(e.getMessage().contains("already holds 3 codes"), e.getMessage());
            assertEquals(3, new DatasetRepository(db).countCodes());
        }
    }

    @Test
    void cancellingLeavesNoRowsAndNoImages() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (Database db = Database.open(dir.resolve("labels.db"))) {
            assertThrows(CancellationException.class, () -> DemoDataset.create(db,
                    new DemoDataset.Options(40, 1, 1, false, 2), DemoDataset.Progress.NONE,
                    () -> calls.incrementAndGet() > 10));
            assertEquals(0, new DatasetRepository(db).countCodes());
            try (var files = Files.list(DemoDataset.imagesFolder(db.file()))) {
                assertEquals(0, files.count());
            }
        }
    }

    @Test
    void simulatedLabelsAreFlaggedOverlapAndCoverEveryCode() {
        try (Database db = Database.open(dir.resolve("labels.db"))) {
            DemoDataset.Summary s = DemoDataset.create(db, new DemoDataset.Options(24, 1, 3, true, 2),
                    DemoDataset.Progress.NONE, () -> false);
            List<Labeler> labelers = new LabelerRepository(db).all();
            assertEquals(3, labelers.size());
            assertTrue(labelers.stream().allMatch(l -> l.simulated() && l.name().startsWith("sim-")));
            assertTrue(new LabelerRepository(db).sessions().stream()
                    .allMatch(x -> x.phoneModel().startsWith("simulated ")));
            List<Label> labels = new LabelRepository(db).all();
            assertEquals(s.labels(), labels.size());
            Map<String, Set<Long>> byCode = new HashMap<>();
            for (Label l : labels) {
                assertTrue(l.hasFlag("simulated") && l.complete());
                assertTrue(l.shownAt().isBefore(l.submittedAt()) && l.scanMillis() > 0);
                byCode.computeIfAbsent(l.codeId(), k -> new HashSet<>()).add(l.labelerId());
            }
            assertEquals(24, byCode.size(), "every code has at least one label");
            long allThree = byCode.values().stream().filter(v -> v.size() == 3).count();
            assertTrue(allThree >= 2 && allThree <= 12, "about a quarter labeled by all three: " + allThree);
            assertTrue(labels.stream().anyMatch(Label::scanned) && labels.stream().anyMatch(l -> !l.scanned()));
            assertTrue(labels.stream().map(Label::aesthetic).distinct().count() >= 3, "aesthetic scores vary");
        }
    }

    @Test
    void theDemoCommandIsRegisteredAndBuildsIntoTheGivenDatabase() {
        Path db = dir.resolve("x/labels.db");
        int code = QArtAlignCommand.commandLine(p -> 1).execute("demo", "--db", db.toString(), "--pairs", "4");
        assertEquals(0, code);
        try (Database d = Database.open(db)) {
            assertEquals(4, new DatasetRepository(d).countCodes());
        }
        assertFalse(Files.notExists(dir.resolve("x/labels-images/demo-00004-1.png")));
    }
}
