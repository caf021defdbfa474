package org.qartalign.store;

import org.qartalign.core.Label;
import org.qartalign.core.Labeler;
import org.qartalign.core.LabelingSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings the labels, labelers and sessions of another database (a labeler's split copy) into this one, in one
 * transaction. Label versions are keyed by uuid, so merging twice or in any order gives the same result; labelers
 * are matched by name and sessions by (labeler name, start time, phone), since row ids differ between databases.
 * A database whose codes differ (an id missing here, or the same id with another image SHA-256) is refused whole.
 */
public final class LabelMerge {
    /** Codes named in a refusal before the rest are summarised as a count. */
    static final int MAX_NAMED = 20;

    public record Result(Path from, int labelsAdded, int labelsAlreadyPresent, int labelersAdded, int sessionsAdded) {
        @Override
        public String toString() {
            return from + ": " + labelsAdded + " label versions added (" + labelsAlreadyPresent + " already present), "
                    + labelersAdded + " labelers and " + sessionsAdded + " sessions added";
        }
    }

    private final Database main;

    public LabelMerge(Database main) {
        this.main = main;
    }

    public Result mergeFrom(Path otherFile) {
        Path other = otherFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(other)) {
            throw new StoreException(other + ": database file not found");
        }
        if (other.equals(main.file())) {
            throw new StoreException(other + " is the database being merged into");
        }
        // a source is only read: opened read-only, an older schema migrated in a private copy, never in place
        try (Database db = Database.openReadOnly(other)) {
            return mergeFrom(db);
        }
    }

    public Result mergeFrom(Database other) {
        RowCheck.requireSound(other, other.file() + " was not merged", "Fix or remove those rows in " + other.file()
                + " and merge again. Nothing was written.");
        refuseDifferentCodes(other);
        List<Labeler> labelers = new LabelerRepository(other).all();
        List<LabelingSession> sessions = new LabelerRepository(other).sessions();
        List<Label> labels = new LabelRepository(other).all();
        refuseConflictingLabels(other, labelers, labels);
        return main.transaction(c -> {
            int[] added = new int[3];
            Map<Long, Labeler> labelerById = new HashMap<>();
            Map<Long, Long> labelerIds = new HashMap<>();
            for (Labeler l : labelers) {
                labelerById.put(l.id(), l);
                if (LabelerRepository.find(c, l.name()).isEmpty()) {
                    added[1]++;
                }
                labelerIds.put(l.id(), LabelerRepository.getOrCreate(c, l.name(), l.simulated()).id());
            }
            Map<Long, Long> sessionIds = new HashMap<>();
            for (LabelingSession s : sessions) {
                long labelerId = labelerIds.get(s.labelerId());
                Optional<Long> found = findSession(c, labelerId, s);
                if (found.isPresent()) {
                    sessionIds.put(s.id(), found.get());
                } else {
                    sessionIds.put(s.id(), LabelerRepository.startSession(c, labelerId, s.phoneModel(), s.scannerApp(),
                            s.displayMm(), s.appVersion(), s.startedAt()).id());
                    added[2]++;
                }
            }
            for (Label l : labels) {
                Label mapped = new Label(l.uuid(), l.codeId(), labelerIds.get(l.labelerId()),
                        l.sessionId() == null ? null : sessionIds.get(l.sessionId()), l.kind(), l.scanned(), l.reason(),
                        l.aesthetic(), l.shownAt(), l.scanMillis(), l.submittedAt(), l.flags(), l.supersedes());
                if (LabelRepository.insert(c, mapped)) {
                    added[0]++;
                }
            }
            return new Result(other.file(), added[0], labels.size() - added[0], added[1], added[2]);
        });
    }

    /** A uuid names one label version; the same uuid with other content means one side was altered. */
    private void refuseConflictingLabels(Database other, List<Labeler> otherLabelers, List<Label> otherLabels) {
        Map<Long, String> hereNames = new HashMap<>();
        new LabelerRepository(main).all().forEach(l -> hereNames.put(l.id(), l.name()));
        Map<Long, String> thereNames = new HashMap<>();
        otherLabelers.forEach(l -> thereNames.put(l.id(), l.name()));
        Map<String, Label> here = new HashMap<>();
        new LabelRepository(main).all().forEach(l -> here.put(l.uuid(), l));
        List<String> conflicts = new ArrayList<>();
        for (Label there : otherLabels) {
            Label mine = here.get(there.uuid());
            if (mine == null) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            differ(fields, "code", mine.codeId(), there.codeId());
            differ(fields, "labeler", hereNames.get(mine.labelerId()), thereNames.get(there.labelerId()));
            differ(fields, "kind", mine.kind(), there.kind());
            differ(fields, "scanned", mine.scanned(), there.scanned());
            differ(fields, "reason", mine.reason(), there.reason());
            differ(fields, "aesthetic", mine.aesthetic(), there.aesthetic());
            differ(fields, "shown_at", mine.shownAt(), there.shownAt());
            differ(fields, "scan_ms", mine.scanMillis(), there.scanMillis());
            differ(fields, "submitted_at", mine.submittedAt(), there.submittedAt());
            differ(fields, "flags", mine.flags(), there.flags());
            differ(fields, "supersedes", mine.supersedes(), there.supersedes());
            if (!fields.isEmpty()) {
                conflicts.add(there.uuid() + " (" + String.join(", ", fields) + ")");
            }
        }
        if (!conflicts.isEmpty()) {
            throw new StoreException(other.file() + " was not merged: label versions with the same uuid but different "
                    + "content in " + main.file().getFileName() + ": " + named(conflicts) + ". A label version never "
                    + "changes once written, so one of the two files was edited; keep the right one and remove the "
                    + "other version. Nothing was written.");
        }
    }

    private static void differ(List<String> out, String field, Object here, Object there) {
        if (!Objects.equals(here, there)) {
            out.add(field + " " + here + " here, " + there + " there");
        }
    }

    private void refuseDifferentCodes(Database other) {
        Map<String, String> here = codeHashes(main);
        Map<String, String> there = codeHashes(other);
        List<String> differing = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> e : there.entrySet()) {
            if (!here.containsKey(e.getKey())) {
                missing.add(e.getKey());
            } else if (!Objects.equals(here.get(e.getKey()), e.getValue())) {
                differing.add(e.getKey());
            }
        }
        if (differing.isEmpty() && missing.isEmpty()) {
            return;
        }
        StringBuilder m = new StringBuilder(other.file() + " was not merged: its codes do not match " + main.file());
        if (!differing.isEmpty()) {
            m.append("; same id, different image SHA-256: ").append(named(differing));
        }
        if (!missing.isEmpty()) {
            m.append("; not in ").append(main.file().getFileName()).append(": ").append(named(missing));
        }
        throw new StoreException(m.append(". Nothing was written.").toString());
    }

    private static String named(List<String> ids) {
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        String head = String.join(", ", sorted.subList(0, Math.min(MAX_NAMED, sorted.size())));
        return sorted.size() > MAX_NAMED ? head + " and " + (sorted.size() - MAX_NAMED) + " more" : head;
    }

    private static Map<String, String> codeHashes(Database db) {
        return db.read(c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, image_sha256 FROM code");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    private static Optional<Long> findSession(Connection c, long labelerId, LabelingSession s) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("""
                SELECT id FROM labeling_session WHERE labeler_id = ? AND started_at = ? AND phone_model IS ?
                ORDER BY id LIMIT 1""")) {
            q.setLong(1, labelerId);
            q.setString(2, s.startedAt().toString());
            q.setString(3, s.phoneModel());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }
}
