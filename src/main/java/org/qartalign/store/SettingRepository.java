package org.qartalign.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;

/** Small key-value settings kept in the database (last labeler, display size, ...). */
public final class SettingRepository {
    private final Database db;

    public SettingRepository(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM setting WHERE key = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void put(String key, String value) {
        putAll(Map.of(key, value));
    }

    /** Stores several settings in one transaction, so a policy is never half saved. */
    public void putAll(Map<String, String> values) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                for (Map.Entry<String, String> e : values.entrySet()) {
                    s.setString(1, e.getKey());
                    s.setString(2, e.getValue());
                    s.executeUpdate();
                }
            }
            return null;
        });
    }
}
