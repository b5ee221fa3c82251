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
	unit_id  INTEGER NOT NULL,
	year     INTEGER NOT NULL,
	kind     TEXT NOT NULL,
	task_id  INTEGER NOT NULL, -- 0: none
	status   TEXT NOT NULL,
	n        INTEGER NOT NULL, -- evaluations
	rk       INTEGER NOT NULL, -- with a known execution rate
	he       INTEGER NOT NULL, -- with an error-level finding
	inf      INTEGER NOT NULL, -- inflated
	rvn      INTEGER NOT NULL, -- with a review score
	s        INTEGER NOT NULL, -- Σ self-score
	r        INTEGER NOT NULL, -- Σ rate of those with one
	g        INTEGER NOT NULL, -- Σ review gap of those with a review score
	PRIMARY KEY (unit_id, year, kind, task_id, status)
);

-- The distributions and grades sum these rows the same way: the unit
-- sums' key with the score band, the rate band (-1: no rate) and the
-- grade of dashboard.ScoreBandSQL, RateBandSQL (a test checks them).
CREATE TABLE dashboard_band_sums (
	unit_id  INTEGER NOT NULL,
	year     INTEGER NOT NULL,
	kind     TEXT NOT NULL,
	task_id  INTEGER NOT NULL,
	status   TEXT NOT NULL,
	sb       INTEGER NOT NULL,
	rb       INTEGER NOT NULL,
	grade    TEXT NOT NULL,
	n        INTEGER NOT NULL,
	s        INTEGER NOT NULL, -- Σ self-score
	r        INTEGER NOT NULL, -- Σ rate (0 where none)
	inf      INTEGER NOT NULL,
	PRIMARY KEY (unit_id, year, kind, task_id, status, sb, rb, grade)
);

CREATE TRIGGER evaluations_unit_sums_insert AFTER INSERT ON evaluations BEGIN
	INSERT INTO dashboard_unit_sums (unit_id, year, kind, task_id, status, n, rk, he, inf, rvn, s, r, g)
	VALUES (NEW.unit_id, NEW.year, NEW.kind, COALESCE(NEW.task_id, 0), NEW.status, 1, NEW.rate_known, NEW.has_errors,
		(CASE WHEN (NEW.rate_known = 1 AND NEW.self_score >= 900000 AND NEW.rate < 8000000000) THEN 1 ELSE 0 END),
		(CASE WHEN NEW.finance_items > 0 OR NEW.dept_items > 0 THEN 1 ELSE 0 END),
		NEW.self_score, (CASE WHEN NEW.rate_known = 1 THEN NEW.rate ELSE 0 END),
		(CASE WHEN NEW.finance_items > 0 THEN NEW.finance_gap WHEN NEW.dept_items > 0 THEN NEW.dept_gap ELSE 0 END))
	ON CONFLICT (unit_id, year, kind, task_id, status) DO UPDATE SET n = n + excluded.n, rk = rk + excluded.rk,
		he = he + excluded.he, inf = inf + excluded.inf, rvn = rvn + excluded.rvn, s = s + excluded.s,
		r = r + excluded.r, g = g + excluded.g;
	INSERT INTO dashboard_band_sums (unit_id, year, kind, task_id, status, sb, rb, grade, n, s, r, inf)
	VALUES (NEW.unit_id, NEW.year, NEW.kind, COALESCE(NEW.task_id, 0), NEW.status, CASE WHEN NEW.self_score >= 950000 THEN 5 WHEN NEW.self_score >= 900000 THEN 4 WHEN NEW.self_score >= 800000 THEN 3 WHEN NEW.self_score >= 700000 THEN 2 WHEN NEW.self_score >= 600000 THEN 1 ELSE 0 END,
		CASE WHEN NEW.rate_known = 1 THEN CASE WHEN NEW.rate >= 10000000001 THEN 6 WHEN NEW.rate >= 9500000000 THEN 5 WHEN NEW.rate >= 9000000000 THEN 4 WHEN NEW.rate >= 8000000000 THEN 3 WHEN NEW.rate >= 7000000000 THEN 2 WHEN NEW.rate >= 6000000000 THEN 1 ELSE 0 END ELSE -1 END, NEW.grade,
		1, NEW.self_score, NEW.rate, (CASE WHEN (NEW.rate_known = 1 AND NEW.self_score >= 900000 AND NEW.rate < 8000000000) THEN 1 ELSE 0 END))
	ON CONFLICT (unit_id, year, kind, task_id, status, sb, rb, grade) DO UPDATE SET n = n + excluded.n, s = s + excluded.s,
		r = r + excluded.r, inf = inf + excluded.inf;
