-- A save changes an evaluation's self-score, grade, rate or error flag,
-- never its key (unit, year, kind, task, status), and migration 0005's
-- update trigger took it out of its unit and band rows and put it back:
-- four upserts and two deletes in every save (its UPDATE of the row was
-- a tenth of its statements' time on PostgreSQL, and in SQLite's one
-- writer). Where the key stays, the differences are added to its unit
-- row instead, and to its band row where its band (score band, rate
-- band, grade) stays too; an evaluation whose band changes moves from
-- one band row to the other; one whose key changes (a transition, a move
-- to another year) is taken out and put back as before; one whose
-- dashboard columns did not change (a save of other text) costs nothing.
-- TestDashboardUnitSums and TestDashboardFindingSums hold the sums equal
-- to the evaluations'.
DROP TRIGGER evaluations_unit_sums_update;

-- the key changed: out of the old rows, into the new ones, as before
CREATE TRIGGER evaluations_unit_sums_move AFTER UPDATE OF unit_id, year, kind, task_id, status, grade, self_score, rate_known, rate,
	has_errors, dept_items, dept_gap, finance_items, finance_gap ON evaluations
	WHEN (OLD.unit_id, OLD.year, OLD.kind, COALESCE(OLD.task_id, 0), OLD.status) IS NOT (NEW.unit_id, NEW.year, NEW.kind, COALESCE(NEW.task_id, 0), NEW.status) BEGIN
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

-- the key and the band stayed: the differences
CREATE TRIGGER evaluations_unit_sums_delta AFTER UPDATE OF unit_id, year, kind, task_id, status, grade, self_score, rate_known, rate,
	has_errors, dept_items, dept_gap, finance_items, finance_gap ON evaluations
	WHEN (OLD.unit_id, OLD.year, OLD.kind, COALESCE(OLD.task_id, 0), OLD.status) IS (NEW.unit_id, NEW.year, NEW.kind, COALESCE(NEW.task_id, 0), NEW.status)
		AND ((CASE WHEN OLD.self_score >= 950000 THEN 5 WHEN OLD.self_score >= 900000 THEN 4 WHEN OLD.self_score >= 800000 THEN 3 WHEN OLD.self_score >= 700000 THEN 2 WHEN OLD.self_score >= 600000 THEN 1 ELSE 0 END), (CASE WHEN OLD.rate_known = 1 THEN CASE WHEN OLD.rate >= 10000000001 THEN 6 WHEN OLD.rate >= 9500000000 THEN 5 WHEN OLD.rate >= 9000000000 THEN 4 WHEN OLD.rate >= 8000000000 THEN 3 WHEN OLD.rate >= 7000000000 THEN 2 WHEN OLD.rate >= 6000000000 THEN 1 ELSE 0 END ELSE -1 END), OLD.grade)
		IS ((CASE WHEN NEW.self_score >= 950000 THEN 5 WHEN NEW.self_score >= 900000 THEN 4 WHEN NEW.self_score >= 800000 THEN 3 WHEN NEW.self_score >= 700000 THEN 2 WHEN NEW.self_score >= 600000 THEN 1 ELSE 0 END), (CASE WHEN NEW.rate_known = 1 THEN CASE WHEN NEW.rate >= 10000000001 THEN 6 WHEN NEW.rate >= 9500000000 THEN 5 WHEN NEW.rate >= 9000000000 THEN 4 WHEN NEW.rate >= 8000000000 THEN 3 WHEN NEW.rate >= 7000000000 THEN 2 WHEN NEW.rate >= 6000000000 THEN 1 ELSE 0 END ELSE -1 END), NEW.grade)
		AND (OLD.grade, OLD.self_score, OLD.rate_known, OLD.rate, OLD.has_errors, OLD.dept_items, OLD.dept_gap, OLD.finance_items, OLD.finance_gap) IS NOT (NEW.grade, NEW.self_score, NEW.rate_known, NEW.rate, NEW.has_errors, NEW.dept_items, NEW.dept_gap, NEW.finance_items, NEW.finance_gap) BEGIN
	UPDATE dashboard_unit_sums SET rk = rk + NEW.rate_known - OLD.rate_known, he = he + NEW.has_errors - OLD.has_errors,
		inf = inf + (CASE WHEN (NEW.rate_known = 1 AND NEW.self_score >= 900000 AND NEW.rate < 8000000000) THEN 1 ELSE 0 END) - (CASE WHEN (OLD.rate_known = 1 AND OLD.self_score >= 900000 AND OLD.rate < 8000000000) THEN 1 ELSE 0 END),
		rvn = rvn + (CASE WHEN NEW.finance_items > 0 OR NEW.dept_items > 0 THEN 1 ELSE 0 END) - (CASE WHEN OLD.finance_items > 0 OR OLD.dept_items > 0 THEN 1 ELSE 0 END),
		s = s + NEW.self_score - OLD.self_score, r = r + (CASE WHEN NEW.rate_known = 1 THEN NEW.rate ELSE 0 END) - (CASE WHEN OLD.rate_known = 1 THEN OLD.rate ELSE 0 END),
		g = g + (CASE WHEN NEW.finance_items > 0 THEN NEW.finance_gap WHEN NEW.dept_items > 0 THEN NEW.dept_gap ELSE 0 END) - (CASE WHEN OLD.finance_items > 0 THEN OLD.finance_gap WHEN OLD.dept_items > 0 THEN OLD.dept_gap ELSE 0 END)
	WHERE unit_id = OLD.unit_id AND year = OLD.year AND kind = OLD.kind AND task_id = COALESCE(OLD.task_id, 0) AND status = OLD.status;
	UPDATE dashboard_band_sums SET s = s + NEW.self_score - OLD.self_score, r = r + NEW.rate - OLD.rate,
		inf = inf + (CASE WHEN (NEW.rate_known = 1 AND NEW.self_score >= 900000 AND NEW.rate < 8000000000) THEN 1 ELSE 0 END) - (CASE WHEN (OLD.rate_known = 1 AND OLD.self_score >= 900000 AND OLD.rate < 8000000000) THEN 1 ELSE 0 END)
	WHERE unit_id = OLD.unit_id AND year = OLD.year AND kind = OLD.kind AND task_id = COALESCE(OLD.task_id, 0) AND status = OLD.status
		AND sb = (CASE WHEN OLD.self_score >= 950000 THEN 5 WHEN OLD.self_score >= 900000 THEN 4 WHEN OLD.self_score >= 800000 THEN 3 WHEN OLD.self_score >= 700000 THEN 2 WHEN OLD.self_score >= 600000 THEN 1 ELSE 0 END) AND rb = (CASE WHEN OLD.rate_known = 1 THEN CASE WHEN OLD.rate >= 10000000001 THEN 6 WHEN OLD.rate >= 9500000000 THEN 5 WHEN OLD.rate >= 9000000000 THEN 4 WHEN OLD.rate >= 8000000000 THEN 3 WHEN OLD.rate >= 7000000000 THEN 2 WHEN OLD.rate >= 6000000000 THEN 1 ELSE 0 END ELSE -1 END) AND grade = OLD.grade;
