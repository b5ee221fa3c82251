-- The three dashboards that still read every evaluation of the selection
-- read kept rows instead, kept by triggers in the transaction that
-- changes an evaluation or its finding codes, as migration 0005's sums.
--
-- Findings: per code, the evaluations with it, its occurrences, and the
-- least severity and message, on the unit sums' key (every filter but the
-- project code, and the visibility columns) with the code. A count and an
-- occurrence total are kept by adding and subtracting; the least severity
-- and message cannot be subtracted, so removing the row that holds one
-- reads the rest of its group again (the evaluations of one unit, year,
-- kind, task and status with that code: a few rows). Severity and message
-- compare byte by byte, as Go compares strings (aggregator.findings).
CREATE TABLE dashboard_finding_sums (
	unit_id     INTEGER NOT NULL,
	year        INTEGER NOT NULL,
	kind        TEXT NOT NULL,
	task_id     INTEGER NOT NULL, -- 0: none
	status      TEXT NOT NULL,
	code        TEXT NOT NULL,
	n           INTEGER NOT NULL, -- evaluations with the code
	occurrences INTEGER NOT NULL,
	severity    TEXT NOT NULL, -- the least of theirs
	message     TEXT NOT NULL,
	PRIMARY KEY (unit_id, year, kind, task_id, status, code)
);

-- Filing: a task's obligations are its units × kinds of its year, and
-- where one stands its evaluations' count by status and whether one was
-- submitted after the deadline, that is whether its latest submission is
-- after it. These are kept a row per unit, year and kind, so that a task's
-- filing reads its units' rows of the year and sums nothing more: a column
-- per workflow status (its name; a new status needs a migration, as the
-- bands do), and the latest submission. A count is kept by adding and
-- subtracting; removing the latest reads the unit's year again.
CREATE TABLE dashboard_filing_sums (
	year             INTEGER NOT NULL,
	unit_id          INTEGER NOT NULL,
	kind             TEXT NOT NULL,
	n                INTEGER NOT NULL, -- evaluations
	draft            INTEGER NOT NULL,
	submitted        INTEGER NOT NULL,
	dept_returned    INTEGER NOT NULL,
	dept_approved    INTEGER NOT NULL,
	finance_returned INTEGER NOT NULL,
	finance_approved INTEGER NOT NULL,
	published        INTEGER NOT NULL,
	latest           TEXT, -- the latest submitted_at; NULL: none
	PRIMARY KEY (year, unit_id, kind)
);

CREATE TRIGGER evaluation_findings_sums_insert AFTER INSERT ON evaluation_findings BEGIN
	INSERT INTO dashboard_finding_sums (unit_id, year, kind, task_id, status, code, n, occurrences, severity, message)
	SELECT e.unit_id, e.year, e.kind, COALESCE(e.task_id, 0), e.status, NEW.code, 1, NEW.occurrences, NEW.severity, NEW.message FROM evaluations e WHERE e.id = NEW.evaluation_id
	ON CONFLICT (unit_id, year, kind, task_id, status, code) DO UPDATE SET n = n + 1, occurrences = occurrences + excluded.occurrences,
		severity = MIN(severity, excluded.severity), message = MIN(message, excluded.message);
END;
CREATE TRIGGER evaluation_findings_sums_delete AFTER DELETE ON evaluation_findings BEGIN
	UPDATE dashboard_finding_sums SET n = n - 1, occurrences = occurrences - OLD.occurrences
	WHERE (unit_id, year, kind, task_id, status) = (SELECT e.unit_id, e.year, e.kind, COALESCE(e.task_id, 0), e.status FROM evaluations e WHERE e.id = OLD.evaluation_id) AND code = OLD.code;
	DELETE FROM dashboard_finding_sums WHERE (unit_id, year, kind, task_id, status) = (SELECT e.unit_id, e.year, e.kind, COALESCE(e.task_id, 0), e.status FROM evaluations e WHERE e.id = OLD.evaluation_id) AND code = OLD.code AND n = 0;
	UPDATE dashboard_finding_sums SET severity = COALESCE((SELECT MIN(y.severity) FROM evaluations v JOIN evaluation_findings y ON y.evaluation_id = v.id AND y.code = OLD.code
		WHERE v.year = dashboard_finding_sums.year AND v.unit_id = dashboard_finding_sums.unit_id AND v.kind = dashboard_finding_sums.kind
			AND COALESCE(v.task_id, 0) = dashboard_finding_sums.task_id AND v.status = dashboard_finding_sums.status), severity),
		message = COALESCE((SELECT MIN(y.message) FROM evaluations v JOIN evaluation_findings y ON y.evaluation_id = v.id AND y.code = OLD.code
		WHERE v.year = dashboard_finding_sums.year AND v.unit_id = dashboard_finding_sums.unit_id AND v.kind = dashboard_finding_sums.kind
			AND COALESCE(v.task_id, 0) = dashboard_finding_sums.task_id AND v.status = dashboard_finding_sums.status), message)
	WHERE (unit_id, year, kind, task_id, status) = (SELECT e.unit_id, e.year, e.kind, COALESCE(e.task_id, 0), e.status FROM evaluations e WHERE e.id = OLD.evaluation_id) AND code = OLD.code AND (severity = OLD.severity OR message = OLD.message);
