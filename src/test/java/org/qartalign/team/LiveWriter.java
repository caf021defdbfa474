package org.qartalign.team;

import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.store.Database;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/** A labeler process: writes a label every few milliseconds and prints "ACK uuid" after each commit until stdin closes. */
public final class LiveWriter {
    private LiveWriter() {
    }

    public static void main(String[] args) throws Exception {
        Thread stop = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // wait for the parent to close stdin
                }
            } catch (java.io.IOException ignored) {
                // parent gone
            }
        });
        stop.setDaemon(true);
        stop.start();
        try (Database db = Database.open(Path.of(args[0]))) {
            long who = new LabelerRepository(db).getOrCreate("live", false).id();
            LabelRepository labels = new LabelRepository(db);
            for (int i = 0; stop.isAlive() && i < 3000; i++) {
                String uuid = UUID.randomUUID().toString();
                labels.append(new Label(uuid, String.format("c%03d", i % 3), who, null, LabelKind.ANSWER, true, null,
                        1 + i % 5, Instant.now(), 5L, Instant.now(), "", null));
                System.out.println("ACK " + uuid);
                System.out.flush();
                Thread.sleep(10);
            }
        }
        System.out.println("DONE");
        System.out.flush();
    }
}
