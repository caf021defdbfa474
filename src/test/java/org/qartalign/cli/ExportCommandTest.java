package org.qartalign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.Json;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;
import org.qartalign.testing.TestDatasets;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code export}: the JSONL imports back into an empty database as the same codes and labels; CSV has a row per code. */
class ExportCommandTest {
    @TempDir
    Path dir;

    private static int run(String... args) {
        CommandLine cl = QArtAlignCommand.commandLine(db -> 0);
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        assertEquals(0, exit, String.join(" ", args) + ": " + err);
        return exit;
    }

    private Path database() {
        try (Database db = TestDatasets.withCodes(dir.resolve("main"), 3)) {
            long ana = new LabelerRepository(db).getOrCreate("ana", false).id();
            new LabelRepository(db).append(new Label("u1", "c001", ana, null, LabelKind.ANSWER, false, null, 2,
                    Instant.parse("2026-06-01T10:00:00Z"), 4000L, Instant.parse("2026-06-01T10:00:06Z"), "", null));
            return db.file();
        }
    }

    @Test
    void jsonlExportImportsBackAsTheSameCodesAndLabels() throws Exception {
        Path db = database();
        Path out = dir.resolve("export/codes.jsonl");
        run("export", "--db", db.toString(), "--out", out.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        JsonNode c001 = Json.MAPPER.readTree(lines.get(1));
        assertEquals("c001", c001.get("id").asText());
        assertEquals("https://example.org/item/1", c001.get("url").asText());
        assertEquals(2, c001.get("labels").get(0).get("aesthetic").asInt());
        assertEquals(false, c001.get("labels").get(0).get("scanned").asBoolean());

        Path copy = dir.resolve("copy/labels.db");
        run("import", "--db", copy.toString(), out.toString());
        try (Database a = Database.openReadOnly(db); Database b = Database.openReadOnly(copy)) {
            assertEquals(new DatasetRepository(a).codeIds(), new DatasetRepository(b).codeIds());
            assertEquals(new DatasetRepository(a).find("c002").orElseThrow().code().sha256(),
                    new DatasetRepository(b).find("c002").orElseThrow().code().sha256());
            Label back = new LabelRepository(b).all().get(0);
            assertEquals("c001", back.codeId());
            assertEquals(2, back.aesthetic());
            assertEquals(false, back.scanned());
            assertEquals(4000L, back.scanMillis());
        }
    }

    @Test
    void csvExportHasAHeaderAndOneRowPerCode() throws Exception {
        Path db = database();
        Path out = dir.resolve("codes.csv");
        run("export", "--db", db.toString(), "--format", "csv", "--out", out.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("id,"), lines.get(0));
        assertTrue(lines.get(2).startsWith("c001,"), lines.get(2));
    }
}
