package org.qartalign.cli;

import org.qartalign.eval.ScanTraining;
import org.qartalign.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code train-scan}: learns the learned-scan evaluator from the human scan answers and the stored scan evals. */
@Command(name = "train-scan", mixinStandardHelpOptions = true,
        description = "Fits learned-scan, an L2 logistic regression from every stored scan eval result to the "
                + "human scan answers (k-fold cross-validated), saves it beside the database in <db name>-models/"
                + "learned-scan and stores its probabilities: out-of-fold for labeled codes, full fit for the rest. "
                + "Prints cross-validated AUC, Brier score and calibration.")
public final class TrainScanCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for the folds (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "-C", defaultValue = "1.0",
            description = "Inverse L2 penalty on the standardised coefficients, as scikit-learn's C (default: "
                    + "${DEFAULT-VALUE}).")
    double c;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ScanTraining.Settings settings = new ScanTraining.Settings(folds, seed, c);
        try (Database db = database.openExisting()) {
            ScanTraining.Report r = ScanTraining.run(db, settings, msg -> {
                out.println(msg);
                out.flush();
            }, new AtomicBoolean());
            ScanTraining.lines(r).forEach(out::println);
            out.flush();
        }
        return 0;
    }
}
