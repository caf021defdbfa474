package org.qartalign.cli;

import org.qartalign.alignment.Alignment;
import org.qartalign.alignment.AlignmentInput;
import org.qartalign.alignment.AlignmentReport;
import org.qartalign.alignment.BootstrapWorkers;
import org.qartalign.alignment.ReportJsonWriter;
import org.qartalign.alignment.ReportOptions;
import org.qartalign.alignment.SyntheticInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bench-report}: times the alignment report on synthetic data (no database) and prints wall and CPU time,
 * the setup part (the same report with no replicates), peak heap, and the replicate cost per code and replicate
 * against the baseline run, to check growth is no worse than linear in codes x B.
 */
@Command(name = "bench-report", mixinStandardHelpOptions = true,
        description = "Benchmarks the alignment report on synthetic codes x 3 labelers x 3 evaluators.")
public final class BenchReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Only the 2,000-code runs (skip 100,000 codes).")
    boolean quick;

    @Option(names = "--repeat", defaultValue = "3", description = "Timed repetitions per case, best kept (default: ${DEFAULT-VALUE}).")
    int repeat;

    record Case(int codes, int bootstrap) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "cores available: %d, max heap: %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        run(new Case(2_000, 300), 2, out, null, true);
        Double base = null;
        List<Case> cases = quick
                ? List.of(new Case(2_000, 1_000), new Case(4_000, 1_000), new Case(2_000, 2_000))
                : List.of(new Case(2_000, 1_000), new Case(4_000, 1_000), new Case(2_000, 2_000),
                new Case(20_000, 200), new Case(100_000, 200));
        out.println(" codes      B  wall_s  cpu_s  setup_s  peak_heap_MB  replicate_ns_per_code  ratio_to_2000x1000");
        for (Case c : cases) {
            double perUnit = run(c, repeat, out, base, false);
            if (base == null) {
                base = perUnit;
            }
        }
        return 0;
    }

    private double run(Case c, int repeat, PrintWriter out, Double base, boolean warmup) {
        AlignmentInput input = SyntheticInput.generate(c.codes, 3, 3, 42);
        ReportOptions options = new ReportOptions(c.bootstrap, 1, 0.5, 0.95, List.of(), "aesthetic-1", false);
        int runs = Math.max(1, repeat);
        return ReportWorkers.onEveryCore(workers -> measure(c, runs, input, options, workers, out, base, warmup));
    }

    private double measure(Case c, int runs, AlignmentInput input, ReportOptions options, BootstrapWorkers workers,
                           PrintWriter out, Double base, boolean warmup) {
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        long peak = 0;
        for (int r = 0; r < runs; r++) {
            System.gc();
            resetPeaks();
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            AlignmentReport report = Alignment.report(input, options, workers);
            ReportJsonWriter.write(report);
            best = Math.min(best, System.nanoTime() - t0);
            bestCpu = Math.min(bestCpu, processCpuNanos() - c0);
            peak = Math.max(peak, peakHeapMb());
        }
        long setupCpu = Long.MAX_VALUE;
        ReportOptions pointOnly = options.withBootstrap(0);
        for (int r = 0; r < runs; r++) {
            long c0 = processCpuNanos();
            ReportJsonWriter.write(Alignment.report(input, pointOnly, workers));
            setupCpu = Math.min(setupCpu, processCpuNanos() - c0);
        }
        // CPU time, not wall time, is the cost measure: the machine is shared, so wall time includes waiting.
        // The cost is setup(codes) + B x replicate(codes); the per-replicate part is compared across sizes.
        double perUnit = (double) Math.max(0, bestCpu - setupCpu) / ((double) c.codes * c.bootstrap);
        if (!warmup) {
            out.printf(Locale.ROOT, "%6d %6d %7.2f %6.2f %8.2f %13d %21.1f %19s%n", c.codes, c.bootstrap, best / 1e9,
                    bestCpu / 1e9, setupCpu / 1e9, peak, perUnit, base == null ? "1.00 (baseline)"
                            : String.format(Locale.ROOT, "%.2f", perUnit / base));
        }
        out.flush();
        return perUnit;
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound on the peak heap in use). */
    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }
}
