package org.qartalign.dataset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qartalign.core.EvalResult;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.EvalResultRepository;
import org.qartalign.store.LabelRepository;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            {"id": "c1", "prompt": "a fox in the snow, watercolor", "url": "https://t.co/abc", "image": "img/c1.png",
             "params": {"strength": 1.4, "seed": 3},
             "evals": [{"evaluator": "qreader", "version": "1.0", "scan_prob": 1.0, "decoded": "https://t.co/abc"},
                       {"evaluator": "laion-aesthetic", "aesthetic": 6.1}],
             "labels": [{"labeler": "ana", "scanned": true, "aesthetic": 4, "phone": "iPhone 15", "reason": null,
                         "scan_seconds": 2.4, "at": "2025-06-01T10:00:00Z"},
                        {"labeler": "bo", "scanned": false, "aesthetic": 2, "phone": "Pixel 7", "reason": "many_tries",
                         "scan_seconds": 9.5, "at": "2025-06-01T11:00:00Z"}]}""".replace("\n", " ");

    @BeforeEach
    void image() throws IOException {
        Files.createDirectories(dir.resolve("img"));
        byte[] png = PngWriter.encode(new QrArtRenderer().render("https://t.co/abc", "a fox",
                new GenerationParams(1.4, 0, 1, 3)));
        Files.write(dir.resolve("img/c1.png"), png);
        Files.write(dir.resolve("img/c2.png"), png);
        Files.writeString(dir.resolve("img/not-an-image.png"), "hello");
    }

    @Test
    void aManifestImportsCodesEvalsLabelsAndSessionsAndReimportChangesNothing() throws IOException {
        Path manifest = write("m.jsonl", GOOD, "", line("c2", "https://t.co/xyz", "img/c2.png"));
        try (Database db = Database.open(dir.resolve("db/labels.db"))) {
            ManifestImporter importer = new ManifestImporter(db);
            ManifestImporter.Result first = importer.importFile(manifest);
            assertEquals(2, first.added());
            assertEquals(2, first.labelsAdded());
            assertEquals(2, first.evalsAdded());
            assertEquals(2, new EvalResultRepository(db).forCode("c1").size());
            assertEquals(2, new org.qartalign.store.LabelerRepository(db).sessions().size());
            assertEquals(dir.resolve("img/c1.png").toAbsolutePath().toString(),
                    new DatasetRepository(db).find("c1").orElseThrow().code().imagePath(), "outside the db folder: absolute");
            ManifestImporter.Result again = importer.importFile(manifest);
            assertEquals(new ManifestImporter.Result(manifest, 0, 2, 0, 0), again);
            assertTrue(again.toString().contains("2 already present"));
            assertEquals(2, new LabelRepository(db).count());
        }
    }

    @Test
    void imagesInsideTheDatabaseFolderAreStoredRelative() throws IOException {
        Path manifest = write("m.jsonl", GOOD);
        try (Database db = Database.open(dir.resolve("labels.db"))) {
            new ManifestImporter(db).importFile(manifest);
            assertEquals("img/c1.png", new DatasetRepository(db).find("c1").orElseThrow().code().imagePath());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad JSON                  | {"id": "c2", "prompt": "p",                                                     | bad JSON
            not an object             | [1, 2]                                                                          | expected a JSON object
            missing url               | {"id": "c2", "prompt": "p", "image": "img/c2.png"}                              | missing field 'url'
            url not a url             | {"id": "c2", "prompt": "p", "url": "not a url", "image": "img/c2.png"}         | field 'url': 'not a url' is not a URL
            id is a number            | {"id": 7, "prompt": "p", "url": "https://a.b", "image": "img/c2.png"}           | field 'id' must be a string, got a number
            missing image file        | {"id": "c2", "prompt": "p", "url": "https://a.b", "image": "img/nope.png"}      | image file not found
            not an image              | {"id": "c2", "prompt": "p", "url": "https://a.b", "image": "img/not-an-image.png"} | not an image
            duplicate id              | {"id": "c1", "prompt": "p", "url": "https://a.b", "image": "img/c2.png"}        | duplicate id 'c1' (first on line 1)
            params not an object      | {"id": "c2", "prompt": "p", "url": "https://a.b", "image": "img/c2.png", "params": 3} | field 'params' must be an object
            unknown field             | {"id": "c2", "prompt": "p", "url": "https://a.b", "image": "img/c2.png", "lables": []} | unknown field 'lables'
            aesthetic out of range    | {"id": "c2", "prompt": "p", "url": "https://a.b", "image": "img/c2.png", "labels": [{"labeler": "a", "scanned": true, "aesthetic": 7, "at": "2025-06-01T10:00:00Z"}]} | field 'labels[0].aesthetic' is 7, expected a whole number 1-5
            aesthetic not whole       | {"id": "c2", "prompt": "p", "url": "https://a.b", "image": "img/c2.png", "labels": [{"labeler": "a", "aesthetic": 3.5, "at": "2025-06-01T10:00:00Z"}]} | expected a whole number 1-5
            bad reason                | {"id": "c2", "prompt": "p", "url": "https://a.b", "image": "img/c2.png", "labels": [{"labeler": "a", "scanned": false, "reason": "glare", "at": "2025-06-01T10:00:00Z"}]} | unknown failure reason 'glare'
            reason while scanned      | {"id": "c2", "prompt": "p", "url": "https://a.b", "image": "img/c2.png", "labels": [{"labeler": "a", "scanned": true, "reason": "no_detection", "at": "2025-06-01T10:00:00Z"}]} | 'scanned' is not false
            scanned not boolean       | {"id": "c2", "prompt": "p", "url": "https://a.b", "image": "img/c2.png", "labels": [{"labeler": "a", "scanned": "yes", "at": "2025-06-01T10:00:00Z"}]} | field 'labels[0].scanned' must be true or false
            bad time                  | {"id": "c2", "prompt": "p", "url": "https://a.b", "image": "img/c2.png", "labels": [{"labeler": "a", "scanned": true, "at": "yesterday"}]} | expected an ISO-8601 UTC time
            label without time        | {"id": "c2", "prompt": "p", "url": "https://a.b", "image": "img/c2.png", "labels": [{"labeler": "a", "scanned": true}]} | missing field 'labels[0].at'
            negative scan time        | {"id": "c2", "prompt": "p", "url": "https://a.b", "image": "img/c2.png", "labels": [{"labeler": "a", "scanned": true, "scan_seconds": -1, "at": "2025-06-01T10:00:00Z"}]} | negative
            scan_prob out of range    | {"id": "c2", "prompt": "p", "url": "https://a.b", "image": "img/c2.png", "evals": [{"evaluator": "z", "scan_prob": 1.5}]} | outside 0-1
            eval without values       | {"id": "c2", "prompt": "p", "url": "https://a.b", "image": "img/c2.png", "evals": [{"evaluator": "z"}]} | has none of scan_prob, decoded, aesthetic
            evals not an array        | {"id": "c2", "prompt": "p", "url": "https://a.b", "image": "img/c2.png", "evals": {"evaluator": "z"}} | field 'evals' must be an array
            """)
    void aBadLineIsReportedAsFileLineAndNothingIsWritten(String kind, String bad, String expected) throws IOException {
        Path manifest = write("bad.jsonl", GOOD, bad);
        try (Database db = Database.open(dir.resolve("labels.db"))) {
            ImportException e = assertThrows(ImportException.class, () -> new ManifestImporter(db).importFile(manifest));
            assertEquals(1, e.problems().size(), e.getMessage());
            String problem = e.problems().get(0);
            assertTrue(problem.startsWith(manifest + ":2: "), problem);
            assertTrue(problem.contains(expected), kind + " -> " + problem);
            assertEquals(0, new DatasetRepository(db).countCodes());
            assertEquals(0, new LabelRepository(db).count());
            assertEquals(0, new EvalResultRepository(db).all().size());
        }
    }

    @Test
    void anExistingIdWithAnotherUrlOrImageIsAnErrorAndChangesNothing() throws IOException {
        try (Database db = Database.open(dir.resolve("labels.db"))) {
            ManifestImporter importer = new ManifestImporter(db);
            importer.importFile(write("a.jsonl", line("c2", "https://t.co/xyz", "img/c2.png")));
            Path otherUrl = write("b.jsonl", line("c3", "https://t.co/new", "img/c2.png"),
                    line("c2", "https://t.co/other", "img/c2.png"));
            ImportException e = assertThrows(ImportException.class, () -> importer.importFile(otherUrl));
            assertTrue(e.problems().get(0).startsWith(otherUrl + ":2: id 'c2' is already in the database with URL"),
                    e.getMessage());
            Files.write(dir.resolve("img/c4.png"), PngWriter.encode(new QrArtRenderer().render("https://t.co/xyz", "x",
                    new GenerationParams(1, 0, 1, 9))));
            Path otherImage = write("c.jsonl", line("c2", "https://t.co/xyz", "img/c4.png"));
            ImportException e2 = assertThrows(ImportException.class, () -> importer.importFile(otherImage));
            assertTrue(e2.getMessage().contains("different image"), e2.getMessage());
            assertEquals(1, new DatasetRepository(db).countCodes());
        }
    }

    @Test
    void exportThenImportIntoAFreshDatabaseThenExportAgainGivesTheSameJsonl() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        String first;
        try (Database db = Database.open(dir.resolve("a/labels.db"))) {
            DemoDataset.create(db, new DemoDataset.Options(5, 1, 4, true, 2), DemoDataset.Progress.NONE, () -> false);
            new EvalResultRepository(db).save(List.of(
                    new EvalResult("demo-00001-1", "zxing", "3.5.3", 0.0, null, null, "{\"failed\":[\"blur\"]}", "r1",
                            Instant.parse("2025-06-01T00:00:00Z"), null),
                    new EvalResult("demo-00002-1", "learned-aesthetic", "1", null, null, 3.25, null, "r1",
                            Instant.parse("2025-06-01T00:00:00Z"), null)));
            first = exportJsonl(db, out);
        }
        Path manifest = out.resolve("a.jsonl");
        Files.writeString(manifest, first);
        String second;
        try (Database fresh = Database.open(dir.resolve("b/labels.db"))) {
            ManifestImporter.Result r = new ManifestImporter(fresh).importFile(manifest);
            assertEquals(5, r.added());
            second = exportJsonl(fresh, out);
        }
        assertEquals(first, second);
        assertTrue(first.contains("\"flags\":[\"simulated\"]") && first.contains("\"phone\":\"simulated "));
    }

    private static String exportJsonl(Database db, Path relativeTo) throws IOException {
        StringWriter w = new StringWriter();
        new ManifestExporter(db, relativeTo).writeJsonl(w);
        return w.toString();
    }

    @Test
    void csvHasOneQuotedRowPerCodeAndNeutralisesFormulas() throws IOException {
        String risky = "{\"id\": \"=HYPERLINK(1)\", \"prompt\": \"a cat, \\\"noir\\\"\", \"url\": \"https://t.co/evil\", "
                + "\"image\": \"img/c2.png\", \"params\": {\"strength\": -0.5}}";
        try (Database db = Database.open(dir.resolve("labels.db"))) {
            new ManifestImporter(db).importFile(write("m.jsonl", GOOD, risky));
            StringWriter w = new StringWriter();
            new ManifestExporter(db, dir).writeCsv(w);
            String[] rows = w.toString().split("\r\n");
            assertEquals(3, rows.length);
            assertTrue(rows[0].startsWith("id,prompt,url,image,param_seed,param_strength,human_labels"), rows[0]);
            assertTrue(rows[0].contains("qreader@1.0:scan_prob") && rows[0].contains("laion-aesthetic@imported:aesthetic"));
            assertTrue(rows[1].startsWith("'=HYPERLINK(1),\"a cat, \"\"noir\"\"\",https://t.co/evil,img/c2.png,,-0.5,0"), rows[1]);
            assertTrue(rows[2].startsWith("c1,\"a fox in the snow, watercolor\",https://t.co/abc,img/c1.png,3,1.4,2,1,0.5,3.0,ana;bo,false,"),
                    rows[2]);
        }
        assertEquals("'-1+2", ManifestExporter.csvCell("-1+2"));
        assertEquals("'@evil", ManifestExporter.csvCell("@evil"));
        assertEquals("\"x\ny\"", ManifestExporter.csvCell("x\ny"));
    }

    private static String line(String id, String url, String image) {
        return "{\"id\": \"" + id + "\", \"prompt\": \"p\", \"url\": \"" + url + "\", \"image\": \"" + image + "\"}";
    }

    private Path write(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, new ArrayList<>(List.of(lines)), StandardCharsets.UTF_8);
        return p;
    }
}
