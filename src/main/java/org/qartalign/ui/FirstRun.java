package org.qartalign.ui;

import javafx.concurrent.Task;
import org.qartalign.dataset.DemoDataset;
import org.qartalign.store.Database;

/** The first-run task that fills an empty database with the demo dataset (`demo` with its defaults). */
final class FirstRun {
    private FirstRun() {
    }

    static Task<Void> demoTask(Database db) {
        return new Task<>() {
            @Override
            protected Void call() {
                DemoDataset.Options options = DemoDataset.Options.defaults();
                DemoDataset.create(db, options, (fraction, stage) -> {
                    updateProgress(fraction, 1);
                    updateMessage(stage);
                }, this::isCancelled);
                return null;
            }
        };
    }
}
