-- The units' and departments' dashboards summed each evaluation of the
-- selection (100,000 rows at a province); they sum these rows instead, one
-- per unit, year, kind, task and status (a unit's projects of a year in
-- one row), kept by triggers in the transaction that changes an
-- evaluation, so that no write path can forget them. Every filter of a
-- dashboard but the project code, and the visibility of an evaluation
-- (its unit and status), are columns of the key; sqldb aggregator.units
-- reads them, and its test compares them with dashboard.Compute.
-- The inflated condition is dashboard.InflatedSQL's (a test checks it).
CREATE TABLE dashboard_unit_sums (
	unit_id  BIGINT NOT NULL,
	year     BIGINT NOT NULL,
	kind     TEXT NOT NULL,
	task_id  BIGINT NOT NULL, -- 0: none
	status   TEXT NOT NULL,
	n        BIGINT NOT NULL, -- evaluations
	rk       BIGINT NOT NULL, -- with a known execution rate
	he       BIGINT NOT NULL, -- with an error-level finding
	inf      BIGINT NOT NULL, -- inflated
	rvn      BIGINT NOT NULL, -- with a review score
	s        BIGINT NOT NULL, -- Σ self-score
	r        BIGINT NOT NULL, -- Σ rate of those with one
	g        BIGINT NOT NULL, -- Σ review gap of those with a review score
	PRIMARY KEY (unit_id, year, kind, task_id, status)
);

-- The distributions and grades sum these rows the same way: the unit
-- sums' key with the score band, the rate band (-1: no rate) and the
-- grade of dashboard.ScoreBandSQL, RateBandSQL (a test checks them).
CREATE TABLE dashboard_band_sums (
	unit_id  BIGINT NOT NULL,
	year     BIGINT NOT NULL,
	kind     TEXT NOT NULL,
	task_id  BIGINT NOT NULL,
	status   TEXT NOT NULL,
	sb       BIGINT NOT NULL,
	rb       BIGINT NOT NULL,
	grade    TEXT NOT NULL,
	n        BIGINT NOT NULL,
	s        BIGINT NOT NULL, -- Σ self-score
	r        BIGINT NOT NULL, -- Σ rate (0 where none)
	inf      BIGINT NOT NULL,
	PRIMARY KEY (unit_id, year, kind, task_id, status, sb, rb, grade)
);

CREATE FUNCTION dashboard_unit_sums_add(e evaluations, sign BIGINT) RETURNS void AS $$
BEGIN
	INSERT INTO dashboard_unit_sums AS x (unit_id, year, kind, task_id, status, n, rk, he, inf, rvn, s, r, g)
	VALUES (e.unit_id, e.year, e.kind, COALESCE(e.task_id, 0), e.status, sign, sign * e.rate_known, sign * e.has_errors,
		sign * CASE WHEN (e.rate_known = 1 AND e.self_score >= 900000 AND e.rate < 8000000000) THEN 1 ELSE 0 END,
		sign * CASE WHEN e.finance_items > 0 OR e.dept_items > 0 THEN 1 ELSE 0 END,
		sign * e.self_score, sign * CASE WHEN e.rate_known = 1 THEN e.rate ELSE 0 END,
		sign * CASE WHEN e.finance_items > 0 THEN e.finance_gap WHEN e.dept_items > 0 THEN e.dept_gap ELSE 0 END)
	ON CONFLICT (unit_id, year, kind, task_id, status) DO UPDATE SET n = x.n + excluded.n, rk = x.rk + excluded.rk,
		he = x.he + excluded.he, inf = x.inf + excluded.inf, rvn = x.rvn + excluded.rvn, s = x.s + excluded.s,
		r = x.r + excluded.r, g = x.g + excluded.g;
	INSERT INTO dashboard_band_sums AS x (unit_id, year, kind, task_id, status, sb, rb, grade, n, s, r, inf)
	VALUES (e.unit_id, e.year, e.kind, COALESCE(e.task_id, 0), e.status, CASE WHEN e.self_score >= 950000 THEN 5 WHEN e.self_score >= 900000 THEN 4 WHEN e.self_score >= 800000 THEN 3 WHEN e.self_score >= 700000 THEN 2 WHEN e.self_score >= 600000 THEN 1 ELSE 0 END,
		CASE WHEN e.rate_known = 1 THEN CASE WHEN e.rate >= 10000000001 THEN 6 WHEN e.rate >= 9500000000 THEN 5 WHEN e.rate >= 9000000000 THEN 4 WHEN e.rate >= 8000000000 THEN 3 WHEN e.rate >= 7000000000 THEN 2 WHEN e.rate >= 6000000000 THEN 1 ELSE 0 END ELSE -1 END, e.grade,
		sign * 1, sign * e.self_score, sign * e.rate, sign * (CASE WHEN (e.rate_known = 1 AND e.self_score >= 900000 AND e.rate < 8000000000) THEN 1 ELSE 0 END))
	ON CONFLICT (unit_id, year, kind, task_id, status, sb, rb, grade) DO UPDATE SET n = x.n + excluded.n, s = x.s + excluded.s,
		r = x.r + excluded.r, inf = x.inf + excluded.inf;
	IF sign < 0 THEN
		DELETE FROM dashboard_band_sums WHERE unit_id = e.unit_id AND year = e.year AND kind = e.kind
		AND task_id = COALESCE(e.task_id, 0) AND status = e.status AND n = 0;
		DELETE FROM dashboard_unit_sums WHERE unit_id = e.unit_id AND year = e.year AND kind = e.kind
			AND task_id = COALESCE(e.task_id, 0) AND status = e.status AND n = 0;
	END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION dashboard_unit_sums_trigger() RETURNS trigger AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		PERFORM dashboard_unit_sums_add(OLD, -1);
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		PERFORM dashboard_unit_sums_add(NEW, 1);
	END IF;
	RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER evaluations_unit_sums_insert AFTER INSERT OR DELETE ON evaluations
	FOR EACH ROW EXECUTE FUNCTION dashboard_unit_sums_trigger();
