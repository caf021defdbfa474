package org.qartalign.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.Label;
import org.qartalign.core.LabelingSession;
import org.qartalign.eval.ImageUrlReader;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;
import org.qartalign.testing.FolderTrees;
import org.qartalign.testing.TestDatasets;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FolderImporterTest {
    @TempDir
    Path dir;

    private static final Map<String, Boolean> SCAN = FolderImport.parseScan("valid=scanned,invalid=not-scanned");
    private static final Map<String, Integer> LOOKS = FolderImport.parseAesthetic("good=5,bad=2");

    private FolderImport.Options options(Path root) {
        return FolderImport.Options.of(root, "ana").withScan(SCAN).withAesthetic(LOOKS).withSession("Pixel 7", null);
    }

    private static FolderImport.Result run(Database db, FolderImport.Options o) {
        return new FolderImporter(db).run(o, DemoDataset.Progress.NONE, () -> false);
    }

    @Test
    void aSortedTreeBecomesOneCodePerImageWithTheAnswersOfItsFolders() throws Exception {
        Path root = dir.resolve("sorted");
        List<FolderTrees.Image> images = FolderTrees.write(root, 10, 2);
        Files.writeString(root.resolve("prompts.csv"), "file,prompt\n\"code_00.png\",\"a fox, in \"\"snow\"\"\"\n");
        try (Database db = Database.open(dir.resolve("labels.db"))) {
            FolderImport.Result r = run(db, options(root));
            assertEquals(10, r.codes());
            assertEquals(10, r.added());
            assertEquals(10, r.labelsAdded());
            Map<String, CodeWithPair> byUrl = new DatasetRepository(db).codes().stream()
                    .collect(Collectors.toMap(CodeWithPair::url, Function.identity()));
            Map<String, Label> labels = new LabelRepository(db).heads().stream()
                    .collect(Collectors.toMap(Label::codeId, Function.identity()));
            for (FolderTrees.Image img : images) {
                CodeWithPair code = byUrl.get(img.url());
                Label l = labels.get(code.id());
                assertEquals(img.scanned(), l.scanned(), img.name());
                assertEquals(img.score(), l.aesthetic(), img.name());
                assertTrue(l.hasFlag(FolderImporter.FLAG));
            }
            assertEquals("a fox, in \"snow\"", byUrl.get(images.get(0).url()).pair().prompt());
            assertEquals("code 01", byUrl.get(images.get(1).url()).pair().prompt());
            List<LabelingSession> sessions = new LabelerRepository(db).sessions();
            assertEquals(1, sessions.size());
            assertEquals("Pixel 7", sessions.get(0).phoneModel());
            assertTrue(labels.values().stream().allMatch(l -> Objects.equals(l.sessionId(), sessions.get(0).id())));
        }
    }

    @Test
    void runningAgainChangesNothingAndAReSortedImageGetsANewVersionNotASecondLabel() throws Exception {
        Path root = dir.resolve("sorted");
        FolderTrees.write(root, 6, 0);
        try (Database db = Database.open(dir.resolve("labels.db"))) {
            run(db, options(root));
            FolderImport.Result again = run(db, options(root));
            assertEquals(0, again.added());
            assertEquals(6, again.alreadyPresent());
            assertEquals(0, again.labelsAdded());
            assertEquals(6, again.labelsUnchanged());
            assertEquals(6, new LabelRepository(db).count());
            assertEquals(1, new LabelerRepository(db).sessions().size());

            Files.move(root.resolve("valid/code_01.png"), root.resolve("invalid/code_01.png"));
            FolderImport.Result resorted = run(db, options(root));
            assertEquals(1, resorted.labelsCorrected());
            assertEquals(5, resorted.labelsUnchanged());
            List<Label> heads = new LabelRepository(db).heads();
            assertEquals(6, heads.size());
            String moved = new DatasetRepository(db).codes().stream()
                    .filter(c -> c.url().endsWith("/folder/1")).findFirst().orElseThrow().id();
            assertEquals(false, heads.stream().filter(h -> h.codeId().equals(moved)).findFirst().orElseThrow().scanned());
            assertEquals(0, run(db, options(root)).labelsCorrected());

            FolderImport.Result otherPhone = run(db, options(root).withSession("iPhone 15", null));
            assertEquals(6, otherPhone.labelsAdded());
            assertEquals(2, new LabelerRepository(db).sessions().size());
        }
    }

    @Test
    void badFilesAreAllReportedByNameAndNothingIsStored() throws Exception {
        Path root = dir.resolve("sorted");
        FolderTrees.write(root, 4, 0);
        Files.writeString(root.resolve("valid/notes.png"), "not a picture");
        try (InputStream huge = getClass().getResourceAsStream("/hostile/huge.png")) {
            Files.copy(Objects.requireNonNull(huge), root.resolve("good/huge.png"));
        }
        TestDatasets.writeQr("https://qart.example/loose", root.resolve("loose.png"));
        Files.writeString(root.resolve("README.txt"), "sorted by ana");
        Path outside = dir.resolve("elsewhere.png");
        TestDatasets.writeQr("https://qart.example/outside", outside);
        Files.createSymbolicLink(root.resolve("valid/link.png"), outside);
        Files.writeString(root.resolve("urls.csv"), Files.readString(root.resolve("urls.csv"))
                .replaceFirst("code_02\\.png,[^\n]*", "code_02.png,not a url")
                + "code_99.png,https://qart.example/typo\ncode_00.png,https://a,b\n");
        Files.copy(root.resolve("valid/code_01.png"), root.resolve("invalid/code_01-copy.png"));
        try (Database db = Database.open(dir.resolve("labels.db"))) {
            ImportException e = assertThrows(ImportException.class, () -> run(db, options(root)));
            String m = e.getMessage();
            assertTrue(m.contains(root.resolve("valid/notes.png") + ": not an image"), m);
            assertTrue(m.contains(root.resolve("good/huge.png") + ": image declares"), m);
            assertTrue(m.contains(root.resolve("loose.png") + ": not inside a folder named"), m);
            assertTrue(m.contains(root.resolve("valid/link.png") + ": a link to"), m);
            assertTrue(m.contains(root.resolve("urls.csv") + ":6: no image code_99.png"), m);
            assertTrue(m.contains(root.resolve("urls.csv") + ":7: expected 2 cells"), m);
            assertTrue(m.contains(root.resolve("urls.csv") + ":4: 'not a url' is not a URL"), m);
            assertTrue(m.contains(root.resolve("valid/code_01.png") + ": the same image as "
                    + root.resolve("invalid/code_01-copy.png") + ", sorted with the other scan answer"), m);
            assertTrue(!m.contains("README.txt"), m);
            assertEquals(0, new DatasetRepository(db).countCodes());
            assertEquals(0, new LabelRepository(db).count());
            assertEquals(0, new LabelerRepository(db).all().size());
        }
    }

    @Test
    void urlsComeFromTheDecoderWhenAskedAndUndecodableCodesAreNamed() throws Exception {
        Path root = dir.resolve("sorted");
        Files.createDirectories(root.resolve("4"));
        Files.createDirectories(root.resolve("1"));
        TestDatasets.writeQr("https://qart.example/decoded/a", root.resolve("4/a.png"));
        TestDatasets.writeQr("https://qart.example/decoded/b", root.resolve("1/b.png"));
        ImageUrlReader reader = new ImageUrlReader();
        FolderImport.Options o = FolderImport.Options.of(root, "ben").withUrlReader(reader::read);
        try (Database db = Database.open(dir.resolve("labels.db"))) {
            ImportException noUrl = assertThrows(ImportException.class,
                    () -> run(db, FolderImport.Options.of(root, "ben")));
            assertTrue(noUrl.getMessage().contains(root.resolve("1/b.png") + ": no URL; list it in urls.csv"),
                    noUrl.getMessage());

            BufferedImage blank = new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB);
            javax.imageio.ImageIO.write(blank, "png", root.resolve("4/blank.png").toFile());
            Files.writeString(root.resolve("4/text.txt"), "ignored? no: inside a mapped folder", StandardCharsets.UTF_8);
            ImportException e = assertThrows(ImportException.class, () -> run(db, o));
            assertTrue(e.getMessage().contains(root.resolve("4/blank.png") + ": no QR code could be decoded to a URL"),
                    e.getMessage());
            assertTrue(e.getMessage().contains(root.resolve("4/text.txt") + ": not an image"), e.getMessage());
            assertEquals(2, e.problems().size(), e.getMessage());

            Files.delete(root.resolve("4/blank.png"));
            Files.delete(root.resolve("4/text.txt"));
            FolderImport.Result r = run(db, o);
            assertEquals(2, r.added());
            Map<String, Integer> scoreByUrl = new java.util.HashMap<>();
            for (Label l : new LabelRepository(db).heads()) {
                scoreByUrl.put(new DatasetRepository(db).find(l.codeId()).orElseThrow().url(), l.aesthetic());
                assertNull(l.scanned());
            }
            assertEquals(Map.of("https://qart.example/decoded/a", 4, "https://qart.example/decoded/b", 1), scoreByUrl);
        }
    }

    @Test
    void aCancelledImportStoresNothing() {
        Path root = dir.resolve("sorted");
        FolderTrees.write(root, 3, 0);
        try (Database db = Database.open(dir.resolve("labels.db"))) {
            int[] polls = {0};
            assertThrows(CancellationException.class,
                    () -> new FolderImporter(db).run(options(root), DemoDataset.Progress.NONE, () -> ++polls[0] > 4));
            assertEquals(0, new DatasetRepository(db).countCodes());
        }
    }

    @Test
    void optionsRefuseMappingsThatCannotBeAnswers() {
        assertThrows(IllegalArgumentException.class, () -> FolderImport.parseScan("valid=yes"));
        assertThrows(IllegalArgumentException.class, () -> FolderImport.parseAesthetic("good=6"));
        assertThrows(IllegalArgumentException.class, () -> FolderImport.parseAesthetic("good"));
        assertThrows(IllegalArgumentException.class, () -> FolderImport.Options.of(dir, " "));
        assertThrows(IllegalArgumentException.class, () -> FolderImport.Options.of(dir, "a").withUrl("not a url"));
        assertEquals("a fox in the snow", FolderImporter.promptFromName(Path.of("a_fox-in  the_snow.png")));
    }
}
