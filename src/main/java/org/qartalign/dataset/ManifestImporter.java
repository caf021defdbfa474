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
import org.qartalign.store.Json;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Imports a JSONL manifest, all or nothing. The file is read once: every line is parsed and checked (JSON, types,
 * image files, ids against the file and the database) and problems are collected as {@code FILE:LINE: what}; only
 * a clean file is written, from what was checked, in one transaction. Re-importing is a no-op: codes are keyed by
 * id, labels by a uuid derived from (id, labeler, at), evals by (code, evaluator, version); an existing id whose
 * content differs is a conflict.
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

    /** A checked line: what will be written, its image hash and whether the database already has its id. */
    private record Checked(ManifestEntry entry, String sha256, boolean present) {
    }

    public Result importFile(Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            throw new ImportException(List.of(manifest + ": file not found"), 1);
        }
        Path folder = manifest.toAbsolutePath().getParent();
        List<Checked> checked = validate(manifest, folder);
        int[] counts = new int[4];
        db.inTransaction(() -> {
            Map<String, LabelingSession> sessions = new HashMap<>();
            for (LabelingSession s : new LabelerRepository(db).sessions()) {
                sessions.putIfAbsent(sessionKey(s.labelerId(), s.phoneModel(), s.scannerApp()), s);
            }
            for (Checked c : checked) {
                write(c, sessions, counts);
            }
            return null;
        });
        return new Result(manifest, counts[0], counts[1], counts[2], counts[3]);
    }

    private List<Checked> validate(Path manifest, Path folder) {
        List<Checked> checked = new ArrayList<>();
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
                    refuseConflict(existing.get(), e, sha);
                }
                if (problems.isEmpty()) {
                    checked.add(new Checked(e, sha, existing.isPresent()));
                }
            } catch (IllegalArgumentException | IOException ex) {
                total[0]++;
                checked.clear();
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

    /** An id already stored must come back with the same content; anything else is a conflict naming the fields. */
    private void refuseConflict(CodeWithPair old, ManifestEntry e, String sha) {
        if (!old.url().equals(e.url())) {
            throw new IllegalArgumentException("id '" + e.id() + "' is already in the database with URL "
                    + old.url() + ", not " + e.url());
        }
        if (!Objects.equals(old.code().sha256(), sha)) {
            throw new IllegalArgumentException("id '" + e.id() + "' is already in the database with a "
                    + "different image (" + old.code().imagePath() + ")");
        }
        List<String> differ = new ArrayList<>();
        differ(differ, "prompt", old.pair().prompt(), e.prompt());
        differ(differ, "params", Json.write(new TreeMap<>(old.code().params())), Json.write(new TreeMap<>(e.params())));
        List<EvalResult> evals = new EvalResultRepository(db).forCode(e.id());
        for (int i = 0; i < e.evals().size(); i++) {
            ManifestEntry.Eval ev = e.evals().get(i);
            for (EvalResult x : evals) {
                if (x.evaluator().equals(ev.evaluator()) && x.version().equals(ev.version())) {
                    String where = "evals[" + i + "].";
                    differ(differ, where + "scan_prob", x.scanProb(), ev.scanProb());
                    differ(differ, where + "decoded", x.decoded(), ev.decoded());
                    differ(differ, where + "aesthetic", x.aesthetic(), ev.aesthetic());
                }
            }
        }
        List<Label> labels = new LabelRepository(db).history(e.id());
        for (int i = 0; i < e.labels().size(); i++) {
            ManifestEntry.LabelLine l = e.labels().get(i);
            String uuid = labelUuid(e.id(), l);
            for (Label x : labels) {
                if (x.uuid().equals(uuid)) {
                    String where = "labels[" + i + "].";
                    differ(differ, where + "scanned", x.scanned(), l.scanned());
                    differ(differ, where + "aesthetic", x.aesthetic(), l.aesthetic());
                    differ(differ, where + "reason", x.reason(), l.reason());
                    differ(differ, where + "scan_seconds", x.scanMillis(), l.scanMillis());
                    differ(differ, where + "shown_at", x.shownAt(), l.shownAt());
                    differ(differ, where + "flags", x.flags(), l.flags());
                }
            }
        }
        if (!differ.isEmpty()) {
            throw new IllegalArgumentException("conflict: id '" + e.id() + "' is already in the database with "
                    + "different " + String.join(", ", differ) + "; give the new version another id, or fix the "
                    + "manifest to match");
        }
    }

    private static void differ(List<String> out, String field, Object stored, Object here) {
        if (!Objects.equals(stored, here)) {
            out.add(field + " (stored " + shown(stored) + ", here " + shown(here) + ")");
        }
    }

    private static String shown(Object v) {
        String s = v instanceof String t ? "'" + t + "'" : String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static void checkImage(Path image) throws IOException {
        if (Files.isDirectory(image)) {
            throw new IllegalArgumentException("image is a folder, not an image file: " + image);
        }
        if (!Files.exists(image)) {
            throw new IllegalArgumentException("image file not found: " + image);
        }
        if (!Files.isRegularFile(image)) {
            throw new IllegalArgumentException("image is not a regular file (a device or a pipe): " + image);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            if (in == null || !ImageIO.getImageReaders(in).hasNext()) {
                throw new IllegalArgumentException("not an image (no PNG, JPEG, GIF, BMP or TIFF header): " + image);
            }
        }
        try {
            CodeImages.declaredSize(image);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private void write(Checked check, Map<String, LabelingSession> sessions, int[] counts) {
        ManifestEntry e = check.entry();
        if (check.present()) {
            counts[1]++;
        } else {
            DatasetRepository codes = new DatasetRepository(db);
            long pairId = codes.pairId(e.prompt(), e.url());
            codes.insertCode(new GeneratedCode(e.id(), pairId, storedPath(e.image()), check.sha256(), e.params()));
            counts[0]++;
        }
        EvalResultRepository evals = new EvalResultRepository(db);
        List<EvalResult> existing = check.present() ? evals.forCode(e.id()) : List.of();
        for (ManifestEntry.Eval ev : e.evals()) {
            boolean known = existing.stream().anyMatch(x -> x.evaluator().equals(ev.evaluator())
                    && x.version().equals(ev.version()));
            if (!known) {
                evals.upsert(new EvalResult(e.id(), ev.evaluator(), ev.version(), ev.scanProb(),
                        ev.decoded(), ev.aesthetic(), ev.details(), "import", Instant.now(), check.sha256()));
                counts[3]++;
            }
        }
        LabelerRepository labelers = new LabelerRepository(db);
        for (ManifestEntry.LabelLine l : e.labels()) {
            Labeler labeler = labelers.getOrCreate(l.labeler(), l.simulated());
            Long sessionId = null;
            if (l.phone() != null || l.scannerApp() != null) {
                String key = sessionKey(labeler.id(), l.phone(), l.scannerApp());
                LabelingSession s = sessions.get(key);
                if (s == null) {
                    s = labelers.startSession(labeler.id(), l.phone(), l.scannerApp(), 0.0, "imported", l.at());
                    sessions.put(key, s);
                }
                sessionId = s.id();
            }
            if (new LabelRepository(db).insert(new Label(labelUuid(e.id(), l), e.id(), labeler.id(), sessionId,
                    LabelKind.ANSWER, l.scanned(), l.reason(), l.aesthetic(), l.shownAt(), l.scanMillis(), l.at(),
                    l.flags(), null))) {
                counts[2]++;
            }
        }
    }

    private static String labelUuid(String id, ManifestEntry.LabelLine l) {
        return UUID.nameUUIDFromBytes((id + "\0" + l.labeler() + "\0" + l.at()).getBytes(StandardCharsets.UTF_8))
                .toString();
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
        void handle(int line, String text) throws IOException;
    }

    private static void forEachLine(Path file, LineHandler handler) {
        try {
            ManifestLines.forEach(file, handler::handle);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