END;
CREATE TRIGGER evaluation_findings_sums_update AFTER UPDATE ON evaluation_findings BEGIN
	UPDATE dashboard_finding_sums SET n = n - 1, occurrences = occurrences - OLD.occurrences
	WHERE (unit_id, year, kind, task_id, status) = (SELECT e.unit_id, e.year, e.kind, COALESCE(e.task_id, 0), e.status FROM evaluations e WHERE e.id = OLD.evaluation_id) AND code = OLD.code;
	DELETE FROM dashboard_finding_sums WHERE (unit_id, year, kind, task_id, status) = (SELECT e.unit_id, e.year, e.kind, COALESCE(e.task_id, 0), e.status FROM evaluations e WHERE e.id = OLD.evaluation_id) AND code = OLD.code AND n = 0;
	UPDATE dashboard_finding_sums SET severity = COALESCE((SELECT MIN(y.severity) FROM evaluations v JOIN evaluation_findings y ON y.evaluation_id = v.id AND y.code = OLD.code
		WHERE v.year = dashboard_finding_sums.year AND v.unit_id = dashboard_finding_sums.unit_id AND v.kind = dashboard_finding_sums.kind
			AND COALESCE(v.task_id, 0) = dashboard_finding_sums.task_id AND v.status = dashboard_finding_sums.status), severity),
		message = COALESCE((SELECT MIN(y.message) FROM evaluations v JOIN evaluation_findings y ON y.evaluation_id = v.id AND y.code = OLD.code
		WHERE v.year = dashboard_finding_sums.year AND v.unit_id = dashboard_finding_sums.unit_id AND v.kind = dashboard_finding_sums.kind
			AND COALESCE(v.task_id, 0) = dashboard_finding_sums.task_id AND v.status = dashboard_finding_sums.status), message)
	WHERE (unit_id, year, kind, task_id, status) = (SELECT e.unit_id, e.year, e.kind, COALESCE(e.task_id, 0), e.status FROM evaluations e WHERE e.id = OLD.evaluation_id) AND code = OLD.code AND (severity = OLD.severity OR message = OLD.message);
	INSERT INTO dashboard_finding_sums (unit_id, year, kind, task_id, status, code, n, occurrences, severity, message)
	SELECT e.unit_id, e.year, e.kind, COALESCE(e.task_id, 0), e.status, NEW.code, 1, NEW.occurrences, NEW.severity, NEW.message FROM evaluations e WHERE e.id = NEW.evaluation_id
	ON CONFLICT (unit_id, year, kind, task_id, status, code) DO UPDATE SET n = n + 1, occurrences = occurrences + excluded.occurrences,
		severity = MIN(severity, excluded.severity), message = MIN(message, excluded.message);
END;

