-- What the dashboards count of each evaluation, written by the transaction
-- that writes its latest revision (and, for the 复核 tallies, its review
-- scores), so that the aggregates are SQL over narrow rows, never a decode
-- of every revision. Exact integers on both engines (dashboard.ScorePlaces,
-- dashboard.RatePlaces): scores and gaps in 10^-4 of a point, rates in
-- 10^-10. Rows of evaluations stored before this migration are filled in by
-- sqldb.Open (backfillFacts).
CREATE TABLE evaluation_facts (
	evaluation_id BIGINT PRIMARY KEY REFERENCES evaluations (id),
	revision      BIGINT NOT NULL,
	self_score    BIGINT NOT NULL, -- the stated 总分, else the computed total
	rate_known    BIGINT NOT NULL, -- 0 or 1
	rate          BIGINT NOT NULL, -- the execution rate (a fraction); 0 when unknown
	has_errors    BIGINT NOT NULL, -- 0 or 1: an error-level finding
	dept_items    BIGINT NOT NULL DEFAULT 0, -- review scores the 主管部门 gave
	dept_gap      BIGINT NOT NULL DEFAULT 0, -- Σ (its score − the unit's)
	finance_items BIGINT NOT NULL DEFAULT 0, -- the same of the 财政复核
	finance_gap   BIGINT NOT NULL DEFAULT 0
);

-- The finding codes of each evaluation's latest revision, one row a code.
CREATE TABLE evaluation_findings (
	evaluation_id BIGINT NOT NULL REFERENCES evaluations (id),
	code          TEXT NOT NULL,
	severity      TEXT NOT NULL, -- the least of the code's findings
	message       TEXT NOT NULL, -- the least in byte order, an example
	occurrences   BIGINT NOT NULL,
	PRIMARY KEY (evaluation_id, code)
);
CREATE INDEX evaluation_findings_code ON evaluation_findings (code);
