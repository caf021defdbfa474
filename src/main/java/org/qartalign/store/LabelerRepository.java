package org.qartalign.store;

import org.qartalign.core.Labeler;
import org.qartalign.core.LabelingSession;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Labelers and their labeling sessions. */
public final class LabelerRepository {
    private final Database db;

    public LabelerRepository(Database db) {
        this.db = db;
    }

    public Labeler getOrCreate(String name, boolean simulated) {
        return db.transaction(c -> getOrCreate(c, name, simulated));
    }

    static Labeler getOrCreate(Connection c, String name, boolean simulated) throws SQLException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("labeler name is empty");
        }
        Optional<Labeler> existing = find(c, name.trim());
        if (existing.isPresent()) {
            return existing.get();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO labeler (name, simulated) VALUES (?, ?)")) {
            s.setString(1, name.trim());
            s.setInt(2, simulated ? 1 : 0);
            s.executeUpdate();
        }
        return find(c, name.trim()).orElseThrow();
    }

    static Optional<Labeler> find(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, name, simulated FROM labeler WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Labeler(rs.getLong(1), rs.getString(2), rs.getInt(3) == 1))
                        : Optional.empty();
            }
        }
    }

    public List<Labeler> all() {
        return db.read(c -> {
            List<Labeler> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, name, simulated FROM labeler ORDER BY name");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Labeler(rs.getLong(1), rs.getString(2), rs.getInt(3) == 1));
                }
            }
            return out;
        });
    }

    public LabelingSession startSession(long labelerId, String phone, String app, double displayMm, String appVersion) {
        return db.transaction(c -> startSession(c, labelerId, phone, app, displayMm, appVersion, Instant.now()));
    }

    /** Starts a session at a given time (imports keep the time of the labels); joins an open transaction. */
    public LabelingSession startSession(long labelerId, String phone, String app, double displayMm, String appVersion,
                                        Instant at) {
        return db.transaction(c -> startSession(c, labelerId, phone, app, displayMm, appVersion, at));
    }

    static LabelingSession startSession(Connection c, long labelerId, String phone, String app, double displayMm,
                                               String appVersion, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO labeling_session (labeler_id, phone_model, scanner_app, display_mm, app_version, started_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            s.setLong(1, labelerId);
            s.setString(2, phone);
            s.setString(3, app);
            s.setDouble(4, displayMm);
            s.setString(5, appVersion);
            s.setString(6, at.toString());
            s.executeUpdate();
        }
        long id;
        try (PreparedStatement s = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        return new LabelingSession(id, labelerId, phone, app, displayMm, appVersion, at);
    }

    /** The most recent session of this labeler, to prefill the start form. */
    public Optional<LabelingSession> lastSession(long labelerId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT id, labeler_id, phone_model, scanner_app, display_mm, app_version, started_at
                    FROM labeling_session WHERE labeler_id = ? ORDER BY id DESC LIMIT 1""")) {
                s.setLong(1, labelerId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(mapSession(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<LabelingSession> sessions() {
        return db.read(c -> {
            List<LabelingSession> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT id, labeler_id, phone_model, scanner_app, display_mm, app_version, started_at
                    FROM labeling_session ORDER BY id""");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(mapSession(rs));
                }
            }
            return out;
        });
    }

    private static LabelingSession mapSession(ResultSet rs) throws SQLException {
        return new LabelingSession(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getDouble(5),
                rs.getString(6), Times.parse(rs.getString(7)));
    }
}
