package org.qartalign.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.store.Json;
import org.qartalign.testing.CliRun;
import org.qartalign.testing.FolderTrees;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportFoldersCommandTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private String[] importArgs(Path root, Path db) {
        return new String[] {"import-folders", root.toString(), "--db", db.toString(),
                "--scan", "valid=scanned,invalid=not-scanned", "--aesthetic", "good=5,bad=2",
                "--labeler", "ana", "--phone", "Pixel 7"};
    }

    @Test
    void aSortedTreeImportsWithOneCommandAndTheReportCountsItsLabels() {
        Path root = dir.resolve("sorted");
        List<FolderTrees.Image> images = FolderTrees.write(root, 24, 3);
        Path db = dir.resolve("labels.db");

        CliRun first = run(importArgs(root, db));
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("42 image files, 24 distinct images; 24 codes added, 0 already present; 24 labels added"), first.out());
        assertTrue(!first.err().contains("\r"), first.err());
        CliRun again = run(importArgs(root, db));
        assertTrue(again.out().contains("24 distinct images; 0 codes added, 24 already present; 0 labels added, 0 corrected, 24 unchanged"),
                again.out());

        CliRun report = run("report", "--db", db.toString(), "--bootstrap", "20");
        assertEquals(0, report.exit(), report.err());
        Map<String, Object> json = Json.readMap(report.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> dataset = (Map<String, Object>) json.get("dataset");
        assertEquals(24, ((Number) dataset.get("codes")).intValue());
        assertEquals(24, ((Number) dataset.get("labeled_codes")).intValue(), dataset.toString());
        assertEquals(24, ((Number) dataset.get("labels")).intValue(), dataset.toString());
        // 21 labels have a scan answer (18 complete, 3 scan-only), 14 of them scanned (i % 3 != 0 for i < 21).
        long scanAnswers = images.stream().filter(i -> i.scanned() != null).count();
        long scannedYes = images.stream().filter(i -> Boolean.TRUE.equals(i.scanned())).count();
        assertEquals(21, scanAnswers);
        assertEquals(14, scannedYes);
        Map<String, Object> human = map(map(json, "scan"), "human");
        assertEquals(21, ((Number) human.get("labels")).intValue(), human.toString());
        assertEquals(21, ((Number) human.get("codes")).intValue(), human.toString());
        assertEquals(14.0 / 21, ((Number) map(human, "label_scan_rate").get("value")).doubleValue(), 1e-12);
    }

    @Test
    void labelsWithOnlyAScanAnswerOrOnlyAScoreCountForTheirOwnTargetInTheReport() {
        Path root = dir.resolve("sorted");
        FolderTrees.write(root, 12, 3);
        Path db = dir.resolve("labels.db");
        assertEquals(0, run(importArgs(root, db)).exit());
        String[] ben = importArgs(root, db);
        ben[ben.length - 3] = "ben";
        assertEquals(0, run(ben).exit());
        CliRun report = run("report", "--db", db.toString(), "--bootstrap", "20");
        assertEquals(0, report.exit(), report.err());
        Map<String, Object> json = Json.readMap(report.out());
        assertEquals(24, ((Number) map(json, "dataset").get("labels")).intValue());
        // Two labelers each: 9 codes have two scan answers (6 complete + 3 scan-only), 9 have two scores.
        assertEquals(9, ((Number) map(map(json, "scan"), "inter_rater").get("codes")).intValue(), report.out());
        assertEquals(9, ((Number) map(map(json, "aesthetic"), "inter_rater").get("codes")).intValue(), report.out());
        CliRun html = run("report", "--db", db.toString(), "--bootstrap", "20", "--format", "html");
        assertEquals(0, html.exit(), html.err());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    @Test
    void aBadTreeExitsWithTwoNamingTheFile() {
        Path root = dir.resolve("sorted");
        FolderTrees.write(root, 3, 0);
        CliRun r = run("import-folders", root.toString(), "--db", dir.resolve("labels.db").toString(),
                "--scan", "valid=scanned", "--labeler", "ana");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(root.resolve("invalid/code_00.png") + ": not inside a folder named valid"),
                r.err());
        CliRun badOption = run("import-folders", root.toString(), "--db", dir.resolve("labels.db").toString(),
                "--aesthetic", "good=9", "--labeler", "ana");
        assertEquals(2, badOption.exit());
        assertTrue(badOption.err().contains("--aesthetic good=9: a score is a whole number 1-5"), badOption.err());
    }
}
