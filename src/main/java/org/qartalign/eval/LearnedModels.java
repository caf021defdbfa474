package org.qartalign.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.qartalign.store.Database;
import org.qartalign.store.Json;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Models learned from one database's labels live beside it, in a folder named after it ({@code labels-models/}
 * beside {@code labels.db}, as the demo's {@code labels-images/}), one sub-folder per model. The install's
 * {@code models/} folder holds only shipped models and is never written.
 */
public final class LearnedModels {
    public static final String SUFFIX = "-models";

    /** What the Dataset screen and {@code models} list for one learned model. */
    public record Summary(String name, Path folder, String version, String trainedAt, int labeledCodes, int labels,
                          String figures) {
    }

    private LearnedModels() {
    }

    public static Path folderFor(Path databaseFile) {
        String name = databaseFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return databaseFile.toAbsolutePath().normalize().getParent()
                .resolve((dot > 0 ? name.substring(0, dot) : name) + SUFFIX);
    }

    public static Path folderFor(Database db) {
        return folderFor(db.file());
    }

    /** The learned models beside this database, by name; a folder whose card cannot be read is left out. */
    public static List<Summary> list(Path folder) {
        List<Summary> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        List<Path> subs = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, Files::isDirectory)) {
            dir.forEach(subs::add);
        } catch (IOException e) {
            return out;
        }
        subs.sort(null);
        for (Path sub : subs) {
            Path card = sub.resolve(ModelCard.FILE_NAME);
            if (!Files.isRegularFile(card)) {
                continue;
            }
            try {
                JsonNode c = Json.MAPPER.readTree(Files.readString(card));
                out.add(new Summary(c.path("name").asText(sub.getFileName().toString()), sub,
                        c.path("version").asText(""), c.path("trained_at").asText(""),
                        c.path("training_set_size").asInt(), c.path("labels_used").asInt(),
                        c.path("summary").asText("")));
            } catch (IOException | RuntimeException e) {
                // a half-written or foreign card is not a model the screen can describe
            }
        }
        return out;
    }

    /** Creates the model's folder beside the database, saying so plainly when that folder cannot be written. */
    static Path prepare(Database db, String model) throws IOException {
        Path folder = folderFor(db).resolve(model);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IOException("cannot create " + folder + " for the learned model (it lives beside the database "
                    + db.file().getFileName() + "): " + e.getMessage(), e);
        }
        return folder;
    }

    /** Writes a file whole or not at all. */
    static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
