package org.qartalign.eval;

import org.qartalign.core.CodeImages;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.EvalResultRepository;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluates every code of a database with some evaluators, in parallel, skipping cached results.
 * Each code's image is read once for all evaluators that still need it; at most a few codes per thread are in
 * flight, so only that many images are in memory. Results are stored in batches, one transaction each, from the
 * calling thread, which also receives the progress callbacks. Cancelling stops taking new codes; what finished is
 * stored, and a later run resumes from there because finished results are cached.
 */
public final class EvalRunner {
    /** Receives progress on the thread that called {@link #run}. */
    public interface ProgressListener {
        void progress(EvalProgress progress);
    }

    /**
     * @param threads worker threads (each owns one worker per evaluator)
     * @param inFlightPerThread codes queued or running per thread
     * @param batchSize results per write transaction
     * @param useCache skip codes already evaluated by the same evaluator version on the same image (false for
     *                 benchmarks, which re-evaluate and overwrite with the same results)
     */
    public record Options(int threads, int inFlightPerThread, int batchSize, boolean useCache) {
        public Options {
            if (threads < 1 || inFlightPerThread < 1 || batchSize < 1) {
                throw new IllegalArgumentException("threads, in-flight and batch size must be at least 1");
            }
        }

        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), 3, 64, true);
        }

        public Options withThreads(int n) {
            return new Options(n, inFlightPerThread, batchSize, useCache);
        }

        public Options withoutCache() {
            return new Options(threads, inFlightPerThread, batchSize, false);
        }
    }

    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    private final Database db;
    private final DatasetRepository dataset;
    private final EvalResultRepository results;

    public EvalRunner(Database db) {
        this.db = db;
        this.dataset = new DatasetRepository(db);
        this.results = new EvalResultRepository(db);
    }

    private record Job(CodeWithPair code, List<Evaluator> evaluators) {
    }

    private sealed interface Outcome permits Done, Failed {
    }

    private record Done(List<EvalResult> results) implements Outcome {
    }

    private record Failed(String codeId, String message) implements Outcome {
    }

    public EvalRunSummary run(List<Evaluator> evaluators, Options options, ProgressListener listener,
                              AtomicBoolean cancel) {
        long start = System.nanoTime();
        String runId = UUID.randomUUID().toString();
        List<CodeWithPair> codes = dataset.codes();
        Map<String, Integer> evaluated = new LinkedHashMap<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        Map<String, Double> probSum = new LinkedHashMap<>();
        Map<Evaluator, Set<String>> cached = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (Evaluator e : evaluators) {
            if (!names.add(e.name())) {
                throw new IllegalArgumentException("evaluator '" + e.name() + "' given twice");
            }
            cached.put(e, options.useCache() ? results.cachedCodeIds(e.name(), e.version()) : Set.of());
            evaluated.put(e.name(), 0);
            skipped.put(e.name(), 0);
            probSum.put(e.name(), 0.0);
        }
        List<Job> jobs = new ArrayList<>();
        for (CodeWithPair c : codes) {
            List<Evaluator> todo = new ArrayList<>();
            for (Evaluator e : evaluators) {
                if (cached.get(e).contains(c.id())) {
                    skipped.merge(e.name(), 1, Integer::sum);
                } else {
                    todo.add(e);
                }
            }
            if (!todo.isEmpty()) {
                jobs.add(new Job(c, todo));
            }
        }

        List<EvalRunSummary.ReadFailure> failures = new ArrayList<>();
        int total = jobs.size();
        int done = 0;
        LinkedBlockingQueue<Outcome> finished = new LinkedBlockingQueue<>();
        Semaphore inFlight = new Semaphore(options.threads() * options.inFlightPerThread());
        ConcurrentLinkedQueue<Evaluator.Worker> allWorkers = new ConcurrentLinkedQueue<>();
        ThreadLocal<Map<Evaluator, Evaluator.Worker>> workers = ThreadLocal.withInitial(LinkedHashMap::new);
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "eval-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<EvalResult> batch = new ArrayList<>();
        long lastProgress = 0;
        int submitted = 0;
        boolean cancelled = false;
        try {
            listener.progress(new EvalProgress(0, total, Duration.ZERO, null));
            while (done < submitted || submitted < total) {
                if (!cancelled && cancel.get()) {
                    cancelled = true;
                }
                while (!cancelled && submitted < total && inFlight.tryAcquire()) {
                    Job job = jobs.get(submitted++);
                    pool.execute(() -> {
                        try {
                            finished.add(cancel.get() ? new Failed(job.code().id(), null)
                                    : evaluate(job, runId, workers.get(), allWorkers));
                        } finally {
                            inFlight.release();
                        }
                    });
                }
                if (cancelled && done == submitted) {
                    break;
                }
                Outcome o = finished.poll(50, TimeUnit.MILLISECONDS);
                while (o != null) {
                    done++;
                    if (o instanceof Done d) {
                        for (EvalResult r : d.results()) {
                            evaluated.merge(r.evaluator(), 1, Integer::sum);
                            probSum.merge(r.evaluator(), r.scanProb() == null ? 0 : r.scanProb(), Double::sum);
                        }
                        batch.addAll(d.results());
                    } else if (o instanceof Failed f && f.message() != null) {
                        failures.add(new EvalRunSummary.ReadFailure(f.codeId(), f.message()));
                    }
                    o = finished.poll();
                }
                if (batch.size() >= options.batchSize()) {
                    results.save(batch);
                    batch.clear();
                }
                long now = System.nanoTime();
                if (now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
                    lastProgress = now;
                    listener.progress(progress(done, total, start, now));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
            cancel.set(true);
        } finally {
            pool.shutdown();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Outcome o;
            while ((o = finished.poll()) != null) {
                if (o instanceof Done d) {
                    batch.addAll(d.results());
                    for (EvalResult r : d.results()) {
                        evaluated.merge(r.evaluator(), 1, Integer::sum);
                        probSum.merge(r.evaluator(), r.scanProb() == null ? 0 : r.scanProb(), Double::sum);
                    }
                }
            }
            if (!batch.isEmpty()) {
                results.save(batch);
            }
            allWorkers.forEach(Evaluator.Worker::close);
        }
        long end = System.nanoTime();
        listener.progress(progress(done, total, start, end));
        cancelled = cancelled || cancel.get() && done < total;
        return new EvalRunSummary(runId, codes.size(), evaluated, skipped, probSum, failures, cancelled,
                Duration.ofNanos(end - start));
    }

    private static EvalProgress progress(int done, int total, long start, long now) {
        Duration elapsed = Duration.ofNanos(now - start);
        Duration eta = done == 0 ? null : Duration.ofNanos((long) ((now - start) * ((double) (total - done) / done)));
        return new EvalProgress(done, total, elapsed, eta);
    }

    private Outcome evaluate(Job job, String runId, Map<Evaluator, Evaluator.Worker> workers,
                             ConcurrentLinkedQueue<Evaluator.Worker> allWorkers) {
        CodeWithPair code = job.code();
        Path file = CodeImages.resolve(db.folder(), code.code().imagePath());
        BufferedImage image;
        String sha;
        try {
            image = CodeImages.read(file);
            sha = CodeImages.sha256(file);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return new Failed(code.id(), e.getMessage() != null ? e.getMessage() : file + ": " + e);
        }
        List<EvalResult> out = new ArrayList<>(job.evaluators().size());
        for (Evaluator e : job.evaluators()) {
            // Any failure, even an Error from native code, becomes this code's outcome: a job without an outcome
            // would leave the run waiting for it forever.
            try {
                Evaluator.Worker w = workers.computeIfAbsent(e, k -> {
                    Evaluator.Worker nw = k.newWorker();
                    allWorkers.add(nw);
                    return nw;
                });
                EvalResult r = w.evaluate(code, image, runId);
                out.add(new EvalResult(r.codeId(), r.evaluator(), r.version(), r.scanProb(), r.decoded(),
                        r.aesthetic(), r.details(), r.runId(), r.createdAt(), sha));
            } catch (RuntimeException | Error ex) {
                return new Failed(code.id(), file + ": evaluator " + e.name() + " failed: " + ex);
            }
        }
        return new Done(out);
    }
}
