package org.qartalign.dataset;

import org.qartalign.core.CodeImages;
import org.qartalign.core.GeneratedCode;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.core.Labeler;
import org.qartalign.core.LabelingSession;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.Database;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * The built-in demo: N prompt-URL pairs, K rendered codes per pair, PNGs in {@code <db name>-images/} beside the
 * database, and optionally answers from {@link SimulatedLabelers}. Rendering runs on a small pool; the rows are
 * written in one transaction at the end, so a cancelled or failed run leaves the database as it was.
 */
public final class DemoDataset {
    /** Where a run reports how far it got: fraction 0-1 and what it is doing. Called from the calling thread. */
    public interface Progress {
        void update(double fraction, String stage);

        Progress NONE = (fraction, stage) -> { };
    }

    public record Options(int pairs, int candidates, long seed, boolean simulateLabels, int threads) {
        public Options {
            if (pairs < 1 || candidates < 1) {
                throw new IllegalArgumentException("--pairs and --candidates must be at least 1");
            }
            threads = Math.max(1, threads);
        }

        public static Options defaults() {
            return new Options(2000, 1, 42, false, Runtime.getRuntime().availableProcessors());
        }

        public Options withPairs(int n) {
            return new Options(n, candidates, seed, simulateLabels, threads);
        }

        public Options withSimulatedLabels(boolean on) {
            return new Options(pairs, candidates, seed, on, threads);
        }
    }

    /**
     * @param failureModes codes per failure mode ({@link GenerationParams#failureModes()} keys, plus "none"), in a
     *                     fixed order
     * @param scanRates per simulated labeler name, the share of their answers that are "scanned" (empty without
     *                  simulated labels)
     */
    public record Summary(int pairs, int codes, int labels, Path imagesFolder, Duration elapsed,
                          Map<String, Integer> failureModes, Map<String, Double> scanRates) {
    }

    /** The failure-mode keys in the order they are reported. */
    public static final List<String> FAILURE_MODES = List.of("finder=restyled", "finder=picture_inside",
            "quiet_zone=painted", "quiet_zone=full_bleed", "texture_hiding>0", "contrast=hue", "modules=merged", "none");

    private static final Instant SIMULATION_START = Instant.parse("2025-06-02T09:00:00Z");

    private DemoDataset() {
    }

    /** The folder the demo's images go in: {@code labels-images/} beside {@code labels.db}. */
    public static Path imagesFolder(Path databaseFile) {
        String name = databaseFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return databaseFile.toAbsolutePath().getParent().resolve((dot > 0 ? name.substring(0, dot) : name) + "-images");
    }

    /** Resolves a code's stored image path (relative to the database folder unless absolute). */
    public static Path imageFile(Database db, GeneratedCode code) {
        return CodeImages.resolve(db.folder(), code.imagePath());
    }

    private record Job(int index, String codeId, String prompt, String url, GenerationParams params) {
    }

    private record Rendered(Job job, String imagePath, String sha256, List<SimulatedLabelers.Answer> answers) {
    }

