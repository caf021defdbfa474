package org.qartalign.team;

import org.qartalign.dataset.ManifestImporter;
import org.qartalign.store.Database;
import org.qartalign.store.LabelMerge;

import org.sqlite.SQLiteConnection;

import java.nio.file.Path;

/**
 * A child process that imports a manifest or merges a database and says when it starts and when it is done. Given a
 * row number, it prints {@code IN-TX} when its write transaction has changed that many rows and then waits there, so
 * a kill on that marker always lands inside the transaction.
 */
public final class FaultChild {
    private FaultChild() {
    }

    private static void pauseInsideTheTransactionAt(Database db, int row) {
        int[] changed = {0};
        db.read(c -> {
            c.unwrap(SQLiteConnection.class).addUpdateListener((type, database, table, rowId) -> {
                if (++changed[0] == row) {
                    System.out.println("IN-TX");
                    System.out.flush();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            return null;
        });
    }

    public static void main(String[] args) {
        try (Database db = Database.open(Path.of(args[1]))) {
            if (args.length > 3) {
                pauseInsideTheTransactionAt(db, Integer.parseInt(args[3]));
            }
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