-- An evaluation moved to another key (a transition changes its status)
-- moves its codes from one group to the other.
CREATE TRIGGER evaluations_finding_sums AFTER UPDATE OF unit_id, year, kind, task_id, status ON evaluations
	WHEN OLD.unit_id IS NOT NEW.unit_id OR OLD.year IS NOT NEW.year OR OLD.kind IS NOT NEW.kind
		OR COALESCE(OLD.task_id, 0) IS NOT COALESCE(NEW.task_id, 0) OR OLD.status IS NOT NEW.status BEGIN
	UPDATE dashboard_finding_sums SET n = n - 1,
		occurrences = occurrences - (SELECT x.occurrences FROM evaluation_findings x WHERE x.evaluation_id = NEW.id AND x.code = dashboard_finding_sums.code)
	WHERE unit_id = OLD.unit_id AND year = OLD.year AND kind = OLD.kind AND task_id = COALESCE(OLD.task_id, 0) AND status = OLD.status AND code IN (SELECT x.code FROM evaluation_findings x WHERE x.evaluation_id = NEW.id);
	DELETE FROM dashboard_finding_sums WHERE unit_id = OLD.unit_id AND year = OLD.year AND kind = OLD.kind AND task_id = COALESCE(OLD.task_id, 0) AND status = OLD.status AND n = 0;
	UPDATE dashboard_finding_sums SET severity = COALESCE((SELECT MIN(y.severity) FROM evaluations v JOIN evaluation_findings y ON y.evaluation_id = v.id AND y.code = dashboard_finding_sums.code
		WHERE v.year = dashboard_finding_sums.year AND v.unit_id = dashboard_finding_sums.unit_id AND v.kind = dashboard_finding_sums.kind
			AND COALESCE(v.task_id, 0) = dashboard_finding_sums.task_id AND v.status = dashboard_finding_sums.status), severity),
		message = COALESCE((SELECT MIN(y.message) FROM evaluations v JOIN evaluation_findings y ON y.evaluation_id = v.id AND y.code = dashboard_finding_sums.code
		WHERE v.year = dashboard_finding_sums.year AND v.unit_id = dashboard_finding_sums.unit_id AND v.kind = dashboard_finding_sums.kind
			AND COALESCE(v.task_id, 0) = dashboard_finding_sums.task_id AND v.status = dashboard_finding_sums.status), message)
	WHERE unit_id = OLD.unit_id AND year = OLD.year AND kind = OLD.kind AND task_id = COALESCE(OLD.task_id, 0) AND status = OLD.status AND code IN (SELECT x.code FROM evaluation_findings x WHERE x.evaluation_id = NEW.id);
	INSERT INTO dashboard_finding_sums (unit_id, year, kind, task_id, status, code, n, occurrences, severity, message)
	SELECT NEW.unit_id, NEW.year, NEW.kind, COALESCE(NEW.task_id, 0), NEW.status, x.code, 1, x.occurrences, x.severity, x.message FROM evaluation_findings x WHERE x.evaluation_id = NEW.id
	ON CONFLICT (unit_id, year, kind, task_id, status, code) DO UPDATE SET n = n + 1, occurrences = occurrences + excluded.occurrences,
		severity = MIN(severity, excluded.severity), message = MIN(message, excluded.message);
END;

CREATE TRIGGER evaluations_filing_insert AFTER INSERT ON evaluations BEGIN
	INSERT INTO dashboard_filing_sums (year, unit_id, kind, n, draft, submitted, dept_returned, dept_approved, finance_returned, finance_approved, published, latest)
	VALUES (NEW.year, NEW.unit_id, NEW.kind, 1, (CASE WHEN NEW.status = 'draft' THEN 1 ELSE 0 END), (CASE WHEN NEW.status = 'submitted' THEN 1 ELSE 0 END), (CASE WHEN NEW.status = 'dept_returned' THEN 1 ELSE 0 END), (CASE WHEN NEW.status = 'dept_approved' THEN 1 ELSE 0 END), (CASE WHEN NEW.status = 'finance_returned' THEN 1 ELSE 0 END), (CASE WHEN NEW.status = 'finance_approved' THEN 1 ELSE 0 END), (CASE WHEN NEW.status = 'published' THEN 1 ELSE 0 END),
		NEW.submitted_at)
	ON CONFLICT (year, unit_id, kind) DO UPDATE SET n = n + excluded.n, draft = draft + excluded.draft, submitted = submitted + excluded.submitted, dept_returned = dept_returned + excluded.dept_returned, dept_approved = dept_approved + excluded.dept_approved, finance_returned = finance_returned + excluded.finance_returned, finance_approved = finance_approved + excluded.finance_approved, published = published + excluded.published,
		latest = CASE WHEN latest IS NULL OR excluded.latest > latest THEN excluded.latest ELSE latest END;
