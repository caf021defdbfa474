package org.qartalign.alignment;

import org.qartalign.store.Database;

import java.util.ArrayList;
import java.util.List;

/**
 * The entry point the CLI and the dashboard share: a report from a database or from prepared input. The
 * overloads without {@link BootstrapWorkers} compute on the calling thread.
 */
public final class Alignment {
    private Alignment() {
    }

    /** Loads the labels and eval results through the store repositories and computes the report. */
    public static AlignmentReport report(Database db, ReportOptions options) {
        return report(db, options, BootstrapWorkers.sameThread());
    }

    public static AlignmentReport report(Database db, ReportOptions options, BootstrapWorkers workers) {
        return engine(db, options, workers).report();
    }

    public static AlignmentEngine engine(Database db, ReportOptions options) {
        return engine(db, options, BootstrapWorkers.sameThread());
    }

    /**
     * An engine over the database's current data: call {@link AlignmentEngine#report()} for the full report and
     * {@link AlignmentEngine#confusionAt} to move a threshold without recomputing anything else.
     */
    public static AlignmentEngine engine(Database db, ReportOptions options, BootstrapWorkers workers) {
        List<String> evaluators = new ArrayList<>(options.evaluators());
        if (!evaluators.isEmpty() && options.aesthetic() != null && !evaluators.contains(options.aesthetic())) {
            evaluators.add(options.aesthetic());
        }
        AlignmentInput input = AlignmentLoader.load(db, options.excludeSimulated(), evaluators);
        return new AlignmentEngine(input, options, workers);
    }

    public static AlignmentReport report(AlignmentInput input, ReportOptions options) {
        return new AlignmentEngine(input, options).report();
    }

    public static AlignmentReport report(AlignmentInput input, ReportOptions options, BootstrapWorkers workers) {
        return new AlignmentEngine(input, options, workers).report();
    }
}
