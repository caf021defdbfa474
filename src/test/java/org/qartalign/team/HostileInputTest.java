package org.qartalign.team;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.alignment.Alignment;
import org.qartalign.alignment.ReportHtmlWriter;
import org.qartalign.alignment.ReportOptions;
import org.qartalign.core.CodeImages;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.dataset.ImportException;
import org.qartalign.dataset.ManifestExporter;
import org.qartalign.dataset.ManifestImporter;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;
import org.qartalign.store.StoreException;
import org.qartalign.testing.TestDatasets;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The corpus under src/test/resources/hostile: each bad input gets its message and leaves the database as it was. */
class HostileInputTest {
    private static final List<String> CORPUS = List.of("good.png", "truncated-header.png", "truncated-data.png",
            "not-an-image.png", "huge.png", "animated.gif", "cmyk.jpg", "deep16.png", "expected.tsv",
            "malformed-json.jsonl", "wrong-type-prompt.jsonl", "wrong-type-scanned.jsonl",
            "aesthetic-out-of-range.jsonl", "missing-url.jsonl", "not-an-object.jsonl", "unknown-field.jsonl",
            "duplicate-id.jsonl", "first-file.jsonl", "other-url-for-existing-id.jsonl",
            "other-image-for-existing-id.jsonl", "latin1.jsonl", "image-truncated-header.jsonl",
            "image-not-an-image.jsonl", "image-huge.jsonl", "image-missing.jsonl", "image-dotdot.jsonl",
            "image-symlink.jsonl", "odd-but-valid-images.jsonl", "conflict-prompt.jsonl", "conflict-params.jsonl",
            "conflict-label.jsonl", "conflict-eval.jsonl", "cr-only.jsonl", "two-objects-one-line.jsonl",
            "trailing-garbage.jsonl", "trailing-nul.jsonl", "duplicate-key.jsonl", "deep-nesting.jsonl",
            "long-number.jsonl", "surrogate.jsonl", "image-folder.jsonl", "image-device.jsonl");

    @TempDir
    Path tmp;
    private Path corpus;

