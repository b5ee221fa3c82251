-- The durable job queue and intake (docs/system.md, 批量收件). A job is
-- queued, then running under a worker's lease until it is done or failed;
-- a running job whose lease has run out is taken up by another worker.

CREATE TABLE jobs (
	id          INTEGER PRIMARY KEY,
	kind        TEXT NOT NULL,
	ref_id      INTEGER NOT NULL,
	state       TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
	attempts    INTEGER NOT NULL DEFAULT 0,
	worker      TEXT NOT NULL DEFAULT '',
	lease_until TEXT,
	last_error  TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);
CREATE INDEX jobs_ready ON jobs (kind, state, id);
CREATE INDEX jobs_ref ON jobs (kind, ref_id);

CREATE TABLE intakes (
	id           INTEGER PRIMARY KEY,
	org_id       INTEGER NOT NULL REFERENCES organisations (id),
	name         TEXT NOT NULL,
	year         INTEGER NOT NULL,
	created_by   INTEGER NOT NULL,
	created_name TEXT NOT NULL,
	created_at   TEXT NOT NULL
);

CREATE TABLE intake_items (
	id             INTEGER PRIMARY KEY,
	intake_id      INTEGER NOT NULL REFERENCES intakes (id),
	seq            INTEGER NOT NULL,
	name           TEXT NOT NULL,
	source_hash    TEXT REFERENCES sources (hash),
	size           INTEGER NOT NULL,
	state          TEXT NOT NULL,
	error          TEXT NOT NULL DEFAULT '',
	unit_id        INTEGER REFERENCES organisations (id),
	unit_name      TEXT NOT NULL DEFAULT '',
	year           INTEGER NOT NULL DEFAULT 0,
	evaluation_ids TEXT NOT NULL DEFAULT '',
	updated_at     TEXT NOT NULL,
	UNIQUE (intake_id, seq)
);
CREATE INDEX intake_items_state ON intake_items (intake_id, state);
CREATE INDEX intake_items_hash ON intake_items (source_hash);
CREATE INDEX evaluations_source ON evaluations (source_hash);