END;
CREATE TRIGGER evaluations_filing_delete AFTER DELETE ON evaluations BEGIN
	INSERT INTO dashboard_filing_sums (year, unit_id, kind, n, draft, submitted, dept_returned, dept_approved, finance_returned, finance_approved, published, latest)
	VALUES (OLD.year, OLD.unit_id, OLD.kind, -1, -(CASE WHEN OLD.status = 'draft' THEN 1 ELSE 0 END), -(CASE WHEN OLD.status = 'submitted' THEN 1 ELSE 0 END), -(CASE WHEN OLD.status = 'dept_returned' THEN 1 ELSE 0 END), -(CASE WHEN OLD.status = 'dept_approved' THEN 1 ELSE 0 END), -(CASE WHEN OLD.status = 'finance_returned' THEN 1 ELSE 0 END), -(CASE WHEN OLD.status = 'finance_approved' THEN 1 ELSE 0 END), -(CASE WHEN OLD.status = 'published' THEN 1 ELSE 0 END),
		NULL)
	ON CONFLICT (year, unit_id, kind) DO UPDATE SET n = n + excluded.n, draft = draft + excluded.draft, submitted = submitted + excluded.submitted, dept_returned = dept_returned + excluded.dept_returned, dept_approved = dept_approved + excluded.dept_approved, finance_returned = finance_returned + excluded.finance_returned, finance_approved = finance_approved + excluded.finance_approved, published = published + excluded.published,
		latest = CASE WHEN latest IS NULL OR excluded.latest > latest THEN excluded.latest ELSE latest END;
	DELETE FROM dashboard_filing_sums WHERE year = OLD.year AND unit_id = OLD.unit_id AND kind = OLD.kind AND n = 0;
	UPDATE dashboard_filing_sums SET latest = (SELECT MAX(v.submitted_at) FROM evaluations v
		WHERE v.year = OLD.year AND v.unit_id = OLD.unit_id AND v.kind = OLD.kind)
	WHERE year = OLD.year AND unit_id = OLD.unit_id AND kind = OLD.kind AND OLD.submitted_at IS NOT NULL AND latest <= OLD.submitted_at;
END;
CREATE TRIGGER evaluations_filing_update AFTER UPDATE OF unit_id, year, kind, status, submitted_at ON evaluations
	WHEN OLD.unit_id IS NOT NEW.unit_id OR OLD.year IS NOT NEW.year OR OLD.kind IS NOT NEW.kind OR OLD.status IS NOT NEW.status
		OR OLD.submitted_at IS NOT NEW.submitted_at BEGIN
	INSERT INTO dashboard_filing_sums (year, unit_id, kind, n, draft, submitted, dept_returned, dept_approved, finance_returned, finance_approved, published, latest)
	VALUES (OLD.year, OLD.unit_id, OLD.kind, -1, -(CASE WHEN OLD.status = 'draft' THEN 1 ELSE 0 END), -(CASE WHEN OLD.status = 'submitted' THEN 1 ELSE 0 END), -(CASE WHEN OLD.status = 'dept_returned' THEN 1 ELSE 0 END), -(CASE WHEN OLD.status = 'dept_approved' THEN 1 ELSE 0 END), -(CASE WHEN OLD.status = 'finance_returned' THEN 1 ELSE 0 END), -(CASE WHEN OLD.status = 'finance_approved' THEN 1 ELSE 0 END), -(CASE WHEN OLD.status = 'published' THEN 1 ELSE 0 END),
		NULL)
	ON CONFLICT (year, unit_id, kind) DO UPDATE SET n = n + excluded.n, draft = draft + excluded.draft, submitted = submitted + excluded.submitted, dept_returned = dept_returned + excluded.dept_returned, dept_approved = dept_approved + excluded.dept_approved, finance_returned = finance_returned + excluded.finance_returned, finance_approved = finance_approved + excluded.finance_approved, published = published + excluded.published,
		latest = CASE WHEN latest IS NULL OR excluded.latest > latest THEN excluded.latest ELSE latest END;
	DELETE FROM dashboard_filing_sums WHERE year = OLD.year AND unit_id = OLD.unit_id AND kind = OLD.kind AND n = 0;
	UPDATE dashboard_filing_sums SET latest = (SELECT MAX(v.submitted_at) FROM evaluations v
		WHERE v.year = OLD.year AND v.unit_id = OLD.unit_id AND v.kind = OLD.kind)
	WHERE year = OLD.year AND unit_id = OLD.unit_id AND kind = OLD.kind AND OLD.submitted_at IS NOT NULL AND latest <= OLD.submitted_at;
	INSERT INTO dashboard_filing_sums (year, unit_id, kind, n, draft, submitted, dept_returned, dept_approved, finance_returned, finance_approved, published, latest)
	VALUES (NEW.year, NEW.unit_id, NEW.kind, 1, (CASE WHEN NEW.status = 'draft' THEN 1 ELSE 0 END), (CASE WHEN NEW.status = 'submitted' THEN 1 ELSE 0 END), (CASE WHEN NEW.status = 'dept_returned' THEN 1 ELSE 0 END), (CASE WHEN NEW.status = 'dept_approved' THEN 1 ELSE 0 END), (CASE WHEN NEW.status = 'finance_returned' THEN 1 ELSE 0 END), (CASE WHEN NEW.status = 'finance_approved' THEN 1 ELSE 0 END), (CASE WHEN NEW.status = 'published' THEN 1 ELSE 0 END),
		NEW.submitted_at)
	ON CONFLICT (year, unit_id, kind) DO UPDATE SET n = n + excluded.n, draft = draft + excluded.draft, submitted = submitted + excluded.submitted, dept_returned = dept_returned + excluded.dept_returned, dept_approved = dept_approved + excluded.dept_approved, finance_returned = finance_returned + excluded.finance_returned, finance_approved = finance_approved + excluded.finance_approved, published = published + excluded.published,
		latest = CASE WHEN latest IS NULL OR excluded.latest > latest THEN excluded.latest ELSE latest END;
