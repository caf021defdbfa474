package org.qartalign.store;

import org.qartalign.core.EvalResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Automated evaluation results, one per (code, evaluator, version). */
public final class EvalResultRepository {
    private static final String COLUMNS = """
            code_id, evaluator, version, scan_prob, decoded, aesthetic, details_json, run_id, created_at, image_sha256""";

    private final Database db;

    public EvalResultRepository(Database db) {
        this.db = db;
    }

    /** Stores results in one transaction, replacing an earlier result of the same code, evaluator and version. */
    public void save(List<EvalResult> results) {
        db.transaction(c -> {
            for (EvalResult r : results) {
                upsert(c, r);
            }
            return null;
        });
    }

    /** Stores one result (joining an open transaction), replacing an earlier one of the same code and version. */
    public void upsert(EvalResult r) {
        save(List.of(r));
    }

    static void upsert(Connection c, EvalResult r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO eval_result (" + COLUMNS + """
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(code_id, evaluator, version) DO UPDATE SET scan_prob = excluded.scan_prob,
                  decoded = excluded.decoded, aesthetic = excluded.aesthetic, details_json = excluded.details_json,
                  run_id = excluded.run_id, created_at = excluded.created_at, image_sha256 = excluded.image_sha256""")) {
            s.setString(1, r.codeId());
            s.setString(2, r.evaluator());
            s.setString(3, r.version());
            s.setObject(4, r.scanProb());
            s.setString(5, r.decoded());
            s.setObject(6, r.aesthetic());
            s.setString(7, r.details());
            s.setString(8, r.runId());
            s.setString(9, Times.text(r.createdAt() == null ? java.time.Instant.now() : r.createdAt()));
            s.setString(10, r.imageSha256());
            s.executeUpdate();
        }
    }

    /** Code ids already evaluated by this evaluator version for their current image (the cache). */
    public Set<String> cachedCodeIds(String evaluator, String version) {
        return db.read(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT e.code_id FROM eval_result e JOIN code k ON k.id = e.code_id
                    WHERE e.evaluator = ? AND e.version = ? AND e.image_sha256 IS k.image_sha256""")) {
                s.setString(1, evaluator);
                s.setString(2, version);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** Every result, oldest first. */
    public List<EvalResult> all() {
        return query("SELECT " + COLUMNS + " FROM eval_result ORDER BY id");
    }

    /**
     * The results of the newest version of each evaluator (by the most recent result written). The newest version
     * is found once per evaluator, not once per row: a correlated subquery took 2 s on 3,600 results.
     */
    public List<EvalResult> latest() {
        return query("""
                WITH newest (newest_evaluator, newest_version) AS (SELECT evaluator, version FROM (SELECT evaluator,
                  version, ROW_NUMBER() OVER (PARTITION BY evaluator ORDER BY created_at DESC, id DESC) AS rn
                  FROM eval_result) WHERE rn = 1)
                SELECT\s""" + COLUMNS + " " + """
                 FROM eval_result JOIN newest ON newest_evaluator = evaluator AND newest_version = version
                 ORDER BY evaluator, code_id""");
    }

    public List<EvalResult> forCode(String codeId) {
        return query("SELECT " + COLUMNS + " FROM eval_result WHERE code_id = ? ORDER BY evaluator, created_at", codeId);
    }

    private List<EvalResult> query(String sql, Object... args) {
        return db.list(sql, EvalResultRepository::map, args);
    }

    private static EvalResult map(ResultSet rs) throws SQLException {
        Object p = rs.getObject(4);
        Object a = rs.getObject(6);
        return new EvalResult(rs.getString(1), rs.getString(2), rs.getString(3),
                p == null ? null : ((Number) p).doubleValue(), rs.getString(5),
                a == null ? null : ((Number) a).doubleValue(), rs.getString(7), rs.getString(8),
                Times.parse(rs.getString(9)), rs.getString(10));
    }
}
