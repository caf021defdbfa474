package org.qartalign.store;

import org.qartalign.core.CodeImages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a labeler's own database: the same pairs, codes, eval results and settings as this one, the labels known
 * so far (so the overlap policy sees what is covered), the labeler created, and the team partition that steers
 * each labeler to different single-label codes. Images are referenced by absolute path, or copied beside it.
 */
public final class DatasetSplit {
    /** Setting that tells a labeler's queue which share of single-label codes is theirs: "index/count". */
    public static final String PARTITION_KEY = "team.partition";

    private final Database main;

    public DatasetSplit(Database main) {
        this.main = main;
    }

    public Path write(String labelerName, int index, int count, Path out, boolean copyImages) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new StoreException(target + " already exists; remove it or choose another --out folder");
        }
        List<String[]> codes = main.read(c -> {
            List<String[]> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, pair_id, image_path, image_sha256, params_json, created_at FROM code ORDER BY id");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)});
                }
            }
            return rows;
        });
        try {
            writeTo(target, labelerName, index, count, codes, copyImages);
        } catch (RuntimeException e) {
            for (String suffix : List.of("", "-wal", "-shm")) {
                try {
                    Files.deleteIfExists(Path.of(target + suffix));
                } catch (IOException ignored) {
                    // the error being thrown already says what went wrong
                }
            }
            throw e;
        }
        return target;
    }

    private void writeTo(Path target, String labelerName, int index, int count, List<String[]> codes,
                         boolean copyImages) {
        try (Database db = Database.open(target)) {
            for (String[] code : codes) {
                code[2] = imagePath(code[0], code[2], db.folder(), copyImages);
            }
            db.read(c -> {
                try (PreparedStatement s = c.prepareStatement("ATTACH DATABASE ? AS src")) {
                    s.setString(1, main.file().toString());
                    s.execute();
                }
                return null;
            });
            try {
                db.transaction(c -> {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO pair SELECT * FROM src.pair")) {
                        s.executeUpdate();
                    }
                    try (PreparedStatement s = c.prepareStatement("""
                            INSERT INTO code (id, pair_id, image_path, image_sha256, params_json, created_at)
                            VALUES (?, ?, ?, ?, ?, ?)""")) {
                        for (String[] code : codes) {
                            for (int i = 0; i < code.length; i++) {
                                s.setString(i + 1, code[i]);
                            }
                            s.executeUpdate();
                        }
                    }
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO eval_result SELECT * FROM src.eval_result")) {
                        s.executeUpdate();
                    }
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO setting SELECT * FROM src.setting")) {
                        s.executeUpdate();
                    }
                    try (PreparedStatement s = c.prepareStatement("""
                            INSERT INTO setting (key, value) VALUES (?, ?)
                            ON CONFLICT(key) DO UPDATE SET value = excluded.value""")) {
                        s.setString(1, PARTITION_KEY);
                        s.setString(2, index + "/" + count);
                        s.executeUpdate();
                    }
                    return null;
                });
            } finally {
                db.read(c -> {
                    try (PreparedStatement s = c.prepareStatement("DETACH DATABASE src")) {
                        s.execute();
                    }
                    return null;
                });
            }
            new LabelMerge(db).mergeFrom(main);
            new LabelerRepository(db).getOrCreate(labelerName, false);
        }
    }

    private String imagePath(String codeId, String stored, Path targetFolder, boolean copy) {
        Path source = CodeImages.resolve(main.folder(), stored);
        if (!copy) {
            return source.toString();
        }
        Path rel = Path.of(stored).isAbsolute() ? Path.of("images", codeId + "-" + source.getFileName()) : Path.of(stored);
        Path dest = targetFolder.resolve(rel).normalize();
        if (!dest.startsWith(targetFolder)) {
            dest = targetFolder.resolve(Path.of("images", codeId + "-" + source.getFileName()));
            rel = targetFolder.relativize(dest);
        }
        try {
            Files.createDirectories(dest.getParent());
            Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StoreException("Cannot copy image of code " + codeId + " from " + source + ": " + e.getMessage(), e);
        }
        return rel.toString().replace('\\', '/');
    }
}
