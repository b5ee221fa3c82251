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
	unit_id     BIGINT NOT NULL,
	year        BIGINT NOT NULL,
	kind        TEXT NOT NULL,
	task_id     BIGINT NOT NULL, -- 0: none
	status      TEXT NOT NULL,
	code        TEXT NOT NULL,
	n           BIGINT NOT NULL, -- evaluations with the code
	occurrences BIGINT NOT NULL,
	severity    TEXT COLLATE "C" NOT NULL, -- the least of theirs
	message     TEXT COLLATE "C" NOT NULL,
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
	year             BIGINT NOT NULL,
	unit_id          BIGINT NOT NULL,
	kind             TEXT NOT NULL,
	n                BIGINT NOT NULL, -- evaluations
	draft            BIGINT NOT NULL,
	submitted        BIGINT NOT NULL,
	dept_returned    BIGINT NOT NULL,
	dept_approved    BIGINT NOT NULL,
	finance_returned BIGINT NOT NULL,
	finance_approved BIGINT NOT NULL,
	published        BIGINT NOT NULL,
	latest           TIMESTAMPTZ, -- the latest submitted_at; NULL: none
	PRIMARY KEY (year, unit_id, kind)
);

-- dashboard_finding_add adds (sign 1) or removes (sign -1) the finding
-- code row x of the evaluation e to its group.
CREATE FUNCTION dashboard_finding_add(e evaluations, x evaluation_findings, sign BIGINT) RETURNS void AS $$
DECLARE
	left_n BIGINT;
	least_severity TEXT COLLATE "C";
	least_message TEXT COLLATE "C";
BEGIN
	IF sign > 0 THEN
		INSERT INTO dashboard_finding_sums AS s (unit_id, year, kind, task_id, status, code, n, occurrences, severity, message)
		VALUES (e.unit_id, e.year, e.kind, COALESCE(e.task_id, 0), e.status, x.code, 1, x.occurrences, x.severity, x.message)
		ON CONFLICT (unit_id, year, kind, task_id, status, code) DO UPDATE SET n = s.n + 1, occurrences = s.occurrences + excluded.occurrences,
			severity = LEAST(s.severity, excluded.severity), message = LEAST(s.message, excluded.message);
		RETURN;
	END IF;
	-- the UPDATE locks the group's row first, so that the group read
	-- after it (a statement of its own: a fresh snapshot) holds every
	-- change committed before
	UPDATE dashboard_finding_sums s SET n = s.n - 1, occurrences = s.occurrences - x.occurrences
	WHERE s.unit_id = e.unit_id AND s.year = e.year AND s.kind = e.kind AND s.task_id = COALESCE(e.task_id, 0) AND s.status = e.status AND s.code = x.code
	RETURNING s.n, s.severity, s.message INTO left_n, least_severity, least_message;
	IF left_n IS NULL THEN
		RETURN;
	ELSIF left_n <= 0 THEN
		DELETE FROM dashboard_finding_sums s
		WHERE s.unit_id = e.unit_id AND s.year = e.year AND s.kind = e.kind AND s.task_id = COALESCE(e.task_id, 0) AND s.status = e.status AND s.code = x.code;
	ELSIF x.severity COLLATE "C" <= least_severity OR x.message COLLATE "C" <= least_message THEN
		UPDATE dashboard_finding_sums s SET (severity, message) = (SELECT COALESCE(MIN(y.severity COLLATE "C"), s.severity), COALESCE(MIN(y.message COLLATE "C"), s.message)
			FROM evaluations v JOIN evaluation_findings y ON y.evaluation_id = v.id AND y.code = x.code
			WHERE v.year = e.year AND v.unit_id = e.unit_id AND v.kind = e.kind AND COALESCE(v.task_id, 0) = COALESCE(e.task_id, 0) AND v.status = e.status)
		WHERE s.unit_id = e.unit_id AND s.year = e.year AND s.kind = e.kind AND s.task_id = COALESCE(e.task_id, 0) AND s.status = e.status AND s.code = x.code;
	END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION dashboard_findings_trigger() RETURNS trigger AS $$
DECLARE
	e evaluations;
BEGIN
	IF TG_OP = 'DELETE' THEN
		SELECT * INTO e FROM evaluations WHERE id = OLD.evaluation_id;
		IF FOUND THEN
			PERFORM dashboard_finding_add(e, OLD, -1);
		END IF;
	ELSIF TG_OP = 'INSERT' THEN
		SELECT * INTO e FROM evaluations WHERE id = NEW.evaluation_id;
		PERFORM dashboard_finding_add(e, NEW, 1);
	ELSE
		SELECT * INTO e FROM evaluations WHERE id = OLD.evaluation_id;
		PERFORM dashboard_finding_add(e, OLD, -1);
		SELECT * INTO e FROM evaluations WHERE id = NEW.evaluation_id;
		PERFORM dashboard_finding_add(e, NEW, 1);
	END IF;
	RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER evaluation_findings_sums AFTER INSERT OR DELETE OR UPDATE ON evaluation_findings
	FOR EACH ROW EXECUTE FUNCTION dashboard_findings_trigger();

