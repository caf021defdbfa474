package org.qartalign.cli;

import org.qartalign.dataset.DemoDataset;
import org.qartalign.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Builds the demo dataset: prompt-URL pairs, procedurally rendered QR-art codes (PNG in "
                + "<db name>-images/ beside the database), optionally answers from simulated labelers.")
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(names = "--pairs", defaultValue = "2000", description = "Prompt-URL pairs (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--candidates", defaultValue = "1", description = "Generated codes per pair (default: ${DEFAULT-VALUE}).")
    int candidates;

    @Option(names = "--seed", defaultValue = "42", description = "Seed every choice derives from (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--simulate-labels", description = "Also add answers from three simulated labelers (flagged 'simulated').")
    boolean simulateLabels;

    @Option(names = "--threads", description = "Rendering threads (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        DemoDataset.Options options = new DemoDataset.Options(pairs, candidates, seed, simulateLabels, threads);
        try (Database db = database.open()) {
            ProgressBar bar = ProgressBar.onStderr(err, "demo");
            DemoDataset.Summary s = DemoDataset.create(db, options, bar::update, () -> false);
            bar.finish();
            out.printf("Demo built in %.1f s: %d pairs, %d codes, %d simulated labels; images in %s%n",
                    s.elapsed().toMillis() / 1000.0, s.pairs(), s.codes(), s.labels(), s.imagesFolder());
            out.println("failure modes of QR-ControlNet art in the demo (share of codes; a code can show several):");
            s.failureModes().forEach((mode, count) -> out.printf(Locale.ROOT, "  %-22s %5d  %5.1f%%%n", mode, count,
                    100.0 * count / s.codes()));
            if (!s.scanRates().isEmpty()) {
                out.println("simulated labelers' scan rates (answers from the renderer's latent scannability, not a "
                        + "decoder; agreement with them is no measure of an eval):");
                s.scanRates().forEach((name, rate) -> out.printf(Locale.ROOT, "  %-22s %5.1f%%%n", name, 100 * rate));
            }
        }
        return 0;
    }
}
