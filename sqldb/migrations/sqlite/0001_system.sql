-- The system of record. Money, rates and scores are TEXT holding exact
-- decimals (never REAL); times are TEXT in UTC, RFC 3339 with microseconds.

CREATE TABLE organisations (
	id         INTEGER PRIMARY KEY,
	code       TEXT NOT NULL UNIQUE,
	name       TEXT NOT NULL,
	kind       TEXT NOT NULL CHECK (kind IN ('finance', 'department', 'unit')),
	parent_id  INTEGER REFERENCES organisations (id),
	path       TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX organisations_path ON organisations (path);

CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	login         TEXT NOT NULL UNIQUE,
	name          TEXT NOT NULL,
	org_id        INTEGER NOT NULL REFERENCES organisations (id),
	roles         TEXT NOT NULL,
	disabled      INTEGER NOT NULL DEFAULT 0,
	password_hash TEXT NOT NULL,
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL
);
CREATE INDEX users_org ON users (org_id);

CREATE TABLE tasks (
	id         INTEGER PRIMARY KEY,
	org_id     INTEGER NOT NULL REFERENCES organisations (id),
	name       TEXT NOT NULL,
	year       INTEGER NOT NULL,
	kinds      TEXT NOT NULL,
	deadline   TEXT NOT NULL,
	rule_set   TEXT NOT NULL,
	created_by INTEGER NOT NULL,
	created_at TEXT NOT NULL
);

CREATE TABLE task_units (
	task_id INTEGER NOT NULL REFERENCES tasks (id),
	unit_id INTEGER NOT NULL REFERENCES organisations (id),
	PRIMARY KEY (task_id, unit_id)
);
CREATE INDEX task_units_unit ON task_units (unit_id);

CREATE TABLE sources (
	hash        TEXT PRIMARY KEY,
	name        TEXT NOT NULL,
	format      TEXT NOT NULL,
	size        INTEGER NOT NULL,
	content     BLOB NOT NULL,
	uploaded_by INTEGER NOT NULL,
	created_at  TEXT NOT NULL
);

CREATE TABLE evaluations (
	id           INTEGER PRIMARY KEY,
	task_id      INTEGER REFERENCES tasks (id),
	unit_id      INTEGER NOT NULL REFERENCES organisations (id),
	year         INTEGER NOT NULL,
	kind         TEXT NOT NULL,
	project_code TEXT NOT NULL DEFAULT '',
	title        TEXT NOT NULL,
	rule_set     TEXT NOT NULL,
	status       TEXT NOT NULL,
	version      INTEGER NOT NULL,
	revision     INTEGER NOT NULL,
	source_hash  TEXT REFERENCES sources (hash),
	score_total  TEXT NOT NULL,
	grade        TEXT NOT NULL,
	errors       INTEGER NOT NULL,
	warnings     INTEGER NOT NULL,
	created_by   INTEGER NOT NULL,
	updated_by   INTEGER NOT NULL,
	updated_name TEXT NOT NULL,
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL,
	submitted_at TEXT,
	published_at TEXT,
	UNIQUE (unit_id, year, kind, project_code)
);
CREATE INDEX evaluations_status ON evaluations (status, year);

CREATE TABLE revisions (
	id            INTEGER PRIMARY KEY,
	evaluation_id INTEGER NOT NULL REFERENCES evaluations (id),
	number        INTEGER NOT NULL,
	version       INTEGER NOT NULL,
	user_id       INTEGER NOT NULL,
	user_name     TEXT NOT NULL,
	note          TEXT NOT NULL,
	changes       TEXT NOT NULL,
	content       TEXT NOT NULL,
	provenance    TEXT NOT NULL,
	score_total   TEXT NOT NULL,
	scores        TEXT NOT NULL,
	findings      TEXT NOT NULL,
	created_at    TEXT NOT NULL,
	UNIQUE (evaluation_id, number)
);

CREATE TABLE transitions (
	id            INTEGER PRIMARY KEY,
	evaluation_id INTEGER NOT NULL REFERENCES evaluations (id),
	from_status   TEXT NOT NULL,
	to_status     TEXT NOT NULL,
	action        TEXT NOT NULL,
	user_id       INTEGER NOT NULL,
	user_name     TEXT NOT NULL,
	reason        TEXT NOT NULL,
	version       INTEGER NOT NULL,
	created_at    TEXT NOT NULL
);
CREATE INDEX transitions_evaluation ON transitions (evaluation_id);

CREATE TABLE comments (
	id            INTEGER PRIMARY KEY,
	evaluation_id INTEGER NOT NULL REFERENCES evaluations (id),
	transition_id INTEGER REFERENCES transitions (id),
	revision      INTEGER NOT NULL,
	path          TEXT NOT NULL,
	body          TEXT NOT NULL,
	user_id       INTEGER NOT NULL,
	user_name     TEXT NOT NULL,
	resolved      INTEGER NOT NULL DEFAULT 0,
	created_at    TEXT NOT NULL
);
CREATE INDEX comments_evaluation ON comments (evaluation_id);

CREATE TABLE review_scores (
	id            INTEGER PRIMARY KEY,
	evaluation_id INTEGER NOT NULL REFERENCES evaluations (id),
	stage         TEXT NOT NULL,
	path          TEXT NOT NULL,
	item          TEXT NOT NULL,
	unit_score    TEXT NOT NULL,
	score         TEXT NOT NULL,
	reason        TEXT NOT NULL,
	user_id       INTEGER NOT NULL,
	user_name     TEXT NOT NULL,
	version       INTEGER NOT NULL,
	created_at    TEXT NOT NULL,
	UNIQUE (evaluation_id, stage, path)
);

CREATE TABLE sessions (
	id         INTEGER PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	user_id    INTEGER NOT NULL REFERENCES users (id),
	address    TEXT NOT NULL,
	user_agent TEXT NOT NULL,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL,
	seen_at    TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
	id           INTEGER PRIMARY KEY,
	user_id      INTEGER NOT NULL REFERENCES users (id),
	name         TEXT NOT NULL,
	token_hash   TEXT NOT NULL UNIQUE,
	prefix       TEXT NOT NULL,
	created_at   TEXT NOT NULL,
	expires_at   TEXT,
	last_used_at TEXT,
	revoked      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE audit_log (
	seq       INTEGER PRIMARY KEY,
	time      TEXT NOT NULL,
	user_id   INTEGER NOT NULL,
	user_name TEXT NOT NULL,
	action    TEXT NOT NULL,
	object    TEXT NOT NULL,
	detail    TEXT NOT NULL,
	address   TEXT NOT NULL,
	prev_hash TEXT NOT NULL,
	hash      TEXT NOT NULL
);

-- The head of the chain, so that cutting entries off the end is seen.
CREATE TABLE audit_head (
	id   INTEGER PRIMARY KEY CHECK (id = 1),
	seq  INTEGER NOT NULL,
	hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');

-- Append-only: the application never updates or deletes an entry.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
