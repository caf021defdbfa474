package org.qartalign.store;

import org.qartalign.core.FailureReason;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Label versions. Rows are only ever inserted; the current answer of a chain is its head, the version that
 * no other version supersedes. A head of kind RETRACT means the answer was undone.
 */
public final class LabelRepository {
    private static final String COLUMNS = """
            uuid, code_id, labeler_id, session_id, kind, scanned, reason, aesthetic, shown_at, scan_ms,
            submitted_at, flags, supersedes""";
    private static final String HEADS = "SELECT " + COLUMNS + " FROM label l"
            + " WHERE NOT EXISTS (SELECT 1 FROM label x WHERE x.supersedes = l.uuid)";

    private final Database db;

    public LabelRepository(Database db) {
        this.db = db;
    }

    /** Stores one label version durably (its own transaction, synchronous=FULL) before returning. */
    public void append(Label label) {
        db.transaction(c -> {
            insert(c, label);
            return null;
        });
    }

    /** Inserts a version (joining an open {@link Database#inTransaction}); an existing uuid is left as it is. */
    public boolean insert(Label label) {
        return db.transaction(c -> insert(c, label));
    }

    /** Inserts a version inside the caller's transaction; an existing uuid is left as it is (idempotent). */
    static boolean insert(Connection c, Label l) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM label WHERE uuid = ?")) {
            s.setString(1, l.uuid());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        // a plain INSERT: a row that breaks a CHECK constraint fails loudly instead of being skipped as "present"
        try (PreparedStatement s = c.prepareStatement("INSERT INTO label (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, l.uuid());
            s.setString(2, l.codeId());
            s.setLong(3, l.labelerId());
            s.setObject(4, l.sessionId());
            s.setString(5, l.kind().key());
            s.setObject(6, l.scanned() == null ? null : (l.scanned() ? 1 : 0));
            s.setString(7, l.reason() == null ? null : l.reason().key());
            s.setObject(8, l.aesthetic());
            s.setString(9, Times.text(l.shownAt()));
            s.setObject(10, l.scanMillis());
            s.setString(11, Times.text(l.submittedAt()));
            s.setString(12, l.flags() == null ? "" : l.flags());
            s.setString(13, l.supersedes());
            return s.executeUpdate() == 1;
        }
    }

    /** Every version this labeler wrote for this code, oldest first. */
    public List<Label> history(String codeId, long labelerId) {
        return query("SELECT " + COLUMNS + " FROM label WHERE code_id = ? AND labeler_id = ? ORDER BY submitted_at, rowid",
                codeId, labelerId);
    }

    /** Every version for this code by anyone, oldest first. */
    public List<Label> history(String codeId) {
        return query("SELECT " + COLUMNS + " FROM label WHERE code_id = ? ORDER BY submitted_at, rowid", codeId);
    }

    /** The head of every chain (current answers, skips, flags and retractions), oldest first. */
    public List<Label> heads() {
        return query(HEADS + " ORDER BY submitted_at, rowid");
    }

    /** The heads of one labeler's chains, oldest first. */
    public List<Label> heads(long labelerId) {
        return query(HEADS + " AND l.labeler_id = ? ORDER BY submitted_at, rowid", labelerId);
    }

    /** Every version, in insertion order (for export and merge). */
    public List<Label> all() {
        return query("SELECT " + COLUMNS + " FROM label ORDER BY rowid");
    }

    /**
     * Per code, how many human labelers other than {@code labelerId} have a complete current answer (re-tests and
     * simulated labelers left out): what the overlap policy compares with its targets.
     */
    public java.util.Map<String, Integer> finishedByOthers(long labelerId) {
        return db.read(c -> {
            java.util.Map<String, Integer> out = new java.util.HashMap<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT l.code_id, count(DISTINCT l.labeler_id) FROM label l JOIN labeler p ON p.id = l.labeler_id
                    WHERE l.labeler_id <> ? AND p.simulated = 0 AND l.kind = 'answer' AND l.scanned IS NOT NULL
                      AND l.aesthetic IS NOT NULL AND (',' || l.flags || ',') NOT LIKE '%,retest,%'
                      AND NOT EXISTS (SELECT 1 FROM label x WHERE x.supersedes = l.uuid)
                    GROUP BY l.code_id""")) {
                s.setLong(1, labelerId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return out;
        });
    }

    public int count() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM label"); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private List<Label> query(String sql, Object... args) {
        return db.list(sql, LabelRepository::map, args);
    }

    /** A hand-edited row that breaks the schema's rules is named, with what to do, instead of failing deep inside. */
    static Label map(ResultSet rs) throws SQLException {
        try {
            return mapRow(rs);
        } catch (RuntimeException e) {
            throw new StoreException("label " + rs.getString(1) + " is not a valid stored label (" + e.getMessage()
                    + "); fix the row or restore a safety copy (`restore --list`)", e);
        }
    }

    private static Label mapRow(ResultSet rs) throws SQLException {
        Object scanned = rs.getObject(6);
        Object aesthetic = rs.getObject(8);
        Object scanMs = rs.getObject(10);
        Object session = rs.getObject(4);
        return new Label(rs.getString(1), rs.getString(2), rs.getLong(3),
                session == null ? null : ((Number) session).longValue(),
                LabelKind.parse(rs.getString(5)),
                scanned == null ? null : ((Number) scanned).intValue() == 1,
                FailureReason.parse(rs.getString(7)),
                aesthetic == null ? null : ((Number) aesthetic).intValue(),
                Times.parse(rs.getString(9)),
                scanMs == null ? null : ((Number) scanMs).longValue(),
                Times.parse(rs.getString(11)), rs.getString(12), rs.getString(13));
    }
}
