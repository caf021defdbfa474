package org.qartalign.cli;

import org.qartalign.alignment.Alignment;
import org.qartalign.alignment.AlignmentReport;
import org.qartalign.alignment.ReportCsvWriter;
import org.qartalign.alignment.ReportHtmlWriter;
import org.qartalign.alignment.ReportJsonWriter;
import org.qartalign.alignment.ReportOptions;
import org.qartalign.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code report}: how far each automated eval is from the humans, with confidence intervals. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Compares every automated evaluator with the human labels (agreement, calibration, best-of-N, "
                + "slices, labelers, disagreements) with bootstrap confidence intervals.")
public final class ReportCommand implements Callable<Integer> {
    public enum Format { json, html, csv }

    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "json|html|csv", defaultValue = "json",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "1000",
            description = "Bootstrap replicates over codes; 0 for point values only (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.5",
            description = "A scan evaluator predicts 'scans' at probability >= T (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.95",
            description = "Confidence level of the intervals (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--evaluator", paramLabel = "NAME", arity = "1..*",
            description = "Report only these evaluators (default: all with results).")
    List<String> evaluators = new ArrayList<>();

    @Option(names = "--aesthetic", paramLabel = "NAME",
            description = "Aesthetic evaluator that ranks scannable candidates in best-of-N.")
    String aesthetic;

    @Option(names = "--exclude-simulated", description = "Leave out the labels of simulated labelers.")
    boolean excludeSimulated;

    @Option(names = "--slice", paramLabel = "PARAM", split = ",",
            description = "Numeric generation parameters to slice by, in order; the first two are the toast plot's "
                    + "rows and columns (default: every parameter that varies, ids and seeds left out).")
    List<String> slices = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        ReportOptions options = new ReportOptions(bootstrap, seed, threshold, confidence, evaluators, aesthetic,
                excludeSimulated, slices);
        try (Database db = database.openReadOnly()) {
            if (out != null) {
                OutputFile.refuseDatabaseFiles(out, db.file());
            }
            AlignmentReport report = ReportWorkers.onEveryCore(workers -> Alignment.report(db, options, workers));
            String text = switch (format) {
                case json -> ReportJsonWriter.write(report);
                case html -> ReportHtmlWriter.write(report, db);
                case csv -> ReportCsvWriter.write(report);
            };
            if (out == null) {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            } else {
                OutputFile.write(out, db, w -> w.write(text));
                spec.commandLine().getErr().println("wrote " + format + " report to " + out.toAbsolutePath());
            }
        }
        return 0;
    }
}
