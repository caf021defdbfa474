package org.qartalign.dataset;

import org.qartalign.core.CodeImages;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;
import org.qartalign.core.GeneratedCode;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.core.Labeler;
import org.qartalign.core.LabelingSession;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.Database;
import org.qartalign.store.EvalResultRepository;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Imports a JSONL manifest, all or nothing. The file is streamed twice: the first pass validates every line (JSON,
 * types, image files, ids against the file and the database) and collects problems as {@code FILE:LINE: what};
 * only a clean file gets the second pass, which writes everything in one transaction. Re-importing is a no-op:
 * codes are keyed by id, labels by a uuid derived from (id, labeler, at), evals by (code, evaluator, version).
 */
public final class ManifestImporter {
    /** Problems listed before the rest are summarised as a count. */
    public static final int MAX_REPORTED = 20;

    public record Result(Path file, int added, int alreadyPresent, int labelsAdded, int evalsAdded) {
        @Override
        public String toString() {
            return file + ": " + added + " codes added, " + alreadyPresent + " already present, " + labelsAdded
                    + " labels and " + evalsAdded + " eval results added";
        }
    }

    private final Database db;
    private final boolean allowOutside;

    public ManifestImporter(Database db) {
        this(db, false);
    }

    /** @param allowOutside accept relative image paths that leave the manifest's folder (by {@code ..} or a link) */
    public ManifestImporter(Database db, boolean allowOutside) {
        this.db = db;
        this.allowOutside = allowOutside;
    }

    /** Known facts about each id after validation: its image hash and whether the database already has it. */
    private record Checked(String sha256, boolean present) {
    }

    public Result importFile(Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            throw new ImportException(List.of(manifest + ": file not found"), 1);
        }
        Path folder = manifest.toAbsolutePath().getParent();
        Map<String, Checked> checked = validate(manifest, folder);
        int[] counts = new int[4];
        db.transaction(c -> {
            Map<String, LabelingSession> sessions = new HashMap<>();
            for (LabelingSession s : new LabelerRepository(db).sessions()) {
                sessions.putIfAbsent(sessionKey(s.labelerId(), s.phoneModel(), s.scannerApp()), s);
            }
            forEachLine(manifest, (line, text) -> {
                ManifestEntry e = ManifestEntry.parse(text, folder);
                write(c, e, checked.get(e.id()), sessions, counts);
            });
            return null;
        });
        return new Result(manifest, counts[0], counts[1], counts[2], counts[3]);
    }

    private Map<String, Checked> validate(Path manifest, Path folder) {
        Map<String, Checked> checked = new HashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int[] total = {0};
        forEachLine(manifest, (line, text) -> {
            try {
                ManifestEntry e = ManifestEntry.parse(text, folder);
                Integer seen = firstLine.putIfAbsent(e.id(), line);
                if (seen != null) {
                    throw new IllegalArgumentException("duplicate id '" + e.id() + "' (first on line " + seen + ")");
                }
                if (!allowOutside) {
                    ImagePaths.refuseOutside(text, folder, e.image());
                }
                checkImage(e.image());
                String sha = CodeImages.sha256(e.image());
                Optional<CodeWithPair> existing = new DatasetRepository(db).find(e.id());
                if (existing.isPresent()) {
                    CodeWithPair old = existing.get();
                    if (!old.url().equals(e.url())) {
                        throw new IllegalArgumentException("id '" + e.id() + "' is already in the database with URL "
                                + old.url() + ", not " + e.url());
                    }
                    if (!Objects.equals(old.code().sha256(), sha)) {
                        throw new IllegalArgumentException("id '" + e.id() + "' is already in the database with a "
                                + "different image (" + old.code().imagePath() + ")");
                    }
                }
                checked.put(e.id(), new Checked(sha, existing.isPresent()));
            } catch (IllegalArgumentException | IOException ex) {
                total[0]++;
                if (problems.size() < MAX_REPORTED) {
                    problems.add(manifest + ":" + line + ": " + ex.getMessage());
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new ImportException(problems, total[0]);
        }
        return checked;
    }

    private static void checkImage(Path image) throws IOException {
        if (!Files.isRegularFile(image)) {
            throw new IllegalArgumentException("image file not found: " + image);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            if (in == null || !ImageIO.getImageReaders(in).hasNext()) {
                throw new IllegalArgumentException("not an image (no PNG, JPEG, GIF or BMP header): " + image);
            }
        }
        try {
            CodeImages.declaredSize(image);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private void write(Connection c, ManifestEntry e, Checked check, Map<String, LabelingSession> sessions,
                       int[] counts) throws SQLException {
        if (check.present()) {
            counts[1]++;
        } else {
            long pairId = DatasetRepository.pairId(c, e.prompt(), e.url());
            DatasetRepository.insertCode(c, new GeneratedCode(e.id(), pairId, storedPath(e.image()), check.sha256(),
                    e.params()));
            counts[0]++;
        }
        List<EvalResult> existing = check.present() ? new EvalResultRepository(db).forCode(e.id()) : List.of();
        for (ManifestEntry.Eval ev : e.evals()) {
            boolean known = existing.stream().anyMatch(x -> x.evaluator().equals(ev.evaluator())
                    && x.version().equals(ev.version()));
            if (!known) {
                EvalResultRepository.upsert(c, new EvalResult(e.id(), ev.evaluator(), ev.version(), ev.scanProb(),
                        ev.decoded(), ev.aesthetic(), ev.details(), "import", Instant.now(), check.sha256()));
                counts[3]++;
            }
        }
        for (ManifestEntry.LabelLine l : e.labels()) {
            Labeler labeler = LabelerRepository.getOrCreate(c, l.labeler(), l.simulated());
            Long sessionId = null;
            if (l.phone() != null || l.scannerApp() != null) {
                String key = sessionKey(labeler.id(), l.phone(), l.scannerApp());
                LabelingSession s = sessions.get(key);
                if (s == null) {
                    s = LabelerRepository.startSession(c, labeler.id(), l.phone(), l.scannerApp(), 0.0, "imported", l.at());
                    sessions.put(key, s);
                }
                sessionId = s.id();
            }
            String uuid = UUID.nameUUIDFromBytes((e.id() + "\0" + l.labeler() + "\0" + l.at())
                    .getBytes(StandardCharsets.UTF_8)).toString();
            if (LabelRepository.insert(c, new Label(uuid, e.id(), labeler.id(), sessionId, LabelKind.ANSWER,
                    l.scanned(), l.reason(), l.aesthetic(), l.shownAt(), l.scanMillis(), l.at(), l.flags(), null))) {
                counts[2]++;
            }
        }
    }

    /** Relative to the database folder when the image lies inside it, else absolute. */
    private String storedPath(Path image) {
        Path folder = db.folder().toAbsolutePath().normalize();
        return image.startsWith(folder) ? folder.relativize(image).toString().replace('\\', '/') : image.toString();
    }

    private static String sessionKey(long labelerId, String phone, String app) {
        return labelerId + "\0" + phone + "\0" + app;
    }

    private interface LineHandler {
        void handle(int line, String text) throws SQLException, IOException;
    }

    private static void forEachLine(Path file, LineHandler handler) {
        try {
            ManifestLines.forEach(file, handler::handle);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (SQLException e) {
            throw new org.qartalign.store.StoreException("Database: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