CREATE TRIGGER evaluations_unit_sums_update AFTER UPDATE OF unit_id, year, kind, task_id, status, grade, self_score, rate_known, rate,
	has_errors, dept_items, dept_gap, finance_items, finance_gap ON evaluations
	FOR EACH ROW EXECUTE FUNCTION dashboard_unit_sums_trigger();

INSERT INTO dashboard_unit_sums (unit_id, year, kind, task_id, status, n, rk, he, inf, rvn, s, r, g)
SELECT unit_id, year, kind, COALESCE(task_id, 0), status, COUNT(*), SUM(rate_known), SUM(has_errors),
	SUM(CASE WHEN (rate_known = 1 AND self_score >= 900000 AND rate < 8000000000) THEN 1 ELSE 0 END),
	SUM(CASE WHEN finance_items > 0 OR dept_items > 0 THEN 1 ELSE 0 END), SUM(self_score),
	SUM(CASE WHEN rate_known = 1 THEN rate ELSE 0 END),
	SUM(CASE WHEN finance_items > 0 THEN finance_gap WHEN dept_items > 0 THEN dept_gap ELSE 0 END)
FROM evaluations GROUP BY unit_id, year, kind, COALESCE(task_id, 0), status;

INSERT INTO dashboard_band_sums (unit_id, year, kind, task_id, status, sb, rb, grade, n, s, r, inf)
SELECT unit_id, year, kind, task_id, status, sb, rb, grade, COUNT(*), SUM(self_score), SUM(rate), SUM(inf) FROM (
	SELECT unit_id, year, kind, COALESCE(task_id, 0) AS task_id, status, CASE WHEN self_score >= 950000 THEN 5 WHEN self_score >= 900000 THEN 4 WHEN self_score >= 800000 THEN 3 WHEN self_score >= 700000 THEN 2 WHEN self_score >= 600000 THEN 1 ELSE 0 END AS sb,
		CASE WHEN rate_known = 1 THEN CASE WHEN rate >= 10000000001 THEN 6 WHEN rate >= 9500000000 THEN 5 WHEN rate >= 9000000000 THEN 4 WHEN rate >= 8000000000 THEN 3 WHEN rate >= 7000000000 THEN 2 WHEN rate >= 6000000000 THEN 1 ELSE 0 END ELSE -1 END AS rb, grade, self_score, rate,
		CASE WHEN (rate_known = 1 AND self_score >= 900000 AND rate < 8000000000) THEN 1 ELSE 0 END AS inf FROM evaluations) e
GROUP BY unit_id, year, kind, task_id, status, sb, rb, grade;
