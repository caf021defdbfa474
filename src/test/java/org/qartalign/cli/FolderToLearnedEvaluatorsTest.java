package org.qartalign.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.eval.AestheticTrainingTest;
import org.qartalign.eval.LearnedAestheticEvaluator;
import org.qartalign.eval.ScanTraining;
import org.qartalign.store.Json;
import org.qartalign.testing.CliRun;
import org.qartalign.testing.FolderTrees;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15's route for a team with judged codes: sorted folders in, both learned evaluators in the report. */
class FolderToLearnedEvaluatorsTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void aSortedTreeTrainsBothLearnedEvaluatorsAndTheReportShowsThem() throws Exception {
        Path root = dir.resolve("sorted");
        // 36 codes: 30 in both trees, 3 only in valid/invalid, 3 only in good/bad. Scores for 33 codes (>= 30 for
        // train-aesthetic), scan answers for 33: 22 scanned and 11 not (>= 10 of each class for train-scan).
        List<FolderTrees.Image> images = FolderTrees.write(root, 36, 3, true);
        assertEquals(33, images.stream().filter(i -> i.score() != null).count());
        assertEquals(11, images.stream().filter(i -> Boolean.FALSE.equals(i.scanned())).count());
        String db = dir.resolve("labels.db").toString();
        Path models = AestheticTrainingTest.modelsWithFeatures(dir.resolve("install"));

        CliRun imported = run("import-folders", root.toString(), "--db", db, "--scan", "valid=scanned,invalid=not-scanned",
                "--aesthetic", "good=5,bad=2", "--labeler", "ana", "--phone", "Pixel 7");
        assertEquals(0, imported.exit(), imported.err());
        CliRun eval = run("eval", "--db", db, "--evaluator", "zxing-plain", "--evaluator", "zxing-robust");
        assertEquals(0, eval.exit(), eval.err());
        CliRun scan = run("train-scan", "--db", db, "--folds", "3");
        assertEquals(0, scan.exit(), scan.out() + scan.err());
        assertTrue(scan.out().contains("trained on 33 labeled codes"), scan.out());
        CliRun aesthetic = run("train-aesthetic", "--db", db, "--models", models.toString(), "--folds", "3",
                "--epochs", "30");
        assertEquals(0, aesthetic.exit(), aesthetic.out() + aesthetic.err());
        assertTrue(aesthetic.out().contains("trained on 33 labeled codes (33 labels)"), aesthetic.out());

        CliRun report = run("report", "--db", db, "--bootstrap", "20");
        assertEquals(0, report.exit(), report.err());
        Map<String, Object> json = Json.readMap(report.out());
        Map<String, Object> scanEvals = map(map(json, "scan"), "evaluators");
        Map<String, Object> aestheticEvals = map(map(json, "aesthetic"), "evaluators");
        assertTrue(scanEvals.containsKey(ScanTraining.NAME), scanEvals.keySet().toString());
        assertTrue(aestheticEvals.containsKey(LearnedAestheticEvaluator.NAME), aestheticEvals.keySet().toString());
        assertEquals(33, ((Number) map(aestheticEvals, LearnedAestheticEvaluator.NAME).get("n")).intValue());
        // The 33 codes with a scan answer, each with one label, so a clear majority: all scored out of fold.
        assertEquals(33, ((Number) map(scanEvals, ScanTraining.NAME).get("n")).intValue());
        assertTrue(((Number) map(map(scanEvals, ScanTraining.NAME), "roc_auc").get("value")).doubleValue() > 0.9,
                report.out());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }
}
