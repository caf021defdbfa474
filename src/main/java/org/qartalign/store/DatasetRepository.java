package org.qartalign.store;

import org.qartalign.core.CodeWithPair;
import org.qartalign.core.GeneratedCode;
import org.qartalign.core.PromptUrlPair;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Prompt-URL pairs and their generated codes. */
public final class DatasetRepository {
    private static final String SELECT_CODES = """
            SELECT c.id, c.pair_id, c.image_path, c.image_sha256, c.params_json, p.prompt, p.url
            FROM code c JOIN pair p ON p.id = c.pair_id""";

    private final Database db;

    public DatasetRepository(Database db) {
        this.db = db;
    }

    /** The id of the pair with this prompt and URL, creating it if new (joining an open transaction). */
    public long pairId(String prompt, String url) {
        return db.transaction(c -> pairId(c, prompt, url));
    }

    /** Inserts a code (joining an open transaction). */
    public void insertCode(GeneratedCode code) {
        db.transaction(c -> {
            insertCode(c, code);
            return null;
        });
    }

    /** The id of the pair with this prompt and URL, creating it inside the caller's transaction if new. */
    static long pairId(Connection c, String prompt, String url) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM pair WHERE prompt = ? AND url = ?")) {
            s.setString(1, prompt);
            s.setString(2, url);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO pair (prompt, url) VALUES (?, ?)")) {
            s.setString(1, prompt);
            s.setString(2, url);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Inserts a code inside the caller's transaction. */
    static void insertCode(Connection c, GeneratedCode code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO code (id, pair_id, image_path, image_sha256, params_json, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, code.id());
            s.setLong(2, code.pairId());
            s.setString(3, code.imagePath());
            s.setString(4, code.sha256());
            s.setString(5, Json.write(code.params()));
            s.setString(6, Instant.now().toString());
            s.executeUpdate();
        }
    }

    static Optional<CodeWithPair> find(Connection c, String codeId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_CODES + " WHERE c.id = ?")) {
            s.setString(1, codeId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    public Optional<CodeWithPair> find(String codeId) {
        return db.read(c -> find(c, codeId));
    }

    /** Every code with its pair, ordered by code id. */
    public List<CodeWithPair> codes() {
        return db.read(c -> {
            List<CodeWithPair> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(SELECT_CODES + " ORDER BY c.id");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        });
    }

    /** Every code id, ordered. */
    public List<String> codeIds() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM code ORDER BY id");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    public int countCodes() {
        return count("SELECT count(*) FROM code");
    }

    public int countPairs() {
        return count("SELECT count(*) FROM pair");
    }

    private int count(String sql) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static CodeWithPair map(ResultSet rs) throws SQLException {
        long pairId = rs.getLong(2);
        GeneratedCode code = new GeneratedCode(rs.getString(1), pairId, rs.getString(3), rs.getString(4),
                Json.readMap(rs.getString(5)));
        return new CodeWithPair(code, new PromptUrlPair(pairId, rs.getString(6), rs.getString(7)));
    }
}