END;

-- The 复核 comparison (self-score against 复核 score) counted the
-- selection's reviewed evaluations by self-score band, 复核-score band
-- and gap band, a scan of every evaluation to find them. These rows keep
-- those cells on the unit sums' key, the reviewed evaluations only (a 复核
-- score of the department or the bureau); whether the user may count them
-- (CanViewComments) is a test of the key. The bands are
-- dashboard.ScoreBandSQL and GapBandSQL (a test checks them).
CREATE TABLE dashboard_review_sums (
	unit_id  INTEGER NOT NULL,
	year     INTEGER NOT NULL,
	kind     TEXT NOT NULL,
	task_id  INTEGER NOT NULL,
	status   TEXT NOT NULL,
	sb       INTEGER NOT NULL, -- self-score band
	vb       INTEGER NOT NULL, -- 复核-score band
	gb       INTEGER NOT NULL, -- gap band
	n        INTEGER NOT NULL,
	s        INTEGER NOT NULL, -- Σ self-score
	g        INTEGER NOT NULL, -- Σ gap
	PRIMARY KEY (unit_id, year, kind, task_id, status, sb, vb, gb)
);

CREATE TRIGGER evaluations_review_insert AFTER INSERT ON evaluations WHEN (NEW.finance_items > 0 OR NEW.dept_items > 0) BEGIN
	INSERT INTO dashboard_review_sums (unit_id, year, kind, task_id, status, sb, vb, gb, n, s, g)
	SELECT NEW.unit_id, NEW.year, NEW.kind, COALESCE(NEW.task_id, 0), NEW.status, CASE WHEN x.s >= 950000 THEN 5 WHEN x.s >= 900000 THEN 4 WHEN x.s >= 800000 THEN 3 WHEN x.s >= 700000 THEN 2 WHEN x.s >= 600000 THEN 1 ELSE 0 END,
		CASE WHEN (x.s + x.g) >= 950000 THEN 5 WHEN (x.s + x.g) >= 900000 THEN 4 WHEN (x.s + x.g) >= 800000 THEN 3 WHEN (x.s + x.g) >= 700000 THEN 2 WHEN (x.s + x.g) >= 600000 THEN 1 ELSE 0 END,
		CASE WHEN x.g >= 1 THEN 5 WHEN x.g >= 0 THEN 4 WHEN x.g >= -20000 THEN 3 WHEN x.g >= -50000 THEN 2 WHEN x.g >= -100000 THEN 1 ELSE 0 END, 1, x.s, x.g
	FROM (SELECT NEW.self_score AS s, CASE WHEN NEW.finance_items > 0 THEN NEW.finance_gap ELSE NEW.dept_gap END AS g) x WHERE (NEW.finance_items > 0 OR NEW.dept_items > 0)
	ON CONFLICT (unit_id, year, kind, task_id, status, sb, vb, gb) DO UPDATE SET n = n + excluded.n, s = s + excluded.s, g = g + excluded.g;
