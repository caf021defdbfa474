package org.qartalign.ui;

import org.qartalign.dataset.DemoDataset;
import org.qartalign.store.Database;
import org.qartalign.ui.common.Tasks;

/** The first-run work that fills an empty database with the demo dataset (`demo` with its defaults). */
final class FirstRun {
    private FirstRun() {
    }

    /** Throws {@link java.util.concurrent.CancellationException} when cancelled, leaving the database empty. */
    static Tasks.Work<Void> demo(Database db) {
        return task -> {
            DemoDataset.create(db, DemoDataset.Options.defaults(), task::progress, task::cancelled);
            return null;
        };
    }
}
