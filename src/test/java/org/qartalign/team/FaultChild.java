package org.qartalign.team;

import org.qartalign.dataset.ManifestImporter;
import org.qartalign.store.Database;
import org.qartalign.store.LabelMerge;

import java.nio.file.Path;

/** A child process that imports a manifest or merges a database and says when it starts and when it is done. */
public final class FaultChild {
    private FaultChild() {
    }

    public static void main(String[] args) {
        try (Database db = Database.open(Path.of(args[1]))) {
            System.out.println("START");
            System.out.flush();
            String result = switch (args[0]) {
                case "import" -> new ManifestImporter(db).importFile(Path.of(args[2])).toString();
                case "merge" -> new LabelMerge(db).mergeFrom(Path.of(args[2])).toString();
                default -> throw new IllegalArgumentException(args[0]);
            };
            System.out.println("ACK " + result);
            System.out.flush();
        }
    }
}
