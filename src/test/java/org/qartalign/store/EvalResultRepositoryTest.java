package org.qartalign.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.EvalResult;
import org.qartalign.testing.TestDatasets;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EvalResultRepositoryTest {
    private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");
    @TempDir
    Path dir;

    private static EvalResult result(String code, String evaluator, String version, double p, Instant at) {
        return new EvalResult(code, evaluator, version, p, null, null, null, "run", at, null);
    }

    private static List<String> rows(List<EvalResult> results) {
        return results.stream().map(r -> r.evaluator() + " " + r.version() + " " + r.codeId() + " " + r.scanProb())
                .toList();
    }

    @Test
    void latestKeepsEachEvaluatorsMostRecentlyWrittenVersionOnlyInEvaluatorAndCodeOrder() {
        try (Database db = TestDatasets.withCodes(dir, 3)) {
            EvalResultRepository repo = new EvalResultRepository(db);
            repo.save(List.of(result("c002", "zx", "1", 0.2, T), result("c000", "zx", "1", 0.0, T),
                    result("c001", "zx", "1", 0.1, T), result("c000", "aes", "1", 0.5, T)));
            // zx version 2 is written later, for one code only: the older version's results drop out.
            repo.save(List.of(result("c001", "zx", "2", 0.9, T.plusSeconds(60))));
            assertEquals(List.of("aes 1 c000 0.5", "zx 2 c001 0.9"), rows(repo.latest()));

            // Re-running version 1 afterwards makes it the newest again (newest by when it was written).
            repo.save(List.of(result("c000", "zx", "1", 0.05, T.plusSeconds(120))));
            assertEquals(List.of("aes 1 c000 0.5", "zx 1 c000 0.05", "zx 1 c001 0.1", "zx 1 c002 0.2"),
                    rows(repo.latest()));

            // Written at the same instant: the one written last (the higher row id) counts as the newest.
            repo.save(List.of(result("c002", "aes", "2", 0.7, T)));
            assertEquals(List.of("aes 2 c002 0.7", "zx 1 c000 0.05", "zx 1 c001 0.1", "zx 1 c002 0.2"),
                    rows(repo.latest()));
        }
    }
}