    /**
     * Builds the demo into an empty database. Refuses a database that already holds codes.
     *
     * @throws CancellationException when {@code cancelled} turns true; written images are removed, no rows stored
     */
    public static Summary create(Database db, Options options, Progress progress, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        int existing = new DatasetRepository(db).countCodes();
        if (existing > 0) {
            throw new IllegalArgumentException("Database " + db.file() + " already holds " + existing
                    + " codes; the demo is only built into an empty database (choose a new file with --db)");
        }
        Path folder = imagesFolder(db.file());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the image folder " + folder + ": " + e.getMessage(), e);
        }
        List<Job> jobs = jobs(options);
        List<Rendered> done = new ArrayList<>(jobs.size());
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "demo-render");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<Rendered> ecs = new ExecutorCompletionService<>(pool);
            List<Future<Rendered>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(ecs.submit(() -> cancelled.getAsBoolean() ? null : render(job, folder, db.folder(), options)));
            }
            double share = 0.95;
            for (int i = 0; i < jobs.size(); i++) {
                Rendered r = ecs.take().get();
                if (r == null || cancelled.getAsBoolean()) {
                    throw new CancellationException("demo cancelled");
                }
                done.add(r);
                if (i % 20 == 0 || i == jobs.size() - 1) {
                    progress.update(share * (i + 1) / jobs.size(), "rendering code " + (i + 1) + " of " + jobs.size());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            removeImages(folder, jobs);
            throw new CancellationException("demo interrupted");
        } catch (CancellationException e) {
            pool.shutdownNow();
            removeImages(folder, jobs);
            throw e;
        } catch (ExecutionException e) {
            pool.shutdownNow();
            removeImages(folder, jobs);
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        done.sort((a, b) -> Integer.compare(a.job.index, b.job.index));
        progress.update(0.96, "writing " + done.size() + " codes to the database");
        int labels;
        try {
            labels = db.inTransaction(() -> write(db, done, options));
        } catch (RuntimeException e) {
            removeImages(folder, jobs);
            throw e;
        }
        progress.update(1.0, "done");
        Map<String, Integer> modes = new LinkedHashMap<>();
        FAILURE_MODES.forEach(m -> modes.put(m, 0));
        for (Job j : jobs) {
            List<String> mine = j.params.failureModes();
            (mine.isEmpty() ? List.of("none") : mine).forEach(m -> modes.merge(m, 1, Integer::sum));
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        for (int who = 0; who < SimulatedLabelers.PERSONAS.size() && options.simulateLabels(); who++) {
            int me = who;
            List<SimulatedLabelers.Answer> answers = done.stream().flatMap(r -> r.answers.stream())
                    .filter(a -> a.persona() == me).toList();
            rates.put(SimulatedLabelers.PERSONAS.get(who).name(),
                    answers.stream().filter(SimulatedLabelers.Answer::scanned).count() / (double) answers.size());
        }
        return new Summary(options.pairs(), done.size(), labels, folder, Duration.ofNanos(System.nanoTime() - t0),
                modes, rates);
    }

    private static List<Job> jobs(Options o) {
        SplittableRandom master = new SplittableRandom(o.seed());
        List<Job> jobs = new ArrayList<>(o.pairs() * o.candidates());
        for (int i = 0; i < o.pairs(); i++) {
            String prompt = PromptGenerator.prompt(master);
            String url = UrlGenerator.url(master);
            for (int k = 0; k < o.candidates(); k++) {
                jobs.add(new Job(jobs.size(), String.format("demo-%05d-%d", i + 1, k + 1), prompt, url,
                        GenerationParams.sample(master)));
            }
        }
        return jobs;
    }

    private static Rendered render(Job job, Path folder, Path dbFolder, Options o) throws IOException {
        QrArtRenderer.Drawing drawing = new QrArtRenderer().draw(job.url, job.prompt, job.params);
        byte[] png = PngWriter.encode(drawing.image());
        Path file = folder.resolve(job.codeId + ".png");
        Files.write(file, png);
        List<SimulatedLabelers.Answer> answers = List.of();
        if (o.simulateLabels()) {
            SplittableRandom r = new SplittableRandom(o.seed() * 31 + job.index * 0x9E3779B97F4A7C15L);
            answers = new ArrayList<>();
            for (int who : SimulatedLabelers.assignees(r)) {
                answers.add(SimulatedLabelers.answer(who, drawing.scannability(), drawing.aesthetic(), r.split()));
            }
        }
        String relative = dbFolder.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
        return new Rendered(job, relative, CodeImages.sha256(png), answers);
    }

    private static int write(Database db, List<Rendered> done, Options o) {
        for (Rendered r : done) {
            long pairId = new DatasetRepository(db).pairId(r.job.prompt, r.job.url);
            new DatasetRepository(db).insertCode(new GeneratedCode(r.job.codeId, pairId, r.imagePath, r.sha256,
                    r.job.params.toMap()));
        }
        if (!o.simulateLabels()) {
            return 0;
        }
        int count = 0;
        for (int who = 0; who < SimulatedLabelers.PERSONAS.size(); who++) {
            SimulatedLabelers.Persona persona = SimulatedLabelers.PERSONAS.get(who);
            Labeler labeler = new LabelerRepository(db).getOrCreate(persona.name(), true);
            Instant start = SIMULATION_START.plus(Duration.ofHours(3L * who));
            LabelingSession session = new LabelerRepository(db).startSession(labeler.id(), persona.phone().model(),
                    "simulated camera app", 50.0, "demo-simulation", start);
            int me = who;
            List<Rendered> mine = new ArrayList<>(done);
            mine.removeIf(r -> r.answers.stream().noneMatch(a -> a.persona() == me));
            SplittableRandom timing = new SplittableRandom(o.seed() ^ (0x5DEECE66DL * (who + 1)));
            Collections.shuffle(mine, new java.util.Random(timing.nextLong()));
            Instant cursor = start;
            int n = 0;
            for (Rendered r : mine) {
                SimulatedLabelers.Answer a = r.answers.stream().filter(x -> x.persona() == me)
                        .findFirst().orElseThrow();
                long scanMs = a.scanned()
                        ? (long) (2200 * a.attempts() * Math.exp(0.35 * timing.nextGaussian()))
                        : (long) (7000 * Math.exp(0.4 * timing.nextGaussian()));
                long thinkMs = (long) (1800 * Math.exp(0.4 * timing.nextGaussian()));
                Instant shown = cursor;
                Instant submitted = shown.plusMillis(scanMs + thinkMs);
                String uuid = UUID.nameUUIDFromBytes(("demo-sim\0" + r.job.codeId + "\0" + persona.name())
                        .getBytes(StandardCharsets.UTF_8)).toString();
                new LabelRepository(db).insert(new Label(uuid, r.job.codeId, labeler.id(), session.id(), LabelKind.ANSWER,
                        a.scanned(), a.reason(), a.aesthetic(), shown, scanMs, submitted, "simulated", null));
                count++;
                n++;
                cursor = submitted.plusMillis(300 + timing.nextInt(700));
                if (n % 150 == 0) {
                    cursor = cursor.plus(Duration.ofMinutes(5 + timing.nextInt(11)));
                }
            }
        }
        return count;
    }

    private static void removeImages(Path folder, List<Job> jobs) {
        for (Job j : jobs) {
            try {
                Files.deleteIfExists(folder.resolve(j.codeId + ".png"));
            } catch (IOException ignored) {
                // best effort: a leftover image is harmless, the database holds no row for it
            }
        }
    }
}