END;
CREATE TRIGGER evaluations_review_delete AFTER DELETE ON evaluations WHEN (OLD.finance_items > 0 OR OLD.dept_items > 0) BEGIN
	INSERT INTO dashboard_review_sums (unit_id, year, kind, task_id, status, sb, vb, gb, n, s, g)
	SELECT OLD.unit_id, OLD.year, OLD.kind, COALESCE(OLD.task_id, 0), OLD.status, CASE WHEN x.s >= 950000 THEN 5 WHEN x.s >= 900000 THEN 4 WHEN x.s >= 800000 THEN 3 WHEN x.s >= 700000 THEN 2 WHEN x.s >= 600000 THEN 1 ELSE 0 END,
		CASE WHEN (x.s + x.g) >= 950000 THEN 5 WHEN (x.s + x.g) >= 900000 THEN 4 WHEN (x.s + x.g) >= 800000 THEN 3 WHEN (x.s + x.g) >= 700000 THEN 2 WHEN (x.s + x.g) >= 600000 THEN 1 ELSE 0 END,
		CASE WHEN x.g >= 1 THEN 5 WHEN x.g >= 0 THEN 4 WHEN x.g >= -20000 THEN 3 WHEN x.g >= -50000 THEN 2 WHEN x.g >= -100000 THEN 1 ELSE 0 END, -1, -x.s, -x.g
	FROM (SELECT OLD.self_score AS s, CASE WHEN OLD.finance_items > 0 THEN OLD.finance_gap ELSE OLD.dept_gap END AS g) x WHERE (OLD.finance_items > 0 OR OLD.dept_items > 0)
	ON CONFLICT (unit_id, year, kind, task_id, status, sb, vb, gb) DO UPDATE SET n = n + excluded.n, s = s + excluded.s, g = g + excluded.g;
	DELETE FROM dashboard_review_sums WHERE unit_id = OLD.unit_id AND year = OLD.year AND kind = OLD.kind AND task_id = COALESCE(OLD.task_id, 0) AND status = OLD.status AND n = 0;
END;
CREATE TRIGGER evaluations_review_update AFTER UPDATE OF unit_id, year, kind, task_id, status, self_score, dept_items, dept_gap,
	finance_items, finance_gap ON evaluations WHEN (OLD.finance_items > 0 OR OLD.dept_items > 0) OR (NEW.finance_items > 0 OR NEW.dept_items > 0) BEGIN
	INSERT INTO dashboard_review_sums (unit_id, year, kind, task_id, status, sb, vb, gb, n, s, g)
	SELECT OLD.unit_id, OLD.year, OLD.kind, COALESCE(OLD.task_id, 0), OLD.status, CASE WHEN x.s >= 950000 THEN 5 WHEN x.s >= 900000 THEN 4 WHEN x.s >= 800000 THEN 3 WHEN x.s >= 700000 THEN 2 WHEN x.s >= 600000 THEN 1 ELSE 0 END,
		CASE WHEN (x.s + x.g) >= 950000 THEN 5 WHEN (x.s + x.g) >= 900000 THEN 4 WHEN (x.s + x.g) >= 800000 THEN 3 WHEN (x.s + x.g) >= 700000 THEN 2 WHEN (x.s + x.g) >= 600000 THEN 1 ELSE 0 END,
		CASE WHEN x.g >= 1 THEN 5 WHEN x.g >= 0 THEN 4 WHEN x.g >= -20000 THEN 3 WHEN x.g >= -50000 THEN 2 WHEN x.g >= -100000 THEN 1 ELSE 0 END, -1, -x.s, -x.g
	FROM (SELECT OLD.self_score AS s, CASE WHEN OLD.finance_items > 0 THEN OLD.finance_gap ELSE OLD.dept_gap END AS g) x WHERE (OLD.finance_items > 0 OR OLD.dept_items > 0)
	ON CONFLICT (unit_id, year, kind, task_id, status, sb, vb, gb) DO UPDATE SET n = n + excluded.n, s = s + excluded.s, g = g + excluded.g;
	DELETE FROM dashboard_review_sums WHERE unit_id = OLD.unit_id AND year = OLD.year AND kind = OLD.kind AND task_id = COALESCE(OLD.task_id, 0) AND status = OLD.status AND n = 0;
	INSERT INTO dashboard_review_sums (unit_id, year, kind, task_id, status, sb, vb, gb, n, s, g)
	SELECT NEW.unit_id, NEW.year, NEW.kind, COALESCE(NEW.task_id, 0), NEW.status, CASE WHEN x.s >= 950000 THEN 5 WHEN x.s >= 900000 THEN 4 WHEN x.s >= 800000 THEN 3 WHEN x.s >= 700000 THEN 2 WHEN x.s >= 600000 THEN 1 ELSE 0 END,
		CASE WHEN (x.s + x.g) >= 950000 THEN 5 WHEN (x.s + x.g) >= 900000 THEN 4 WHEN (x.s + x.g) >= 800000 THEN 3 WHEN (x.s + x.g) >= 700000 THEN 2 WHEN (x.s + x.g) >= 600000 THEN 1 ELSE 0 END,
		CASE WHEN x.g >= 1 THEN 5 WHEN x.g >= 0 THEN 4 WHEN x.g >= -20000 THEN 3 WHEN x.g >= -50000 THEN 2 WHEN x.g >= -100000 THEN 1 ELSE 0 END, 1, x.s, x.g
	FROM (SELECT NEW.self_score AS s, CASE WHEN NEW.finance_items > 0 THEN NEW.finance_gap ELSE NEW.dept_gap END AS g) x WHERE (NEW.finance_items > 0 OR NEW.dept_items > 0)
	ON CONFLICT (unit_id, year, kind, task_id, status, sb, vb, gb) DO UPDATE SET n = n + excluded.n, s = s + excluded.s, g = g + excluded.g;