END;
CREATE TRIGGER evaluations_unit_sums_delete AFTER DELETE ON evaluations BEGIN
	INSERT INTO dashboard_unit_sums (unit_id, year, kind, task_id, status, n, rk, he, inf, rvn, s, r, g)
	VALUES (OLD.unit_id, OLD.year, OLD.kind, COALESCE(OLD.task_id, 0), OLD.status, -1, -OLD.rate_known, -OLD.has_errors,
		-(CASE WHEN (OLD.rate_known = 1 AND OLD.self_score >= 900000 AND OLD.rate < 8000000000) THEN 1 ELSE 0 END),
		-(CASE WHEN OLD.finance_items > 0 OR OLD.dept_items > 0 THEN 1 ELSE 0 END),
		-OLD.self_score, -(CASE WHEN OLD.rate_known = 1 THEN OLD.rate ELSE 0 END),
		-(CASE WHEN OLD.finance_items > 0 THEN OLD.finance_gap WHEN OLD.dept_items > 0 THEN OLD.dept_gap ELSE 0 END))
	ON CONFLICT (unit_id, year, kind, task_id, status) DO UPDATE SET n = n + excluded.n, rk = rk + excluded.rk,
		he = he + excluded.he, inf = inf + excluded.inf, rvn = rvn + excluded.rvn, s = s + excluded.s,
		r = r + excluded.r, g = g + excluded.g;
	DELETE FROM dashboard_unit_sums WHERE unit_id = OLD.unit_id AND year = OLD.year AND kind = OLD.kind
		AND task_id = COALESCE(OLD.task_id, 0) AND status = OLD.status AND n = 0;
	INSERT INTO dashboard_band_sums (unit_id, year, kind, task_id, status, sb, rb, grade, n, s, r, inf)
	VALUES (OLD.unit_id, OLD.year, OLD.kind, COALESCE(OLD.task_id, 0), OLD.status, CASE WHEN OLD.self_score >= 950000 THEN 5 WHEN OLD.self_score >= 900000 THEN 4 WHEN OLD.self_score >= 800000 THEN 3 WHEN OLD.self_score >= 700000 THEN 2 WHEN OLD.self_score >= 600000 THEN 1 ELSE 0 END,
		CASE WHEN OLD.rate_known = 1 THEN CASE WHEN OLD.rate >= 10000000001 THEN 6 WHEN OLD.rate >= 9500000000 THEN 5 WHEN OLD.rate >= 9000000000 THEN 4 WHEN OLD.rate >= 8000000000 THEN 3 WHEN OLD.rate >= 7000000000 THEN 2 WHEN OLD.rate >= 6000000000 THEN 1 ELSE 0 END ELSE -1 END, OLD.grade,
		-1, -OLD.self_score, -OLD.rate, -(CASE WHEN (OLD.rate_known = 1 AND OLD.self_score >= 900000 AND OLD.rate < 8000000000) THEN 1 ELSE 0 END))
	ON CONFLICT (unit_id, year, kind, task_id, status, sb, rb, grade) DO UPDATE SET n = n + excluded.n, s = s + excluded.s,
		r = r + excluded.r, inf = inf + excluded.inf;
	DELETE FROM dashboard_band_sums WHERE unit_id = OLD.unit_id AND year = OLD.year AND kind = OLD.kind
		AND task_id = COALESCE(OLD.task_id, 0) AND status = OLD.status AND n = 0;
