package org.qartalign.ui.dashboard;

import org.qartalign.core.EvalResult;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.core.Labeler;
import org.qartalign.core.LabelingSession;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.EvalResultRepository;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;
import org.qartalign.testing.TestDatasets;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 40 codes c000..c039; people (ana, ben) say code i scans when i % 4 != 0; eval "zx" gives p = i / 40 and "aes" a
 * score. With {@code simulated}, a simulated labeler "sim" also labels every code and says each scans: 120 labels
 * instead of 80, the same majorities (1 "scans" against 2 "not" stays "not").
 */
public final class LabeledDatabase {
    public static final int CODES = 40;

    private LabeledDatabase() {
    }

    public static Database create(Path dir, boolean simulated) {
        Database db = TestDatasets.withCodes(dir, CODES);
        LabelerRepository labelers = new LabelerRepository(db);
        List<String> names = simulated ? List.of("ana", "ben", "sim") : List.of("ana", "ben");
        for (String name : names) {
            Labeler l = labelers.getOrCreate(name, name.equals("sim"));
            LabelingSession s = labelers.startSession(l.id(), "iPhone 15", "Camera", 50, "test");
            for (int i = 0; i < CODES; i++) {
                boolean scanned = name.equals("sim") || i % 4 != 0;
                new LabelRepository(db).append(new Label(UUID.randomUUID().toString(), String.format("c%03d", i),
                        l.id(), s.id(), LabelKind.ANSWER, scanned, null, 1 + i % 5,
                        Instant.parse("2026-01-01T10:00:00Z").plusSeconds(10L * i), 2000L,
                        Instant.parse("2026-01-01T10:00:05Z").plusSeconds(10L * i), "", null));
            }
        }
        List<EvalResult> evals = new ArrayList<>();
        for (int i = 0; i < CODES; i++) {
            String id = String.format("c%03d", i);
            String sha = new DatasetRepository(db).find(id).orElseThrow().code().sha256();
            evals.add(new EvalResult(id, "zx", "1", i / 40.0, null, null, null, "run", Instant.now(), sha));
            evals.add(new EvalResult(id, "aes", "1", null, null, 1 + i % 5 + 0.3 * (i % 3), null, "run", Instant.now(),
                    sha));
        }
        new EvalResultRepository(db).save(evals);
        return db;
    }
}