END;

INSERT INTO dashboard_finding_sums (unit_id, year, kind, task_id, status, code, n, occurrences, severity, message)
SELECT e.unit_id, e.year, e.kind, COALESCE(e.task_id, 0), e.status, x.code, COUNT(*), SUM(x.occurrences), MIN(x.severity), MIN(x.message)
FROM evaluations e JOIN evaluation_findings x ON x.evaluation_id = e.id
GROUP BY e.unit_id, e.year, e.kind, COALESCE(e.task_id, 0), e.status, x.code;

INSERT INTO dashboard_filing_sums (year, unit_id, kind, n, draft, submitted, dept_returned, dept_approved, finance_returned, finance_approved, published, latest)
SELECT year, unit_id, kind, COUNT(*), SUM(CASE WHEN status = 'draft' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'submitted' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'dept_returned' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'dept_approved' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'finance_returned' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'finance_approved' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'published' THEN 1 ELSE 0 END),
	MAX(submitted_at)
FROM evaluations GROUP BY year, unit_id, kind;

INSERT INTO dashboard_review_sums (unit_id, year, kind, task_id, status, sb, vb, gb, n, s, g)
SELECT unit_id, year, kind, task_id, status, sb, vb, gb, COUNT(*), SUM(s), SUM(g) FROM (
	SELECT x.unit_id, x.year, x.kind, x.task_id, x.status, x.s, x.g, CASE WHEN x.s >= 950000 THEN 5 WHEN x.s >= 900000 THEN 4 WHEN x.s >= 800000 THEN 3 WHEN x.s >= 700000 THEN 2 WHEN x.s >= 600000 THEN 1 ELSE 0 END AS sb,
		CASE WHEN (x.s + x.g) >= 950000 THEN 5 WHEN (x.s + x.g) >= 900000 THEN 4 WHEN (x.s + x.g) >= 800000 THEN 3 WHEN (x.s + x.g) >= 700000 THEN 2 WHEN (x.s + x.g) >= 600000 THEN 1 ELSE 0 END AS vb,
		CASE WHEN x.g >= 1 THEN 5 WHEN x.g >= 0 THEN 4 WHEN x.g >= -20000 THEN 3 WHEN x.g >= -50000 THEN 2 WHEN x.g >= -100000 THEN 1 ELSE 0 END AS gb
	FROM (SELECT unit_id, year, kind, COALESCE(task_id, 0) AS task_id, status, self_score AS s,
		CASE WHEN finance_items > 0 THEN finance_gap ELSE dept_gap END AS g FROM evaluations WHERE finance_items > 0 OR dept_items > 0) x) y
GROUP BY unit_id, year, kind, task_id, status, sb, vb, gb;
