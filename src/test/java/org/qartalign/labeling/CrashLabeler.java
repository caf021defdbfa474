package org.qartalign.labeling;

import org.qartalign.core.Labeler;
import org.qartalign.core.LabelingSession;
import org.qartalign.store.Database;
import org.qartalign.store.LabelerRepository;

import java.nio.file.Path;
import java.time.Clock;

/** A child process that labels as fast as it can through the labeling workflow, printing each acknowledged code. */
public final class CrashLabeler {
    private CrashLabeler() {
    }

    public static void main(String[] args) {
        Database db = Database.open(Path.of(args[0]));
        LabelerRepository labelers = new LabelerRepository(db);
        Labeler l = labelers.getOrCreate(args[1], false);
        LabelingSession s = labelers.startSession(l.id(), "crash phone", "crash app", 50, "test");
        LabelingWorkflow w = new LabelingWorkflow(db, l, s, Clock.systemUTC());
        int i = 0;
        while (w.current().isPresent()) {
            String code = w.current().get();
            w.answerScan(i % 3 != 0);
            w.answerAesthetic(1 + i % 5);
            System.out.println("ACK " + code + " " + (i % 3 != 0) + " " + (1 + i % 5));
            System.out.flush();
            i++;
        }
        System.out.println("DONE");
    }
}
