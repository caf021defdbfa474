package org.qartalign.cli;

import org.qartalign.core.EvalResult;
import org.qartalign.eval.EvalRunSummary;
import org.qartalign.eval.EvalRunner;
import org.qartalign.eval.Evaluator;
import org.qartalign.eval.EvaluatorRegistry;
import org.qartalign.eval.LearnedModels;
import org.qartalign.eval.ModelFolders;
import org.qartalign.eval.PayloadMatch;
import org.qartalign.store.Database;
import org.qartalign.store.EvalResultRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs automated evaluators over every code of the database, resuming from cached results. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluates every code in the database (skipping codes whose image was already evaluated by "
                + "the same evaluator version) and prints a summary.")
public final class EvalCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(names = "--evaluator", paramLabel = "NAME",
            description = "Evaluator to run (repeatable; default: zxing-plain and zxing-robust). Model evaluators "
                    + "from the models folder (any TorchScript score model) or learned from this database (learned-aesthetic) by name.")
    List<String> evaluators = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Mixin
    ModelsOption models = new ModelsOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        EvaluatorRegistry registry = EvaluatorRegistry.standard();
        // Model evaluators load libtorch, so the models folder is read only when one of them is asked for.
        boolean wantsModels = evaluators.stream().anyMatch(n -> !registry.names().contains(n));
        try (ModelFolders folders = wantsModels ? ModelFolders.discover(models.folder(),
                LearnedModels.folderFor(database.db)) : null) {
            if (folders != null) {
                PrintWriter err = spec.commandLine().getErr();
                folders.problems().forEach(p -> err.println("problem: " + p.message()));
                folders.registerInto(registry).forEach(p -> err.println("problem: " + p.message()));
            }
            return run(registry.createAll(evaluators, PayloadMatch.EXACT));
        }
    }

    private int run(List<Evaluator> chosen) {
        EvalRunner.Options options = EvalRunner.Options.defaults();
        if (threads != null) {
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
            }
            options = options.withThreads(threads);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AtomicBoolean cancel = new AtomicBoolean();
        Thread hook = new Thread(() -> cancel.set(true));
        Runtime.getRuntime().addShutdownHook(hook);
        try (Database db = database.openExisting()) {
            ProgressBar bar = ProgressBar.onStderr(err, "eval");
            EvalRunSummary s = new EvalRunner(db).run(chosen, options, bar, cancel);
            bar.finish();
            printSummary(out, s, chosen, new EvalResultRepository(db).all());
            // A run that could not read some images still stores the rest; a script should still notice.
            return s.cancelled() ? 130 : s.failures().isEmpty() ? 0 : 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down; the hook has run
            }
        }
    }

    static void printSummary(PrintWriter out, EvalRunSummary s, List<Evaluator> chosen, List<EvalResult> stored) {
        out.printf(Locale.ROOT, "%d codes, %d failed to read%s, in %s%n", s.codes(), s.failures().size(),
                s.cancelled() ? ", CANCELLED (run again to resume)" : "", ProgressBar.format(s.elapsed()));
        for (Evaluator e : chosen) {
            int n = 0;
            int scanned = 0;
            double sum = 0;
            int aesthetic = 0;
            double aestheticSum = 0;
            for (EvalResult r : stored) {
                if (!r.evaluator().equals(e.name()) || !r.version().equals(e.version())) {
                    continue;
                }
                if (r.scanProb() != null) {
                    n++;
                    sum += r.scanProb();
                    scanned += r.scanProb() >= 0.5 ? 1 : 0;
                }
                if (r.aesthetic() != null) {
                    aesthetic++;
                    aestheticSum += r.aesthetic();
                }
            }
            out.printf(Locale.ROOT, "%-13s v%-5s evaluated %d, skipped as cached %d; ", e.name(), e.version(),
                    s.evaluated().getOrDefault(e.name(), 0), s.skippedCached().getOrDefault(e.name(), 0));
            if (aesthetic > 0 && n == 0) {
                out.printf(Locale.ROOT, "stored %d: mean aesthetic %.3f%n", aesthetic, aestheticSum / aesthetic);
            } else {
                out.printf(Locale.ROOT, "stored %d: mean scan prob %s, scan rate (p >= 0.5) %s%n", n,
                        n == 0 ? "-" : String.format(Locale.ROOT, "%.3f", sum / n),
                        n == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * scanned / n));
            }
        }
        int shown = 0;
        for (EvalRunSummary.ReadFailure f : s.failures()) {
            if (shown++ == 10) {
                out.printf("  ... and %d more%n", s.failures().size() - 10);
                break;
            }
            out.printf("  failed: code %s: %s%n", f.codeId(), f.message());
        }
        out.flush();
    }
}