-- An evaluation moved to another key (a transition changes its status)
-- moves its codes from one group to the other.
CREATE FUNCTION dashboard_findings_move_trigger() RETURNS trigger AS $$
DECLARE
	x evaluation_findings;
BEGIN
	FOR x IN SELECT * FROM evaluation_findings WHERE evaluation_id = NEW.id LOOP
		PERFORM dashboard_finding_add(OLD, x, -1);
		PERFORM dashboard_finding_add(NEW, x, 1);
	END LOOP;
	RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER evaluations_finding_sums AFTER UPDATE OF unit_id, year, kind, task_id, status ON evaluations
	FOR EACH ROW WHEN ((OLD.unit_id, OLD.year, OLD.kind, COALESCE(OLD.task_id, 0), OLD.status) IS DISTINCT FROM
		(NEW.unit_id, NEW.year, NEW.kind, COALESCE(NEW.task_id, 0), NEW.status))
	EXECUTE FUNCTION dashboard_findings_move_trigger();

-- dashboard_filing_add adds (sign 1) or removes (sign -1) the evaluation
-- e to the filing sums of its unit, year and kind.
CREATE FUNCTION dashboard_filing_add(e evaluations, sign BIGINT) RETURNS void AS $$
DECLARE
	left_n BIGINT;
	kept TIMESTAMPTZ;
BEGIN
	INSERT INTO dashboard_filing_sums AS f (year, unit_id, kind, n, draft, submitted, dept_returned, dept_approved, finance_returned, finance_approved, published, latest)
	VALUES (e.year, e.unit_id, e.kind, sign, sign * CASE WHEN e.status = 'draft' THEN 1 ELSE 0 END, sign * CASE WHEN e.status = 'submitted' THEN 1 ELSE 0 END, sign * CASE WHEN e.status = 'dept_returned' THEN 1 ELSE 0 END, sign * CASE WHEN e.status = 'dept_approved' THEN 1 ELSE 0 END, sign * CASE WHEN e.status = 'finance_returned' THEN 1 ELSE 0 END, sign * CASE WHEN e.status = 'finance_approved' THEN 1 ELSE 0 END, sign * CASE WHEN e.status = 'published' THEN 1 ELSE 0 END,
		CASE WHEN sign > 0 THEN e.submitted_at END)
	ON CONFLICT (year, unit_id, kind) DO UPDATE SET n = f.n + excluded.n, draft = f.draft + excluded.draft, submitted = f.submitted + excluded.submitted, dept_returned = f.dept_returned + excluded.dept_returned, dept_approved = f.dept_approved + excluded.dept_approved, finance_returned = f.finance_returned + excluded.finance_returned, finance_approved = f.finance_approved + excluded.finance_approved, published = f.published + excluded.published,
		latest = GREATEST(f.latest, excluded.latest)
	RETURNING f.n, f.latest INTO left_n, kept;
	IF sign > 0 THEN
		RETURN;
	ELSIF left_n <= 0 THEN
		DELETE FROM dashboard_filing_sums f WHERE f.year = e.year AND f.unit_id = e.unit_id AND f.kind = e.kind;
	ELSIF e.submitted_at IS NOT NULL AND kept <= e.submitted_at THEN
		-- the row is locked by the upsert: this statement's snapshot holds
		-- every change committed before
		UPDATE dashboard_filing_sums f SET latest = (SELECT MAX(v.submitted_at) FROM evaluations v
			WHERE v.year = e.year AND v.unit_id = e.unit_id AND v.kind = e.kind)
		WHERE f.year = e.year AND f.unit_id = e.unit_id AND f.kind = e.kind;
	END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION dashboard_filing_trigger() RETURNS trigger AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		PERFORM dashboard_filing_add(OLD, -1);
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		PERFORM dashboard_filing_add(NEW, 1);
	END IF;
	RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER evaluations_filing_insert AFTER INSERT OR DELETE ON evaluations
	FOR EACH ROW EXECUTE FUNCTION dashboard_filing_trigger();
CREATE TRIGGER evaluations_filing_update AFTER UPDATE OF unit_id, year, kind, status, submitted_at ON evaluations
	FOR EACH ROW WHEN ((OLD.unit_id, OLD.year, OLD.kind, OLD.status, OLD.submitted_at) IS DISTINCT FROM
		(NEW.unit_id, NEW.year, NEW.kind, NEW.status, NEW.submitted_at))
	EXECUTE FUNCTION dashboard_filing_trigger();

