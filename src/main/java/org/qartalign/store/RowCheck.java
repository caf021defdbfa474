package org.qartalign.store;

import org.qartalign.core.FailureReason;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every stored row against what the schema promises (its CHECK constraints, column types, parseable times,
 * foreign keys), so a hand-edited or foreign-written database is refused with its rows named before anyone reads
 * a wrong value from it or copies it elsewhere.
 */
public final class RowCheck {
    /** Problems named before the rest are summarised as a count. */
    static final int MAX_NAMED = 20;
    private static final Set<String> KINDS = Set.of("answer", "skip", "flag", "retract");

    private RowCheck() {
    }

    /** Throws a {@link StoreException} naming the bad rows; {@code what} starts the message, {@code after} ends it. */
    public static void requireSound(Database db, String what, String after) {
        List<String> problems = problems(db);
        if (problems.isEmpty()) {
            return;
        }
        List<String> named = problems.subList(0, Math.min(MAX_NAMED, problems.size()));
        String more = problems.size() > MAX_NAMED ? "; and " + (problems.size() - MAX_NAMED) + " more" : "";
        throw new StoreException(what + ": " + problems.size() + " stored row(s) break the schema's rules: "
                + String.join("; ", named) + more + ". " + after);
    }

    /** Every problem found, in table order; empty for a sound database. */
    public static List<String> problems(Database db) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            foreignKeys(c, out);
            labels(c, out);
            sessions(c, out);
            evals(c, out);
            return out;
        });
    }

    private static void foreignKeys(Connection c, List<String> out) throws SQLException {
        Map<String, Map<Integer, String>> columns = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("PRAGMA foreign_key_check"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String table = rs.getString(1);
                long rowid = rs.getLong(2);
                String parent = rs.getString(3);
                int fk = rs.getInt(4);
                String column = columns.computeIfAbsent(table, t -> fkColumns(c, t)).getOrDefault(fk, "a column");
                out.add(rowName(c, table, rowid) + ": " + column + " " + value(c, table, column, rowid)
                        + " points at no " + parent);
            }
        }
    }

    private static Map<Integer, String> fkColumns(Connection c, String table) {
        Map<Integer, String> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, \"from\" FROM pragma_foreign_key_list(?)")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the foreign keys of " + table + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static String value(Connection c, String table, String column, long rowid) throws SQLException {
        if (!column.matches("[a-z_]+") || !table.matches("[a-z_]+")) {
            return "";
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE rowid = ?")) {
            s.setLong(1, rowid);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? String.valueOf(rs.getObject(1)) : "";
            }
        }
    }

    private static String rowName(Connection c, String table, long rowid) throws SQLException {
        if (table.equals("label")) {
            try (PreparedStatement s = c.prepareStatement("SELECT uuid FROM label WHERE rowid = ?")) {
                s.setLong(1, rowid);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return "label " + rs.getString(1);
                    }
                }
            }
        }
        return table + " row " + rowid;
    }

    private static void labels(Connection c, List<String> out) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT uuid, labeler_id, session_id, kind, scanned, reason, aesthetic, shown_at, scan_ms, submitted_at,
                       code_id FROM label ORDER BY rowid""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String where = "label " + rs.getString(1);
                whole(out, where, "labeler_id", rs.getObject(2), false, Long.MIN_VALUE, Long.MAX_VALUE);
                whole(out, where, "session_id", rs.getObject(3), true, Long.MIN_VALUE, Long.MAX_VALUE);
                Object kind = rs.getObject(4);
                if (!(kind instanceof String k) || !KINDS.contains(k)) {
                    out.add(where + ": kind is '" + kind + "', expected one of answer, skip, flag, retract");
                }
                whole(out, where, "scanned", rs.getObject(5), true, 0, 1);
                Object reason = rs.getObject(6);
                if (reason != null) {
                    try {
                        FailureReason.parse(String.valueOf(reason));
                    } catch (IllegalArgumentException e) {
                        out.add(where + ": reason is '" + reason + "' (" + e.getMessage() + ")");
                    }
                }
                whole(out, where, "aesthetic", rs.getObject(7), true, 1, 5);
                time(out, where, "shown_at", rs.getObject(8), true);
                whole(out, where, "scan_ms", rs.getObject(9), true, 0, Long.MAX_VALUE);
                time(out, where, "submitted_at", rs.getObject(10), false);
                if (!(rs.getObject(11) instanceof String)) {
                    out.add(where + ": code_id is " + rs.getObject(11) + ", expected a code id");
                }
            }
        }
    }

    private static void sessions(Connection c, List<String> out) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, labeler_id, display_mm, started_at FROM labeling_session ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String where = "labeling_session " + rs.getObject(1);
                whole(out, where, "labeler_id", rs.getObject(2), false, Long.MIN_VALUE, Long.MAX_VALUE);
                Object mm = rs.getObject(3);
                if (mm != null && !(mm instanceof Number)) {
                    out.add(where + ": display_mm is '" + mm + "', expected a number");
                }
                time(out, where, "started_at", rs.getObject(4), false);
            }
        }
    }

    private static void evals(Connection c, List<String> out) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT code_id, evaluator, version, scan_prob, aesthetic, created_at FROM eval_result ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String where = "eval_result of " + rs.getString(1) + " by " + rs.getString(2) + " " + rs.getString(3);
                Object p = rs.getObject(4);
                if (p != null && (!(p instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() <= 1))) {
                    out.add(where + ": scan_prob is " + quoted(p) + ", expected a number 0-1");
                }
                Object a = rs.getObject(5);
                if (a != null && (!(a instanceof Number n) || !Double.isFinite(n.doubleValue()))) {
                    out.add(where + ": aesthetic is " + quoted(a) + ", expected a number");
                }
                time(out, where, "created_at", rs.getObject(6), false);
            }
        }
    }

    private static void whole(List<String> out, String where, String column, Object v, boolean nullable,
                              long min, long max) {
        if (v == null) {
            if (!nullable) {
                out.add(where + ": " + column + " is empty");
            }
            return;
        }
        if (!(v instanceof Integer || v instanceof Long)) {
            out.add(where + ": " + column + " is " + quoted(v) + ", expected a whole number");
            return;
        }
        long n = ((Number) v).longValue();
        if (n < min || n > max) {
            out.add(where + ": " + column + " is " + n + ", expected " + (min == 0 && max == 1 ? "0 or 1"
                    : max == Long.MAX_VALUE ? "at least " + min : "a whole number " + min + "-" + max));
        }
    }

    private static void time(List<String> out, String where, String column, Object v, boolean nullable) {
        if (v == null) {
            if (!nullable) {
                out.add(where + ": " + column + " is empty");
            }
            return;
        }
        try {
            Instant.parse(String.valueOf(v));
        } catch (DateTimeParseException e) {
            out.add(where + ": " + column + " is '" + v + "', expected an ISO-8601 UTC time like 2026-06-01T10:00:00Z");
        }
    }

    private static String quoted(Object v) {
        return v instanceof String ? "'" + v + "'" : String.valueOf(v);
    }
}
