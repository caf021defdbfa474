package org.qartalign.cli;

import org.qartalign.eval.AestheticTraining;
import org.qartalign.eval.HeadTrainer;
import org.qartalign.eval.ModelFolderException;
import org.qartalign.eval.TorchDevice;
import org.qartalign.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code train-aesthetic}: learns the learned-aesthetic evaluator from the labels and scores every code. */
@Command(name = "train-aesthetic", mixinStandardHelpOptions = true,
        description = "Trains the learned-aesthetic evaluator on the mean human aesthetic score per code, with or "
                + "without a scan answer (k-fold cross-validated), on the features model of MODELS; saves it beside "
                + "the database in <db name>-models/learned-aesthetic and stores its scores: out-of-fold for labeled "
                + "codes, full fit for the rest.")
public final class TrainAestheticCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database = new DatabaseOption();

    @picocli.CommandLine.Mixin
    ModelsOption modelsOption = new ModelsOption();

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for folds and initial weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--hidden", defaultValue = "0",
            description = "Hidden ReLU units; 0 trains a linear head (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--epochs", defaultValue = "300", description = "Full-batch training steps (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TorchDevice.configure();
        PrintWriter out = spec.commandLine().getOut();
        HeadTrainer.Settings defaults = HeadTrainer.Settings.defaults(folds, seed);
        HeadTrainer.Settings settings = new HeadTrainer.Settings(folds, seed, hidden, epochs,
                defaults.learningRate(), defaults.weightDecay());
        try (Database db = database.openExisting()) {
            AestheticTraining.Report r;
            try {
                r = AestheticTraining.run(db, modelsOption.folder(), settings, msg -> {
                    out.println(msg);
                    out.flush();
                });
            } catch (ModelFolderException e) {
                throw new IOException(e.getMessage(), e);
            }
            for (String s : r.skipped()) {
                out.println("skipped " + s);
            }
            if (r.simulatedLabels() > 0) {
                out.println("NOTE: " + r.simulatedLabels() + " of " + r.labels() + " labels are SIMULATED, not human");
            }
            out.printf(Locale.ROOT, "trained on %d labeled codes (%d labels), %d folds, seed %d%n", r.labeledCodes(),
                    r.labels(), folds, seed);
            out.printf(Locale.ROOT, "cross-validated Spearman %.3f, MAE %.3f; baseline best single feature %s |Spearman| %.3f%n",
                    r.cvSpearman(), r.cvMae(), r.baselineFeature(), r.baselineSpearman());
            out.printf(Locale.ROOT, "saved %s (version %s); stored learned-aesthetic scores for %d codes%n",
                    r.folder(), r.version(), r.scoredCodes());
        }
        return 0;
    }
}