-- The 复核 comparison (self-score against 复核 score) counted the
-- selection's reviewed evaluations by self-score band, 复核-score band
-- and gap band, a scan of every evaluation to find them. These rows keep
-- those cells on the unit sums' key, the reviewed evaluations only (a 复核
-- score of the department or the bureau); whether the user may count them
-- (CanViewComments) is a test of the key. The bands are
-- dashboard.ScoreBandSQL and GapBandSQL (a test checks them).
CREATE TABLE dashboard_review_sums (
	unit_id  BIGINT NOT NULL,
	year     BIGINT NOT NULL,
	kind     TEXT NOT NULL,
	task_id  BIGINT NOT NULL,
	status   TEXT NOT NULL,
	sb       BIGINT NOT NULL, -- self-score band
	vb       BIGINT NOT NULL, -- 复核-score band
	gb       BIGINT NOT NULL, -- gap band
	n        BIGINT NOT NULL,
	s        BIGINT NOT NULL, -- Σ self-score
	g        BIGINT NOT NULL, -- Σ gap
	PRIMARY KEY (unit_id, year, kind, task_id, status, sb, vb, gb)
);

CREATE FUNCTION dashboard_review_add(e evaluations, sign BIGINT) RETURNS void AS $$
BEGIN
	IF NOT (e.finance_items > 0 OR e.dept_items > 0) THEN
		RETURN;
	END IF;
	INSERT INTO dashboard_review_sums AS r (unit_id, year, kind, task_id, status, sb, vb, gb, n, s, g)
	SELECT e.unit_id, e.year, e.kind, COALESCE(e.task_id, 0), e.status, CASE WHEN x.s >= 950000 THEN 5 WHEN x.s >= 900000 THEN 4 WHEN x.s >= 800000 THEN 3 WHEN x.s >= 700000 THEN 2 WHEN x.s >= 600000 THEN 1 ELSE 0 END,
		CASE WHEN (x.s + x.g) >= 950000 THEN 5 WHEN (x.s + x.g) >= 900000 THEN 4 WHEN (x.s + x.g) >= 800000 THEN 3 WHEN (x.s + x.g) >= 700000 THEN 2 WHEN (x.s + x.g) >= 600000 THEN 1 ELSE 0 END,
		CASE WHEN x.g >= 1 THEN 5 WHEN x.g >= 0 THEN 4 WHEN x.g >= -20000 THEN 3 WHEN x.g >= -50000 THEN 2 WHEN x.g >= -100000 THEN 1 ELSE 0 END, sign, sign * x.s, sign * x.g
	FROM (SELECT e.self_score AS s, CASE WHEN e.finance_items > 0 THEN e.finance_gap ELSE e.dept_gap END AS g) x
	ON CONFLICT (unit_id, year, kind, task_id, status, sb, vb, gb) DO UPDATE SET n = r.n + excluded.n, s = r.s + excluded.s, g = r.g + excluded.g;
	IF sign < 0 THEN
		DELETE FROM dashboard_review_sums r WHERE r.unit_id = e.unit_id AND r.year = e.year AND r.kind = e.kind
			AND r.task_id = COALESCE(e.task_id, 0) AND r.status = e.status AND r.n = 0;
	END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION dashboard_review_trigger() RETURNS trigger AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		PERFORM dashboard_review_add(OLD, -1);
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		PERFORM dashboard_review_add(NEW, 1);
	END IF;
	RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER evaluations_review_insert AFTER INSERT ON evaluations
	FOR EACH ROW WHEN (NEW.finance_items > 0 OR NEW.dept_items > 0) EXECUTE FUNCTION dashboard_review_trigger();
CREATE TRIGGER evaluations_review_delete AFTER DELETE ON evaluations
	FOR EACH ROW WHEN (OLD.finance_items > 0 OR OLD.dept_items > 0) EXECUTE FUNCTION dashboard_review_trigger();
CREATE TRIGGER evaluations_review_update AFTER UPDATE OF unit_id, year, kind, task_id, status, self_score, dept_items, dept_gap,
	finance_items, finance_gap ON evaluations
	FOR EACH ROW WHEN ((OLD.finance_items > 0 OR OLD.dept_items > 0 OR NEW.finance_items > 0 OR NEW.dept_items > 0)
		AND (OLD.unit_id, OLD.year, OLD.kind, OLD.task_id, OLD.status, OLD.self_score, OLD.dept_items, OLD.dept_gap, OLD.finance_items, OLD.finance_gap)
		IS DISTINCT FROM (NEW.unit_id, NEW.year, NEW.kind, NEW.task_id, NEW.status, NEW.self_score, NEW.dept_items, NEW.dept_gap, NEW.finance_items, NEW.finance_gap))
	EXECUTE FUNCTION dashboard_review_trigger();

INSERT INTO dashboard_finding_sums (unit_id, year, kind, task_id, status, code, n, occurrences, severity, message)
SELECT e.unit_id, e.year, e.kind, COALESCE(e.task_id, 0), e.status, x.code, COUNT(*), SUM(x.occurrences),
	MIN(x.severity COLLATE "C"), MIN(x.message COLLATE "C")
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

-- the planner's statistics of the new tables, which a database upgraded
-- in place would otherwise plan over as empty until autovacuum came by
ANALYZE dashboard_finding_sums;
ANALYZE dashboard_filing_sums;
ANALYZE dashboard_review_sums;
