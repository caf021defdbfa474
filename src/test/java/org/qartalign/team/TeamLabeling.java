package org.qartalign.team;

import org.qartalign.core.Labeler;
import org.qartalign.core.LabelingSession;
import org.qartalign.labeling.LabelingWorkflow;
import org.qartalign.store.Database;
import org.qartalign.store.LabelerRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

/** Drives the labeling workflow the way a person would, for team tests. */
final class TeamLabeling {
    private TeamLabeling() {
    }

    /** A clock that moves one second per reading, so every version has its own submitted time. */
    static Clock ticking(Instant start) {
        return new Clock() {
            private Instant now = start;

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public synchronized Instant instant() {
                now = now.plus(Duration.ofSeconds(1));
                return now;
            }
        };
    }

    static LabelingWorkflow start(Database db, String name, Clock clock) {
        LabelerRepository labelers = new LabelerRepository(db);
        Labeler l = labelers.getOrCreate(name, false);
        LabelingSession s = db.transaction(c -> new LabelerRepository(db).startSession(l.id(), name + "'s phone", "camera",
                50, "test", clock.instant()));
        return new LabelingWorkflow(db, l, s, clock);
    }

    /** Up to {@code steps} random key presses: answers mostly, with undos, skips, flags and half answers. */
    static void randomSession(LabelingWorkflow w, Random r, int steps) {
        for (int i = 0; i < steps && w.current().isPresent(); i++) {
            int k = r.nextInt(20);
            if (k == 0) {
                w.undo();
            } else if (k == 1) {
                w.skip();
            } else if (k == 2) {
                w.flag();
            } else if (k == 3) {
                w.answerScan(r.nextBoolean());
            } else {
                w.answerScan(r.nextBoolean());
                w.answerAesthetic(1 + r.nextInt(5));
            }
        }
    }
}
