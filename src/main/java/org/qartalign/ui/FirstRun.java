package org.qartalign.ui;

import javafx.concurrent.Task;
import org.qartalign.store.Database;

/** The first-run task that fills an empty database with the demo dataset. */
final class FirstRun {
    private FirstRun() {
    }

    static Task<Void> demoTask(Database db) {
        return new Task<>() {
            @Override
            protected Void call() {
                throw new IllegalStateException("The demo dataset generator is not available in this build.");
            }
        };
    }
}
