package org.qartalign.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.EvalResult;
import org.qartalign.core.GeneratedCode;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.core.Labeler;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.EvalResultRepository;
import org.qartalign.store.Json;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCommandTest {
    @TempDir
    Path dir;

    private Path database() {
        Path file = dir.resolve("labels.db");
        try (Database db = Database.open(file)) {
            db.transaction(c -> {
                long p = new DatasetRepository(db).pairId("a cat", "https://example.org");
                for (int i = 0; i < 6; i++) {
                    new DatasetRepository(db).insertCode(new GeneratedCode("c" + i, p, "c" + i + ".png", "s" + i,
                            Map.of("strength", 0.5 + i / 10.0)));
                }
                return null;
            });
            Labeler a = new LabelerRepository(db).getOrCreate("ann", false);
            Labeler b = new LabelerRepository(db).getOrCreate("ben", false);
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            List<EvalResult> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                for (Labeler l : List.of(a, b)) {
                    t = t.plusSeconds(5);
                    new LabelRepository(db).append(new Label(UUID.randomUUID().toString(), "c" + i, l.id(), null,
                            LabelKind.ANSWER, i % 2 == 0 || l == a && i == 1, null, 1 + i % 5, t, 1500L, t, "", null));
                }
                results.add(new EvalResult("c" + i, "zx", "1", i / 5.0, null, null, null, "r", t, "s" + i));
            }
            new EvalResultRepository(db).save(results);
        }
        return file;
    }

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = QArtAlignCommand.commandLine(db -> 0);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void writesEachFormat() throws Exception {
        Path db = database();
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, new StringWriter(), "report", "--db", db.toString(), "--bootstrap", "50"));
        Map<String, Object> json = Json.readMap(out.toString());
        assertTrue(json.containsKey("scan") && json.containsKey("best_of_n") && json.containsKey("slices"));
        // Values from src/test/python/report_expected.py (sklearn/scipy/numpy on the labels built above): zx is
        // anti-correlated with the people, so kappa peaks at 0 by passing everything, and precision never
        // reaches 0.95; ann and ben agree with kappa 2/3, so the ceiling ratio is -2/3 / (2/3) = -1.
        Map<String, Object> zx = at(json, "scan", "evaluators", "zx");
        Map<String, Object> maxKappa = at(zx, "threshold_advice", "max_kappa");
        assertEquals(0.0, number(maxKappa, "threshold"), 1e-12);
        assertEquals(0.0, number(maxKappa, "cohen_kappa"), 1e-12);
        assertEquals(0.0, number(at(zx, "threshold_advice", "youden_j"), "youden_j"), 1e-12);
        Map<String, Object> precise = at(zx, "threshold_advice", "precision_95");
        assertEquals(null, precise.get("threshold"));
        assertEquals("precision never reaches 0.95 at any threshold", precise.get("note"));
        Map<String, Object> ceiling = at(zx, "ceiling");
        assertEquals(0.6666666666666667, number(ceiling, "human"), 1e-12);
        assertEquals(-0.6666666666666667, number(ceiling, "eval"), 1e-12);
        assertEquals(-1.0, number(ceiling, "ratio"), 1e-12);
        @SuppressWarnings("unchecked")
        Map<String, Object> ann = ((List<Map<String, Object>>) json.get("labelers")).get(0);
        assertEquals("ann", ann.get("name"));
        assertEquals(28.57142857142857, number(at(ann, "score_drift"), "slope_per_100_codes"), 1e-9);
        assertEquals(0.2898855178262242, number(at(ann, "score_drift", "spearman"), "value"), 1e-12);

        Path html = dir.resolve("out/report.html");
        assertEquals(0, run(new StringWriter(), new StringWriter(), "report", "--db", db.toString(), "--format", "html",
                "--out", html.toString(), "--bootstrap", "20", "--evaluator", "zx"));
        assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"));

        Path csv = dir.resolve("report.csv");
        assertEquals(0, run(new StringWriter(), new StringWriter(), "report", "--db", db.toString(), "--format", "csv",
                "--out", csv.toString(), "--bootstrap", "0"));
        assertEquals(7, Files.readAllLines(csv).size());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> json, String... path) {
        Map<String, Object> m = json;
        for (String key : path) {
            m = (Map<String, Object>) m.get(key);
        }
        return m;
    }

    private static double number(Map<String, Object> json, String key) {
        return ((Number) json.get(key)).doubleValue();
    }

    @Test
    void badOptionsGetAClearMessage() {
        Path db = database();
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "report", "--db", db.toString(), "--threshold", "1.5"));
        assertTrue(err.toString().contains("--threshold"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(2, run(new StringWriter(), err2, "report", "--db", db.toString(), "--evaluator", "nope"));
        assertTrue(err2.toString().contains("nope"), err2.toString());
        StringWriter err3 = new StringWriter();
        assertEquals(2, run(new StringWriter(), err3, "report", "--db", db.toString(), "--slice", "strength,speed"));
        assertTrue(err3.toString().contains("--slice speed"), err3.toString());
    }
}