END;

-- the key stayed, the band changed: the differences, and from one band row to the other
CREATE TRIGGER evaluations_unit_sums_band AFTER UPDATE OF unit_id, year, kind, task_id, status, grade, self_score, rate_known, rate,
	has_errors, dept_items, dept_gap, finance_items, finance_gap ON evaluations
	WHEN (OLD.unit_id, OLD.year, OLD.kind, COALESCE(OLD.task_id, 0), OLD.status) IS (NEW.unit_id, NEW.year, NEW.kind, COALESCE(NEW.task_id, 0), NEW.status)
		AND ((CASE WHEN OLD.self_score >= 950000 THEN 5 WHEN OLD.self_score >= 900000 THEN 4 WHEN OLD.self_score >= 800000 THEN 3 WHEN OLD.self_score >= 700000 THEN 2 WHEN OLD.self_score >= 600000 THEN 1 ELSE 0 END), (CASE WHEN OLD.rate_known = 1 THEN CASE WHEN OLD.rate >= 10000000001 THEN 6 WHEN OLD.rate >= 9500000000 THEN 5 WHEN OLD.rate >= 9000000000 THEN 4 WHEN OLD.rate >= 8000000000 THEN 3 WHEN OLD.rate >= 7000000000 THEN 2 WHEN OLD.rate >= 6000000000 THEN 1 ELSE 0 END ELSE -1 END), OLD.grade)
		IS NOT ((CASE WHEN NEW.self_score >= 950000 THEN 5 WHEN NEW.self_score >= 900000 THEN 4 WHEN NEW.self_score >= 800000 THEN 3 WHEN NEW.self_score >= 700000 THEN 2 WHEN NEW.self_score >= 600000 THEN 1 ELSE 0 END), (CASE WHEN NEW.rate_known = 1 THEN CASE WHEN NEW.rate >= 10000000001 THEN 6 WHEN NEW.rate >= 9500000000 THEN 5 WHEN NEW.rate >= 9000000000 THEN 4 WHEN NEW.rate >= 8000000000 THEN 3 WHEN NEW.rate >= 7000000000 THEN 2 WHEN NEW.rate >= 6000000000 THEN 1 ELSE 0 END ELSE -1 END), NEW.grade) BEGIN
	UPDATE dashboard_unit_sums SET rk = rk + NEW.rate_known - OLD.rate_known, he = he + NEW.has_errors - OLD.has_errors,
		inf = inf + (CASE WHEN (NEW.rate_known = 1 AND NEW.self_score >= 900000 AND NEW.rate < 8000000000) THEN 1 ELSE 0 END) - (CASE WHEN (OLD.rate_known = 1 AND OLD.self_score >= 900000 AND OLD.rate < 8000000000) THEN 1 ELSE 0 END),
		rvn = rvn + (CASE WHEN NEW.finance_items > 0 OR NEW.dept_items > 0 THEN 1 ELSE 0 END) - (CASE WHEN OLD.finance_items > 0 OR OLD.dept_items > 0 THEN 1 ELSE 0 END),
		s = s + NEW.self_score - OLD.self_score, r = r + (CASE WHEN NEW.rate_known = 1 THEN NEW.rate ELSE 0 END) - (CASE WHEN OLD.rate_known = 1 THEN OLD.rate ELSE 0 END),
		g = g + (CASE WHEN NEW.finance_items > 0 THEN NEW.finance_gap WHEN NEW.dept_items > 0 THEN NEW.dept_gap ELSE 0 END) - (CASE WHEN OLD.finance_items > 0 THEN OLD.finance_gap WHEN OLD.dept_items > 0 THEN OLD.dept_gap ELSE 0 END)
	WHERE unit_id = OLD.unit_id AND year = OLD.year AND kind = OLD.kind AND task_id = COALESCE(OLD.task_id, 0) AND status = OLD.status;
	UPDATE dashboard_band_sums SET n = n - 1, s = s - OLD.self_score, r = r - OLD.rate, inf = inf - (CASE WHEN (OLD.rate_known = 1 AND OLD.self_score >= 900000 AND OLD.rate < 8000000000) THEN 1 ELSE 0 END)
		WHERE unit_id = OLD.unit_id AND year = OLD.year AND kind = OLD.kind AND task_id = COALESCE(OLD.task_id, 0) AND status = OLD.status
		AND sb = (CASE WHEN OLD.self_score >= 950000 THEN 5 WHEN OLD.self_score >= 900000 THEN 4 WHEN OLD.self_score >= 800000 THEN 3 WHEN OLD.self_score >= 700000 THEN 2 WHEN OLD.self_score >= 600000 THEN 1 ELSE 0 END) AND rb = (CASE WHEN OLD.rate_known = 1 THEN CASE WHEN OLD.rate >= 10000000001 THEN 6 WHEN OLD.rate >= 9500000000 THEN 5 WHEN OLD.rate >= 9000000000 THEN 4 WHEN OLD.rate >= 8000000000 THEN 3 WHEN OLD.rate >= 7000000000 THEN 2 WHEN OLD.rate >= 6000000000 THEN 1 ELSE 0 END ELSE -1 END) AND grade = OLD.grade;
	DELETE FROM dashboard_band_sums WHERE unit_id = OLD.unit_id AND year = OLD.year AND kind = OLD.kind AND task_id = COALESCE(OLD.task_id, 0) AND status = OLD.status AND n = 0;
	INSERT INTO dashboard_band_sums AS x (unit_id, year, kind, task_id, status, sb, rb, grade, n, s, r, inf)
	VALUES (NEW.unit_id, NEW.year, NEW.kind, COALESCE(NEW.task_id, 0), NEW.status, (CASE WHEN NEW.self_score >= 950000 THEN 5 WHEN NEW.self_score >= 900000 THEN 4 WHEN NEW.self_score >= 800000 THEN 3 WHEN NEW.self_score >= 700000 THEN 2 WHEN NEW.self_score >= 600000 THEN 1 ELSE 0 END),
		(CASE WHEN NEW.rate_known = 1 THEN CASE WHEN NEW.rate >= 10000000001 THEN 6 WHEN NEW.rate >= 9500000000 THEN 5 WHEN NEW.rate >= 9000000000 THEN 4 WHEN NEW.rate >= 8000000000 THEN 3 WHEN NEW.rate >= 7000000000 THEN 2 WHEN NEW.rate >= 6000000000 THEN 1 ELSE 0 END ELSE -1 END), NEW.grade,
		1, NEW.self_score, NEW.rate, (CASE WHEN (NEW.rate_known = 1 AND NEW.self_score >= 900000 AND NEW.rate < 8000000000) THEN 1 ELSE 0 END))
	ON CONFLICT (unit_id, year, kind, task_id, status, sb, rb, grade) DO UPDATE SET n = x.n + excluded.n, s = x.s + excluded.s,
		r = x.r + excluded.r, inf = x.inf + excluded.inf;
END;