END;
CREATE TRIGGER evaluations_unit_sums_update AFTER UPDATE OF unit_id, year, kind, task_id, status, grade, self_score, rate_known, rate,
	has_errors, dept_items, dept_gap, finance_items, finance_gap ON evaluations BEGIN
	INSERT INTO dashboard_unit_sums (unit_id, year, kind, task_id, status, n, rk, he, inf, rvn, s, r, g)
	VALUES (OLD.unit_id, OLD.year, OLD.kind, COALESCE(OLD.task_id, 0), OLD.status, -1, -OLD.rate_known, -OLD.has_errors,
		-(CASE WHEN (OLD.rate_known = 1 AND OLD.self_score >= 900000 AND OLD.rate < 8000000000) THEN 1 ELSE 0 END),
		-(CASE WHEN OLD.finance_items > 0 OR OLD.dept_items > 0 THEN 1 ELSE 0 END),
		-OLD.self_score, -(CASE WHEN OLD.rate_known = 1 THEN OLD.rate ELSE 0 END),
		-(CASE WHEN OLD.finance_items > 0 THEN OLD.finance_gap WHEN OLD.dept_items > 0 THEN OLD.dept_gap ELSE 0 END))
	ON CONFLICT (unit_id, year, kind, task_id, status) DO UPDATE SET n = n + excluded.n, rk = rk + excluded.rk,
		he = he + excluded.he, inf = inf + excluded.inf, rvn = rvn + excluded.rvn, s = s + excluded.s,
		r = r + excluded.r, g = g + excluded.g;
	DELETE FROM dashboard_unit_sums WHERE unit_id = OLD.unit_id AND year = OLD.year AND kind = OLD.kind
		AND task_id = COALESCE(OLD.task_id, 0) AND status = OLD.status AND n = 0;
	INSERT INTO dashboard_unit_sums (unit_id, year, kind, task_id, status, n, rk, he, inf, rvn, s, r, g)
	VALUES (NEW.unit_id, NEW.year, NEW.kind, COALESCE(NEW.task_id, 0), NEW.status, 1, NEW.rate_known, NEW.has_errors,
		(CASE WHEN (NEW.rate_known = 1 AND NEW.self_score >= 900000 AND NEW.rate < 8000000000) THEN 1 ELSE 0 END),
		(CASE WHEN NEW.finance_items > 0 OR NEW.dept_items > 0 THEN 1 ELSE 0 END),
		NEW.self_score, (CASE WHEN NEW.rate_known = 1 THEN NEW.rate ELSE 0 END),
		(CASE WHEN NEW.finance_items > 0 THEN NEW.finance_gap WHEN NEW.dept_items > 0 THEN NEW.dept_gap ELSE 0 END))
	ON CONFLICT (unit_id, year, kind, task_id, status) DO UPDATE SET n = n + excluded.n, rk = rk + excluded.rk,
		he = he + excluded.he, inf = inf + excluded.inf, rvn = rvn + excluded.rvn, s = s + excluded.s,
		r = r + excluded.r, g = g + excluded.g;
	INSERT INTO dashboard_band_sums (unit_id, year, kind, task_id, status, sb, rb, grade, n, s, r, inf)
	VALUES (OLD.unit_id, OLD.year, OLD.kind, COALESCE(OLD.task_id, 0), OLD.status, CASE WHEN OLD.self_score >= 950000 THEN 5 WHEN OLD.self_score >= 900000 THEN 4 WHEN OLD.self_score >= 800000 THEN 3 WHEN OLD.self_score >= 700000 THEN 2 WHEN OLD.self_score >= 600000 THEN 1 ELSE 0 END,
		CASE WHEN OLD.rate_known = 1 THEN CASE WHEN OLD.rate >= 10000000001 THEN 6 WHEN OLD.rate >= 9500000000 THEN 5 WHEN OLD.rate >= 9000000000 THEN 4 WHEN OLD.rate >= 8000000000 THEN 3 WHEN OLD.rate >= 7000000000 THEN 2 WHEN OLD.rate >= 6000000000 THEN 1 ELSE 0 END ELSE -1 END, OLD.grade,
		-1, -OLD.self_score, -OLD.rate, -(CASE WHEN (OLD.rate_known = 1 AND OLD.self_score >= 900000 AND OLD.rate < 8000000000) THEN 1 ELSE 0 END))
	ON CONFLICT (unit_id, year, kind, task_id, status, sb, rb, grade) DO UPDATE SET n = n + excluded.n, s = s + excluded.s,
		r = r + excluded.r, inf = inf + excluded.inf;
	DELETE FROM dashboard_band_sums WHERE unit_id = OLD.unit_id AND year = OLD.year AND kind = OLD.kind
		AND task_id = COALESCE(OLD.task_id, 0) AND status = OLD.status AND n = 0;
	INSERT INTO dashboard_band_sums (unit_id, year, kind, task_id, status, sb, rb, grade, n, s, r, inf)
	VALUES (NEW.unit_id, NEW.year, NEW.kind, COALESCE(NEW.task_id, 0), NEW.status, CASE WHEN NEW.self_score >= 950000 THEN 5 WHEN NEW.self_score >= 900000 THEN 4 WHEN NEW.self_score >= 800000 THEN 3 WHEN NEW.self_score >= 700000 THEN 2 WHEN NEW.self_score >= 600000 THEN 1 ELSE 0 END,
		CASE WHEN NEW.rate_known = 1 THEN CASE WHEN NEW.rate >= 10000000001 THEN 6 WHEN NEW.rate >= 9500000000 THEN 5 WHEN NEW.rate >= 9000000000 THEN 4 WHEN NEW.rate >= 8000000000 THEN 3 WHEN NEW.rate >= 7000000000 THEN 2 WHEN NEW.rate >= 6000000000 THEN 1 ELSE 0 END ELSE -1 END, NEW.grade,
		1, NEW.self_score, NEW.rate, (CASE WHEN (NEW.rate_known = 1 AND NEW.self_score >= 900000 AND NEW.rate < 8000000000) THEN 1 ELSE 0 END))
	ON CONFLICT (unit_id, year, kind, task_id, status, sb, rb, grade) DO UPDATE SET n = n + excluded.n, s = s + excluded.s,
		r = r + excluded.r, inf = inf + excluded.inf;
END;

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
