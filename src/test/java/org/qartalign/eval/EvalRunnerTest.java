package org.qartalign.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.CodeImages;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;
import org.qartalign.core.GeneratedCode;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.EvalResultRepository;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalRunnerTest {
    private static final EvalRunner.Options TWO_THREADS = new EvalRunner.Options(2, 2, 4, true);

    @TempDir
    Path dir;

    /**
     * Writes n codes into a fresh database; returns it open. Even-numbered codes are plain QR images of their URL
     * (strength 1: they scan), odd-numbered ones the picture alone (strength 0: no code in the image, nothing scans).
     */
    private Database dataset(int n) throws IOException {
        Database db = Database.open(dir.resolve("labels.db"));
        Files.createDirectories(dir.resolve("images"));
        List<GeneratedCode> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String url = "https://qart.example/c/" + i;
            Path img = dir.resolve("images/c" + i + ".png");
            ImageIO.write(SyntheticArtCodes.art(url, i % 2 == 0 ? 1.0 : 0.0, i, 5), "png", img.toFile());
            codes.add(new GeneratedCode(String.format("c%03d", i), 0, "images/c" + i + ".png",
                    CodeImages.sha256(img), Map.of("strength", i % 2 == 0 ? 1.0 : 0.0)));
        }
        db.transaction(c -> {
            for (int i = 0; i < n; i++) {
                long pair = new DatasetRepository(db).pairId("prompt " + i, "https://qart.example/c/" + i);
                GeneratedCode g = codes.get(i);
                new DatasetRepository(db).insertCode(new GeneratedCode(g.id(), pair, g.imagePath(), g.sha256(), g.params()));
            }
            return null;
        });
        return db;
    }

    @Test
    void evaluatesEveryCodeThenSkipsThemAsCachedUntilTheVersionChanges() throws IOException {
        try (Database db = dataset(6)) {
            EvalRunner runner = new EvalRunner(db);
            List<EvalProgress> progress = new ArrayList<>();
            EvalRunSummary first = runner.run(List.of(new PlainScanEvaluator()), TWO_THREADS, progress::add, new AtomicBoolean());
            assertEquals(6, first.evaluated().get("zxing-plain"));
            assertEquals(0, first.skippedCached().get("zxing-plain"));
            assertEquals(6, progress.get(progress.size() - 1).done());
            List<EvalResult> stored = new EvalResultRepository(db).all();
            assertEquals(6, stored.size());
            Set<String> scanning = Set.of("c000", "c002", "c004");
            for (EvalResult r : stored) {
                CodeWithPair c = new DatasetRepository(db).find(r.codeId()).orElseThrow();
                assertEquals(c.code().sha256(), r.imageSha256());
                boolean scans = scanning.contains(r.codeId());
                assertEquals(scans ? 1.0 : 0.0, r.scanProb(), r.codeId());
                assertEquals(scans ? c.url() : null, r.decoded(), r.codeId());
            }

            EvalRunSummary second = runner.run(List.of(new PlainScanEvaluator()), TWO_THREADS, p -> { }, new AtomicBoolean());
            assertEquals(0, second.evaluated().get("zxing-plain"));
            assertEquals(6, second.skippedCached().get("zxing-plain"));

            Evaluator bumped = new RenamedVersion(new PlainScanEvaluator(), "2");
            EvalRunSummary third = runner.run(List.of(bumped), TWO_THREADS, p -> { }, new AtomicBoolean());
            assertEquals(6, third.evaluated().get("zxing-plain"));
            assertEquals(12, new EvalResultRepository(db).all().size());
        }
    }

    @Test
    void changedImageIsEvaluatedAgain() throws IOException {
        try (Database db = dataset(3)) {
            EvalRunner runner = new EvalRunner(db);
            runner.run(List.of(new PlainScanEvaluator()), TWO_THREADS, p -> { }, new AtomicBoolean());
            db.transaction(c -> {
                try (var s = c.prepareStatement("UPDATE code SET image_sha256 = 'other' WHERE id = 'c001'")) {
                    s.executeUpdate();
                }
                return null;
            });
            EvalRunSummary again = runner.run(List.of(new PlainScanEvaluator()), TWO_THREADS, p -> { }, new AtomicBoolean());
            assertEquals(1, again.evaluated().get("zxing-plain"));
            assertEquals(2, again.skippedCached().get("zxing-plain"));
        }
    }

    @Test
    void unreadableImagesAreReportedWithoutStoppingTheRun() throws IOException {
        try (Database db = dataset(5)) {
            Files.delete(dir.resolve("images/c1.png"));
            Files.writeString(dir.resolve("images/c3.png"), "not a png");
            EvalRunSummary s = new EvalRunner(db).run(List.of(new PlainScanEvaluator()), TWO_THREADS, p -> { },
                    new AtomicBoolean());
            assertEquals(3, s.evaluated().get("zxing-plain"));
            assertEquals(List.of("c001", "c003"), s.failures().stream().map(EvalRunSummary.ReadFailure::codeId).sorted().toList());
            assertTrue(s.failures().stream().allMatch(f -> f.message().contains("images/c")), s.failures().toString());
            assertEquals(3, new EvalResultRepository(db).all().size());
        }
    }

    @Test
    void cancelledRunStoresWhatFinishedAndTheNextRunResumes() throws IOException {
        try (Database db = dataset(12)) {
            AtomicBoolean cancel = new AtomicBoolean();
            AtomicInteger calls = new AtomicInteger();
            Evaluator cancelling = new CancelAfter(new PlainScanEvaluator(), 4, calls, cancel);
            EvalRunner runner = new EvalRunner(db);
            EvalRunSummary first = runner.run(List.of(cancelling), new EvalRunner.Options(1, 1, 2, true), p -> { }, cancel);
            assertTrue(first.cancelled());
            int done = first.evaluated().get("zxing-plain");
            assertTrue(done >= 4 && done < 12, "evaluated before cancel: " + done);
            assertEquals(done, new EvalResultRepository(db).all().size(), "finished results are stored");

            EvalRunSummary resumed = runner.run(List.of(new PlainScanEvaluator()), TWO_THREADS, p -> { }, new AtomicBoolean());
            assertFalse(resumed.cancelled());
            assertEquals(done, resumed.skippedCached().get("zxing-plain"));
            assertEquals(12 - done, resumed.evaluated().get("zxing-plain"));
            assertEquals(12, new EvalResultRepository(db).all().size());
        }
    }

    /** The same evaluator under another version, as after a change to what it computes. */
    private record RenamedVersion(Evaluator inner, String version) implements Evaluator {
        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public Worker newWorker() {
            Worker w = inner.newWorker();
            return (code, image, runId) -> {
                EvalResult r = w.evaluate(code, image, runId);
                return new EvalResult(r.codeId(), r.evaluator(), version, r.scanProb(), r.decoded(), r.aesthetic(),
                        r.details(), r.runId(), r.createdAt(), r.imageSha256());
            };
        }
    }

    /** Asks the run to cancel once it has evaluated {@code after} codes, as a user pressing Cancel. */
    private record CancelAfter(Evaluator inner, int after, AtomicInteger calls, AtomicBoolean cancel) implements Evaluator {
        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public String version() {
            return inner.version();
        }

        @Override
        public Worker newWorker() {
            Worker w = inner.newWorker();
            return (code, image, runId) -> {
                EvalResult r = w.evaluate(code, image, runId);
                if (calls.incrementAndGet() >= after) {
                    cancel.set(true);
                }
                return r;
            };
        }
    }

}
