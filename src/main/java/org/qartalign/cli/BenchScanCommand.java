package org.qartalign.cli;

import org.qartalign.core.CodeImages;
import org.qartalign.core.CodeWithPair;
import org.qartalign.eval.EvalRunSummary;
import org.qartalign.eval.EvalRunner;
import org.qartalign.eval.Evaluator;
import org.qartalign.eval.EvaluatorRegistry;
import org.qartalign.eval.PayloadMatch;
import org.qartalign.eval.PlainScanEvaluator;
import org.qartalign.eval.QrGradeEvaluator;
import org.qartalign.eval.RobustScanEvaluator;
import org.qartalign.eval.ScanDiscrimination;
import org.qartalign.core.EvalResult;
import org.qartalign.store.EvalResultRepository;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the scan evaluators over every code of a database and, in the same run, Debian's zbarimg and
 * ZXingReader over the same images (all images in one call each, so process start-up is paid once).
 */
@Command(name = "bench-scan", mixinStandardHelpOptions = true,
        description = "Benchmarks zxing-plain and zxing-robust (codes/s, re-evaluating every code) against "
                + "zbarimg and ZXingReader on the same images, and prints ratios ours/theirs.")
public final class BenchScanCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(names = "--threads", paramLabel = "N", description = "Threads for our evaluators (default: all cores).")
    Integer threads;

    @Option(names = "--no-external", description = "Skip zbarimg and ZXingReader.")
    boolean noExternal;

    @Option(names = "--qr-grade-only", description = "Time only zxing-plain and qr-grade (skips zxing-robust and "
            + "the external tools).")
    boolean qrGradeOnly;

    @Spec
    CommandSpec spec;

    /** @param cpuSeconds user + system CPU time of the whole process (JIT and GC included), or NaN if unknown */
    private record Timing(String tool, String setup, int images, double seconds, double cpuSeconds, String note) {
        double perSecond() {
            return images / seconds;
        }

        double perCpuSecond() {
            return images / cpuSeconds;
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + n);
        }
        List<Timing> timings = new ArrayList<>();
        List<String> files = new ArrayList<>();
        try (Database db = database.openExisting()) {
            List<CodeWithPair> codes = new DatasetRepository(db).codes();
            if (codes.isEmpty()) {
                throw new IllegalArgumentException(db.file() + " has no codes; create the demo set with `demo --db "
                        + db.file() + "` first");
            }
            for (CodeWithPair c : codes) {
                files.add(CodeImages.resolve(db.folder(), c.code().imagePath()).toString());
            }
            EvaluatorRegistry registry = EvaluatorRegistry.standard();
            EvalRunner runner = new EvalRunner(db);
            Evaluator plain = registry.create(PlainScanEvaluator.NAME, PayloadMatch.EXACT);
            Evaluator robust = registry.create(RobustScanEvaluator.NAME, PayloadMatch.EXACT);
            if (qrGradeOnly) {
                return benchQrGrade(out, err, runner, plain, registry.create(QrGradeEvaluator.NAME), n, codes, db);
            }
            warmUp(runner, plain, robust, codes.size(), err);
            timings.add(time(runner, plain, 1, err));
            if (n > 1) {
                timings.add(time(runner, plain, n, err));
            }
            timings.add(time(runner, robust, n, err));
            Evaluator grade = registry.create(QrGradeEvaluator.NAME);
            timings.add(time(runner, grade, n, err));
            printDiscrimination(out, codes, new EvalResultRepository(db).all(), List.of(plain, robust, grade));
        }
        if (!noExternal) {
            timings.add(external("zbarimg", List.of("zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable"), files,
                    "QR only, 1 process"));
            timings.add(external("ZXingReader", List.of("ZXingReader", "-1", "-format", "QRCode"), files,
                    "QR only, 1 process"));
        }
        out.printf(Locale.ROOT, "%d images, %d cores available%n", files.size(), Runtime.getRuntime().availableProcessors());
        printTimings(out, timings);
        printQrGradeRatios(out, timings);
        for (Timing t : timings) {
            if (t.tool().equals(RobustScanEvaluator.NAME)) {
                out.printf(Locale.ROOT, "zxing-robust over 2,000 codes: %.1f s at this run's wall rate; %.1f s on %d idle "
                                + "cores at its CPU rate%n", 2000 / t.perSecond(), 2000 / t.perCpuSecond() / n, n);
            }
        }
        headline(out, timings, n);
        out.println("ratios ours/theirs by wall time (> 1 means ours is faster):");
        for (Timing ours : timings) {
            if (!ours.tool().startsWith("zxing-")) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-14s %-22s", ours.tool(), ours.setup()));
            for (Timing theirs : timings) {
                if (!theirs.tool().startsWith("zxing-") && theirs.seconds() > 0) {
                    line.append(String.format(Locale.ROOT, "  vs %s %.2f (per CPU second %.2f)", theirs.tool(),
                            ours.perSecond() / theirs.perSecond(), ours.perCpuSecond() / theirs.perCpuSecond()));
                }
            }
            out.println(line);
        }
        out.flush();
        return 0;
    }

    /** The one ratio the scan-eval speed goal is stated in: zxing-robust on all threads against one zbarimg pass. */
    private static void headline(PrintWriter out, List<Timing> timings, int threads) {
        Timing robust = timings.stream().filter(t -> t.tool().equals(RobustScanEvaluator.NAME)).findFirst().orElse(null);
        Timing zbar = timings.stream().filter(t -> t.tool().equals("zbarimg") && t.seconds() > 0).findFirst().orElse(null);
        if (robust == null || zbar == null) {
            out.println("zxing-robust vs zbarimg: not measured (zbarimg missing or --no-external)");
            return;
        }
        out.printf(Locale.ROOT, "zxing-robust %s vs one zbarimg pass, same %d images, this run: %.1f s vs %.1f s wall, "
                        + "ratio %.2f (zbarimg time / robust time; goal >= 1.0)%n", robust.setup(), robust.images(),
                robust.seconds(), zbar.seconds(), zbar.seconds() / robust.seconds());
        // other load on the machine inflates wall times unevenly between the rows; CPU seconds much less so
        out.printf(Locale.ROOT, "  by CPU time: robust %.1f CPU s over %d threads = %.1f s on %d idle cores, zbarimg %.1f "
                        + "CPU s, ratio %.2f; load average now %.1f%n", robust.cpuSeconds(), threads,
                robust.cpuSeconds() / threads, threads, zbar.cpuSeconds(), zbar.cpuSeconds() / (robust.cpuSeconds() / threads),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void printDiscrimination(PrintWriter out, List<CodeWithPair> codes, List<EvalResult> results,
                                            List<Evaluator> evaluators) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (CodeWithPair c : codes) {
            Double v = c.code().numericParam("strength");
            if (v != null) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo >= hi) {
            out.println("(no numeric 'strength' parameter on the codes: no discrimination table)");
            return;
        }
        int bins = 6;
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = lo + (hi - lo) * i / bins;
        }
        out.println("discrimination by strength (mean scan probability / share strictly between 0 and 1 / misreads):");
        for (Evaluator e : evaluators) {
            out.printf(Locale.ROOT, "  %s%n", e.name());
            for (ScanDiscrimination.Bin b : ScanDiscrimination.byParam(codes, results, e.name(), e.version(),
                    "strength", edges)) {
                out.printf(Locale.ROOT, "    strength %.2f-%.2f  n=%4d  mean p %.3f  in (0,1) %.2f  misreads %d%n",
                        b.from(), b.to(), b.codes(), b.meanScanProbability(), b.shareBetween(), b.misreads());
            }
        }
    }

    /** Compiles the hot paths first, so the timed runs measure steady-state code (as a long eval run does). */
    private static void warmUp(EvalRunner runner, Evaluator plain, Evaluator robust, int codes, PrintWriter err) {
        err.println("warming up (JIT) on the first codes...");
        AtomicBoolean stop = new AtomicBoolean();
        int limit = Math.min(codes, 60);
        EvalRunner.ProgressListener stopAfter = p -> {
            if (p.done() >= limit) {
                stop.set(true);
            }
        };
        runner.run(List.of(plain, robust), EvalRunner.Options.defaults().withoutCache(), stopAfter, stop);
    }

    private static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    private static Timing time(EvalRunner runner, Evaluator e, int threads, PrintWriter err) {
        ProgressBar bar = ProgressBar.onStderr(err, e.name() + " x" + threads);
        double cpu0 = processCpuSeconds();
        EvalRunSummary s = runner.run(List.of(e), EvalRunner.Options.defaults().withThreads(threads).withoutCache(),
                bar, new AtomicBoolean());
        double cpu = processCpuSeconds() - cpu0;
        bar.finish();
        int n = s.evaluated().getOrDefault(e.name(), 0);
        double seconds = s.elapsed().toNanos() / 1e9;
        return new Timing(e.name(), threads + " thread" + (threads > 1 ? "s" : ""), n, seconds, cpu,
                String.format(Locale.ROOT, "mean scan prob %.3f, %d failed to read",
                        n == 0 ? 0 : s.scanProbabilitySum().get(e.name()) / n, s.failures().size()));
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** The children's user + system time from bash's {@code times} (its second line). */
    private static double childCpuSeconds(String times) {
        Matcher m = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s").matcher(times);
        double last = Double.NaN;
        while (m.find()) {
            last = 60 * Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2))
                    + 60 * Double.parseDouble(m.group(3)) + Double.parseDouble(m.group(4));
        }
        return last;
    }

    private static Timing external(String tool, List<String> command, List<String> files, String setup)
            throws IOException, InterruptedException {
        if (!onPath(command.get(0))) {
            return new Timing(tool, "not installed", files.size(), 0, Double.NaN, tool + " not found (apt-get install "
                    + (tool.equals("zbarimg") ? "zbar-tools" : "zxing-cpp-tools") + "; bench/scan-bench.sh does)");
        }
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "\"$@\" > \"$OUT\"; rc=$?; times >&2; exit $rc", "bench"));
        cmd.addAll(command);
        cmd.addAll(files);
        Path outFile = Files.createTempFile("bench-" + tool, ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().put("OUT", outFile.toString());
            long start = System.nanoTime();
            Process p = pb.start();
            String times;
            try (InputStream in = p.getErrorStream()) {
                p.getInputStream().close();
                times = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int rc = p.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            long lines;
            try (var l = Files.lines(outFile, StandardCharsets.UTF_8)) {
                lines = l.count();
            }
            return new Timing(tool, setup, files.size(), seconds, childCpuSeconds(times),
                    "exit " + rc + ", " + lines + " output lines");
        } finally {
            Files.deleteIfExists(outFile);
        }
    }

    private static void printTimings(PrintWriter out, List<Timing> timings) {
        out.printf(Locale.ROOT, "%-14s %-22s %9s %10s %9s %12s  %s%n", "tool", "setup", "wall s", "images/s", "CPU s",
                "images/CPU s", "note");
        for (Timing t : timings) {
            out.printf(Locale.ROOT, "%-14s %-22s %9.2f %10.1f %9.2f %12.1f  %s%n", t.tool(), t.setup(), t.seconds(),
                    t.perSecond(), t.cpuSeconds(), t.perCpuSecond(), t.note());
        }
    }

    /** qr-grade against zxing-plain in the same run, with the same thread count. */
    private int benchQrGrade(PrintWriter out, PrintWriter err, EvalRunner runner, Evaluator plain, Evaluator grade,
                             int threads, List<CodeWithPair> all, Database db) throws IOException, InterruptedException {
        int codes = all.size();
        warmUp(runner, plain, grade, codes, err);
        List<Timing> timings = new ArrayList<>();
        for (int t : threads > 1 ? List.of(1, threads) : List.of(1)) {
            timings.add(time(runner, plain, t, err));
            timings.add(time(runner, grade, t, err));
        }
        out.printf(Locale.ROOT, "%d codes, %d cores available%n", codes, Runtime.getRuntime().availableProcessors());
        printTimings(out, timings);
        printQrGradeRatios(out, timings);
        List<CodeWithPair> sample = all.subList(0, Math.min(all.size(), 400));
        List<java.awt.image.BufferedImage> images = new ArrayList<>();
        for (CodeWithPair c : sample) {
            images.add(CodeImages.read(CodeImages.resolve(db.folder(), c.code().imagePath())));
        }
        out.printf(Locale.ROOT, "evaluators alone on %d images already in memory (no PNG decoding, hashing or storing):%n",
                images.size());
        for (int t : threads > 1 ? List.of(1, threads) : List.of(1)) {
            double[] p = inMemory(plain, sample, images, t);
            double[] g = inMemory(grade, sample, images, t);
            out.printf(Locale.ROOT, "  %d thread(s): zxing-plain %.1f codes/s (%.1f per CPU s), qr-grade %.1f codes/s "
                            + "(%.1f per CPU s); ratio qr-grade/zxing-plain %.2f wall, %.2f per CPU s; qr-grade on 2 "
                            + "idle cores at its CPU rate: %.0f codes/s%n", t, p[0], p[1], g[0], g[1], g[0] / p[0],
                    g[1] / p[1], 2 * g[1]);
        }
        out.flush();
        return 0;
    }

    /** {codes per wall second, codes per CPU second} of one evaluator over images in memory, one worker per thread. */
    private static double[] inMemory(Evaluator e, List<CodeWithPair> codes, List<java.awt.image.BufferedImage> images,
                                     int threads) throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        double cpu0 = processCpuSeconds();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try (Evaluator.Worker w = e.newWorker()) {
                    for (int i = next.getAndIncrement(); i < codes.size(); i = next.getAndIncrement()) {
                        w.evaluate(codes.get(i), images.get(i), "bench");
                    }
                }
            });
            th.start();
            workers.add(th);
        }
        for (Thread th : workers) {
            th.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = processCpuSeconds() - cpu0;
        return new double[]{codes.size() / seconds, codes.size() / cpu};
    }

    private static void printQrGradeRatios(PrintWriter out, List<Timing> timings) {
        for (Timing g : timings) {
            if (!g.tool().equals(QrGradeEvaluator.NAME)) {
                continue;
            }
            for (Timing p : timings) {
                if (p.tool().equals(PlainScanEvaluator.NAME) && p.setup().equals(g.setup())) {
                    out.printf(Locale.ROOT, "qr-grade / zxing-plain, %s: %.2f by wall time, %.2f per CPU second "
                                    + "(> 1 = qr-grade faster); qr-grade on 2 idle cores at its CPU rate: %.0f codes/s%n",
                            g.setup(), g.perSecond() / p.perSecond(), g.perCpuSecond() / p.perCpuSecond(),
                            2 * g.perCpuSecond());
                }
            }
        }
    }
}
