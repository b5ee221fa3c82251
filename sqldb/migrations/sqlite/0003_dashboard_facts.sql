-- What the dashboards count of each evaluation, on its own row (no join
-- to read it), written by the transaction that writes its latest revision
-- (and, for the 复核 tallies, its review scores), so that the aggregates
-- are SQL over the evaluations' rows, never a decode of every revision.
-- Exact integers on both engines (dashboard.ScorePlaces, RatePlaces):
-- scores and gaps in 10^-4 of a point, rates in 10^-10. facts_revision is
-- the revision the facts are of; 0 for evaluations stored before this
-- migration, which sqldb.Open fills in (backfillFacts).
ALTER TABLE evaluations ADD COLUMN facts_revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE evaluations ADD COLUMN self_score INTEGER NOT NULL DEFAULT 0;    -- the stated 总分, else the computed total
ALTER TABLE evaluations ADD COLUMN rate_known INTEGER NOT NULL DEFAULT 0;    -- 0 or 1
ALTER TABLE evaluations ADD COLUMN rate INTEGER NOT NULL DEFAULT 0;          -- the execution rate (a fraction); 0 when unknown
ALTER TABLE evaluations ADD COLUMN has_errors INTEGER NOT NULL DEFAULT 0;    -- 0 or 1: an error-level finding
ALTER TABLE evaluations ADD COLUMN dept_items INTEGER NOT NULL DEFAULT 0;    -- review scores the 主管部门 gave
ALTER TABLE evaluations ADD COLUMN dept_gap INTEGER NOT NULL DEFAULT 0;      -- Σ (its score − the unit's)
ALTER TABLE evaluations ADD COLUMN finance_items INTEGER NOT NULL DEFAULT 0; -- the same of the 财政复核
ALTER TABLE evaluations ADD COLUMN finance_gap INTEGER NOT NULL DEFAULT 0;

-- The finding codes of each evaluation's latest revision, one row a code.
CREATE TABLE evaluation_findings (
	evaluation_id INTEGER NOT NULL REFERENCES evaluations (id),
	code          TEXT NOT NULL,
	severity      TEXT NOT NULL, -- the least of the code's findings
	message       TEXT NOT NULL, -- the least in byte order, an example
	occurrences   INTEGER NOT NULL,
	PRIMARY KEY (evaluation_id, code)
);
