package org.qartalign.store;

import java.util.List;

/** The schema as an append-only list of migrations; migration i takes user_version i to i + 1. */
final class Schema {
    private Schema() {
    }

    static final List<String> MIGRATIONS = List.of(
            """
            CREATE TABLE pair (
              id INTEGER PRIMARY KEY,
              prompt TEXT NOT NULL,
              url TEXT NOT NULL,
              UNIQUE (prompt, url)
            );
            CREATE TABLE code (
              id TEXT PRIMARY KEY,
              pair_id INTEGER NOT NULL REFERENCES pair(id),
              image_path TEXT NOT NULL,
              image_sha256 TEXT,
              params_json TEXT NOT NULL DEFAULT '{}',
              created_at TEXT NOT NULL
            );
            CREATE INDEX code_pair ON code(pair_id);
            CREATE TABLE labeler (
              id INTEGER PRIMARY KEY,
              name TEXT NOT NULL UNIQUE,
              simulated INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE labeling_session (
              id INTEGER PRIMARY KEY,
              labeler_id INTEGER NOT NULL REFERENCES labeler(id),
              phone_model TEXT,
              scanner_app TEXT,
              display_mm REAL,
              app_version TEXT,
              started_at TEXT NOT NULL
            );
            CREATE TABLE label (
              uuid TEXT PRIMARY KEY,
              code_id TEXT NOT NULL REFERENCES code(id),
              labeler_id INTEGER NOT NULL REFERENCES labeler(id),
              session_id INTEGER REFERENCES labeling_session(id),
              kind TEXT NOT NULL CHECK (kind IN ('answer', 'skip', 'flag', 'retract')),
              scanned INTEGER CHECK (scanned IN (0, 1)),
              reason TEXT,
              aesthetic INTEGER CHECK (aesthetic BETWEEN 1 AND 5),
              shown_at TEXT,
              scan_ms INTEGER,
              submitted_at TEXT NOT NULL,
              flags TEXT NOT NULL DEFAULT '',
              supersedes TEXT REFERENCES label(uuid)
            );
            CREATE INDEX label_code ON label(code_id);
            CREATE INDEX label_labeler ON label(labeler_id, code_id);
            CREATE INDEX label_supersedes ON label(supersedes);
            CREATE TABLE eval_result (
              id INTEGER PRIMARY KEY,
              code_id TEXT NOT NULL REFERENCES code(id),
              evaluator TEXT NOT NULL,
              version TEXT NOT NULL,
              image_sha256 TEXT,
              scan_prob REAL,
              decoded TEXT,
              aesthetic REAL,
              details_json TEXT,
              run_id TEXT,
              created_at TEXT NOT NULL,
              UNIQUE (code_id, evaluator, version)
            );
            CREATE INDEX eval_cache ON eval_result(image_sha256, evaluator, version)
            """,
            """
            CREATE TABLE setting (
              key TEXT PRIMARY KEY,
              value TEXT NOT NULL
            );
            CREATE INDEX eval_by_evaluator ON eval_result(evaluator, version, created_at)
            """);
}
