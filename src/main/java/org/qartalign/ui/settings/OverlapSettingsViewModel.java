package org.qartalign.ui.settings;

import org.qartalign.labeling.OverlapPolicy;
import org.qartalign.store.Database;
import org.qartalign.ui.common.Tasks;
import org.qartalign.ui.common.UiExecutors;

import java.util.function.Consumer;

/** Reads and writes the dataset's overlap policy for the Labeling-policy dialog, off the UI thread. */
public final class OverlapSettingsViewModel {
    private final Database db;
    private final UiExecutors executors;

    public OverlapSettingsViewModel(Database db, UiExecutors executors) {
        this.db = db;
        this.executors = executors;
    }

    public String databaseName() {
        return db.file().getFileName().toString();
    }

    /** Hands the stored policy to {@code show} on the UI thread, or the reason it could not be read to {@code failed}. */
    public void load(Consumer<OverlapPolicy> show, Consumer<String> failed) {
        Tasks.create(() -> OverlapPolicy.load(db))
                .onSuccess(show)
                .onError(Throwable.class, e -> failed.accept("The labeling policy could not be read: " + e.getMessage()))
                .run(executors);
    }

    /** Stores an already checked policy; {@code failed} hears why when the database refuses it. */
    public void save(OverlapPolicy policy, Consumer<String> failed) {
        Tasks.create(() -> {
                    policy.save(db);
                    return policy;
                })
                .onError(Throwable.class, e -> failed.accept("The labeling policy was not saved: " + e.getMessage()))
                .run(executors);
    }
}