    @BeforeEach
    void copyCorpus() throws IOException {
        corpus = tmp.resolve("hostile");
        Files.createDirectories(corpus);
        for (String name : CORPUS) {
            try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/" + name)) {
                Files.copy(in, corpus.resolve(name));
            }
        }
        Files.copy(corpus.resolve("good.png"), tmp.resolve("outside.png"));
        Files.createSymbolicLink(corpus.resolve("link.png"), tmp.resolve("outside.png"));
    }

    /** A canonical dump of every table, so "unchanged" means unchanged. */
    private static String snapshot(Database db) {
        return Dumps.sha256(db);
    }

    @AfterAll
    static void printTally() {
        System.out.println(HostileTally.line("HostileInputTest"));
    }

    @Test
    void everyBadManifestIsRefusedWithItsFileLineAndFieldAndChangesNothing() throws IOException {
        int tried = 0;
        try (Database db = Database.open(tmp.resolve("db/labels.db"))) {
            ManifestImporter importer = new ManifestImporter(db);
            assertEquals(1, importer.importFile(corpus.resolve("first-file.jsonl")).added());
            String before = snapshot(db);
            for (String row : Files.readAllLines(corpus.resolve("expected.tsv"))) {
                if (row.startsWith("#") || row.isBlank()) {
                    continue;
                }
                String[] f = row.split("\t");
                Path manifest = corpus.resolve(f[0]);
                String expected = manifest + ":" + f[1].replace("{DIR}", corpus.toString())
                        .replace("{PARENT}", tmp.toString());
                ImportException e = assertThrows(ImportException.class, () -> importer.importFile(manifest), f[0]);
                assertTrue(e.getMessage().startsWith(expected), f[0] + " said: " + e.getMessage());
                assertTrue(e.getMessage().endsWith("nothing was imported from this file"), e.getMessage());
                assertEquals(before, snapshot(db), f[0] + " left the database as it was");
                HostileTally.attack(true, true);
                tried++;
            }
            assertEquals(31, tried);
            assertEquals(4, importer.importFile(corpus.resolve("odd-but-valid-images.jsonl")).added(),
                    "animated GIF, CMYK JPEG, 16-bit PNG and a PNG truncated after its header are accepted at import");
            ManifestImporter outside = new ManifestImporter(db, true);
            assertEquals(1, outside.importFile(corpus.resolve("image-dotdot.jsonl")).added());
            assertEquals(1, outside.importFile(corpus.resolve("image-symlink.jsonl")).added());
        }
        System.out.println("HostileInputTest: bad manifests tried " + tried);
    }

    /** The import reads its manifest once: a line rewritten while it writes (TOCTOU) is never what gets stored. */
    @Test
    void aManifestLineRewrittenWhileTheImportWritesIsNeverRead() throws IOException {
        Files.writeString(tmp.resolve("x.txt"), "not an image, outside the manifest's folder\n");
        Path manifest = corpus.resolve("rewritten.jsonl");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append(String.format("{\"id\": \"m%04d\", \"prompt\": \"p\", \"url\": \"https://example.org/m\", "
                    + "\"image\": \"good.png\"}%n", i));
        }
        Files.writeString(manifest, text);
        long lastImage = Files.size(manifest) - "good.png\"}\n".length();
        try (Database db = Database.open(tmp.resolve("db/labels.db"))) {
            boolean[] rewritten = {false};
            db.read(c -> {
                c.unwrap(org.sqlite.SQLiteConnection.class).addUpdateListener((type, database, table, rowId) -> {
                    if (!rewritten[0]) {
                        rewritten[0] = true;
                        try (var f = new java.io.RandomAccessFile(manifest.toFile(), "rw")) {
                            f.seek(lastImage);
                            f.write("../x.txt".getBytes(StandardCharsets.US_ASCII));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
                return null;
            });
            assertEquals(1000, new ManifestImporter(db).importFile(manifest).added());
            assertTrue(rewritten[0], "the manifest was rewritten during the write");
            assertTrue(Files.readString(manifest).contains("../x.txt"));
            assertEquals("good.png", Path.of(new DatasetRepository(db).find("m0999").orElseThrow().code().imagePath())
                    .getFileName().toString(), "stored what was checked, not the rewritten line");
            assertEquals(CodeImages.sha256(corpus.resolve("good.png")),
                    new DatasetRepository(db).find("m0999").orElseThrow().code().sha256());
        }
        HostileTally.attack(false, false);
    }

    @Test
    void oddImagesAreReadOrRefusedPerCodeWithTheirNameNeverCrashing() throws IOException {
        BufferedImage gif = CodeImages.read(corpus.resolve("animated.gif"));
        assertEquals(48, gif.getWidth(), "the first frame of an animated GIF");
        BufferedImage cmyk = CodeImages.read(corpus.resolve("cmyk.jpg"));
        assertEquals(32, cmyk.getWidth());
        assertEquals(0xff, cmyk.getRGB(0, 0) >>> 24, "CMYK converts to an opaque RGB colour");
        BufferedImage deep = CodeImages.read(corpus.resolve("deep16.png"));
        assertEquals(0xffffffff, deep.getRGB(9, 0), "16-bit grey reads as white where the sample is 65535");
        Map<String, String> refused = Map.of(
                "huge.png", "image declares 100000x100000 pixels, over the limit of 40000000 pixels",
                "truncated-data.png", "corrupt or truncated image",
                "truncated-header.png", "corrupt or truncated image",
                "not-an-image.png", "not an image (no PNG, JPEG, GIF, BMP or TIFF header)",
                "missing.png", "image file not found");
        for (Map.Entry<String, String> e : refused.entrySet()) {
            Path file = corpus.resolve(e.getKey());
            IOException x = assertThrows(IOException.class, () -> CodeImages.read(file), e.getKey());
            assertTrue(x.getMessage().startsWith(file + ": " + e.getValue()), x.getMessage());
        }
        // the heap is far smaller than the 30 GB the header declares: a decode attempt would throw OutOfMemoryError,
        // not the IOException that names the size, so the refusal itself shows that no pixel buffer was allocated
        assertTrue(Runtime.getRuntime().maxMemory() < 30_000_000_000L, "the heap could hold the pixels");
        IOException huge = assertThrows(IOException.class, () -> CodeImages.read(corpus.resolve("huge.png")));
        assertTrue(huge.getMessage().contains("100000x100000"), huge.getMessage());
    }

    @Test
    void aTenMegabyteLineAndAMillionLinesGetMessagesWithTheirLineAndStream() throws IOException {
        Path big = corpus.resolve("ten-megabyte-line.jsonl");
        try (Writer w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("{\"id\": \"ok\", \"prompt\": \"a fox\", \"url\": \"https://example.org/ok\", \"image\": \"good.png\"}\n");
            w.write("{\"id\": \"big\", \"prompt\": \"");
            char[] chunk = new char[1 << 16];
            java.util.Arrays.fill(chunk, 'a');
            for (int i = 0; i < 160; i++) {
                w.write(chunk);
            }
            w.write("\", \"url\": \"https://example.org/big\", \"image\": \"good.png\"}\n");
        }
        Path many = corpus.resolve("million-lines.jsonl");
        byte[] first = "{\"id\":\"same\",\"prompt\":\"p\",\"url\":\"https://e.org/x\",\"image\":\"good.png\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] again = "{\"id\":\"same\",\"prompt\":\"p\",\"url\":\"https://example.org/u\",\"image\":\"good.png\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(many), 1 << 20)) {
            out.write(first);
            for (int i = 2; i <= 1_000_000; i++) {
                out.write(again);
            }
        }
        try (Database db = Database.open(tmp.resolve("db/labels.db"))) {
            String before = snapshot(db);
            ManifestImporter importer = new ManifestImporter(db);
            ImportException tooLong = assertThrows(ImportException.class, () -> importer.importFile(big));
            assertTrue(tooLong.getMessage().startsWith(big + ":2: line is 10485842 bytes long, over the limit of "
                    + "1048576 bytes for one code"), tooLong.getMessage());
            ImportException dup = assertThrows(ImportException.class, () -> importer.importFile(many));
            assertTrue(dup.getMessage().startsWith(many + ":2: duplicate id 'same' (first on line 1)"), dup.getMessage());
            assertTrue(dup.getMessage().contains("... and 999979 more problems"), "every line was read: "
                    + dup.getMessage().lines().skip(19).findFirst().orElse(""));
            assertEquals(before, snapshot(db));
        } finally {
            Files.delete(many);
            Files.delete(big);
        }
    }

    @Test
    void aFileThatIsNotSqliteOrIsCorruptIsRefusedUntouched() throws IOException {
        Path text = tmp.resolve("notes.db");
        Files.writeString(text, "these are my notes, not a database\n");
        StoreException notSqlite = assertThrows(StoreException.class, () -> Database.open(text));
        assertTrue(notSqlite.getMessage().contains("is not a QArt Align database (not an SQLite file)"),
                notSqlite.getMessage());
        assertEquals("these are my notes, not a database\n", Files.readString(text));

        Path file;
        try (Database db = TestDatasets.withCodes(tmp.resolve("c"), 3)) {
            file = db.file();
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 100; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);
        StoreException corrupt = assertThrows(StoreException.class, () -> {
            try (Database db = Database.open(file)) {
                new DatasetRepository(db).codes();
            }
        });
        assertTrue(corrupt.getMessage().contains("corrupt") || corrupt.getMessage().contains("not an SQLite"),
                corrupt.getMessage());
        assertTrue(corrupt.getMessage().contains(file.toString()), corrupt.getMessage());
    }

    @Test
    void aFullDiskDuringALabelWriteSavesNoPartOfItAndTheAppCarriesOn() {
        try (Database db = TestDatasets.withCodes(tmp, 30)) {
            long who = new LabelerRepository(db).getOrCreate("ana", false).id();
            LabelRepository labels = new LabelRepository(db);
            int pages = db.read(c -> {
                try (PreparedStatement s = c.prepareStatement("PRAGMA page_count"); ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            // the disk "fills up" at the current size: SQLite answers SQLITE_FULL exactly as on a full disk
            db.read(c -> c.createStatement().execute("PRAGMA max_page_count = " + pages));
            String padding = "x".repeat(3000);
            List<String> stored = new ArrayList<>();
            StoreException full = null;
            for (int i = 0; i < 30 && full == null; i++) {
                String uuid = UUID.randomUUID().toString();
                try {
                    labels.append(new Label(uuid, String.format("c%03d", i), who, null, LabelKind.ANSWER, true, null, 4,
                            Instant.now(), 5L, Instant.now(), padding, null));
                    stored.add(uuid);
                } catch (StoreException e) {
                    full = e;
                    final String lost = uuid;
                    assertTrue(labels.all().stream().noneMatch(l -> l.uuid().equals(lost)), "no partial label");
                }
            }
            assertTrue(full != null, "the page limit was reached");
            assertTrue(full.getMessage().contains("the disk is full; nothing of this change was saved"),
                    full.getMessage());
            assertEquals(stored, labels.all().stream().map(Label::uuid).toList());
            assertEquals("ok", KillLoopTest.integrity(db));
            db.read(c -> c.createStatement().execute("PRAGMA max_page_count = 1073741823"));
            labels.append(new Label(UUID.randomUUID().toString(), "c029", who, null, LabelKind.ANSWER, false, null, 2,
                    Instant.now(), 5L, Instant.now(), "", null));
            assertEquals(stored.size() + 1, labels.count(), "space freed: labeling carries on");
        }
    }

    /** Root ignores file modes (and CI runs as root), so the read-only state comes from SQLite's query_only. */
    @Test
    void aReadOnlyDatabaseGivesAClearMessageAndKeepsItsLabels() {
        try (Database db = TestDatasets.withCodes(tmp, 2)) {
            db.read(c -> c.createStatement().execute("PRAGMA query_only = 1"));
            StoreException e = assertThrows(StoreException.class, () -> new LabelerRepository(db).getOrCreate("ana", false));
            assertTrue(e.getMessage().contains("the database file or its folder is read-only; nothing was saved"),
                    e.getMessage());
            assertEquals(2, new DatasetRepository(db).countCodes());
        }
    }

    @Test
    void promptsAndUrlsWithMarkupQuotesAndSqlStayLiteralInTheDatabaseReportAndCsv() throws IOException {
        String script = "<script>alert(\"pwned\")</script> a fox'); DROP TABLE label; --";
        String formula = "=HYPERLINK(\"https://evil.example\",\"click\")";
        String url = "https://example.org/?q=<b>bold</b>&x=\"y\"&z=';%20DELETE%20FROM%20code;--";
        Path manifest = corpus.resolve("hostile-text.jsonl");
        StringWriter lines = new StringWriter();
        String[][] rows = {{"s1", script, url}, {"s2", formula, "https://example.org/2"}, {"@SUM(A1)", "+1+1", "https://example.org/3"},
                {"s4", "-2+3", "https://example.org/4"}};
        for (String[] r : rows) {
            lines.write(org.qartalign.store.Json.write(Map.of("id", r[0], "prompt", r[1], "url", r[2],
                    "image", "good.png", "evals", List.of(Map.of("evaluator", "zx", "scan_prob", 0.97)),
                    "labels", List.of(Map.of("labeler", "ana", "scanned", false, "aesthetic", 2,
                            "at", "2026-01-01T00:00:00Z")))) + "\n");
        }
        Files.writeString(manifest, lines.toString());
        try (Database db = Database.open(tmp.resolve("db/labels.db"))) {
            new ManifestImporter(db).importFile(manifest);
            assertEquals(script, new DatasetRepository(db).find("s1").orElseThrow().pair().prompt());
            assertEquals(url, new DatasetRepository(db).find("s1").orElseThrow().url());
            assertEquals(4, new LabelRepository(db).count(), "the SQL in the text ran nowhere");

            String html = ReportHtmlWriter.write(Alignment.report(db,
                    new ReportOptions(0, 1, 0.5, 0.95, List.of(), null, false)));
            assertFalse(html.contains("<script>alert"), "no markup from data reaches the page");
            assertFalse(html.contains("<b>bold</b>"));
            assertTrue(html.contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; a fox&#39;); DROP TABLE label; --"),
                    "the prompt is shown, escaped");

            StringWriter csv = new StringWriter();
            new ManifestExporter(db, corpus).writeCsv(csv);
            String text = csv.toString();
            assertTrue(text.contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\""), text);
            assertTrue(text.contains(",'+1+1,") || text.contains(",\"'+1+1\","), text);
            assertTrue(text.contains("'@SUM(A1)"), text);
            assertTrue(text.contains("'-2+3"), text);
            assertFalse(text.contains(",=HYPERLINK"), text);
        }
    }
}
