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
DROP TRIGGER evaluations_unit_sums_update ON evaluations;

CREATE FUNCTION dashboard_unit_sums_update_trigger() RETURNS trigger AS $$
BEGIN
	IF (OLD.unit_id, OLD.year, OLD.kind, COALESCE(OLD.task_id, 0), OLD.status) IS DISTINCT FROM (NEW.unit_id, NEW.year, NEW.kind, COALESCE(NEW.task_id, 0), NEW.status) THEN
		PERFORM dashboard_unit_sums_add(OLD, -1);
		PERFORM dashboard_unit_sums_add(NEW, 1);
		RETURN NULL;
	END IF;
	UPDATE dashboard_unit_sums x SET rk = x.rk + NEW.rate_known - OLD.rate_known, he = x.he + NEW.has_errors - OLD.has_errors,
		inf = x.inf + (CASE WHEN (NEW.rate_known = 1 AND NEW.self_score >= 900000 AND NEW.rate < 8000000000) THEN 1 ELSE 0 END) - (CASE WHEN (OLD.rate_known = 1 AND OLD.self_score >= 900000 AND OLD.rate < 8000000000) THEN 1 ELSE 0 END),
		rvn = x.rvn + (CASE WHEN NEW.finance_items > 0 OR NEW.dept_items > 0 THEN 1 ELSE 0 END) - (CASE WHEN OLD.finance_items > 0 OR OLD.dept_items > 0 THEN 1 ELSE 0 END),
		s = x.s + NEW.self_score - OLD.self_score, r = x.r + (CASE WHEN NEW.rate_known = 1 THEN NEW.rate ELSE 0 END) - (CASE WHEN OLD.rate_known = 1 THEN OLD.rate ELSE 0 END),
		g = x.g + (CASE WHEN NEW.finance_items > 0 THEN NEW.finance_gap WHEN NEW.dept_items > 0 THEN NEW.dept_gap ELSE 0 END) - (CASE WHEN OLD.finance_items > 0 THEN OLD.finance_gap WHEN OLD.dept_items > 0 THEN OLD.dept_gap ELSE 0 END)
	WHERE x.unit_id = OLD.unit_id AND x.year = OLD.year AND x.kind = OLD.kind AND x.task_id = COALESCE(OLD.task_id, 0) AND x.status = OLD.status;
	IF ((CASE WHEN OLD.self_score >= 950000 THEN 5 WHEN OLD.self_score >= 900000 THEN 4 WHEN OLD.self_score >= 800000 THEN 3 WHEN OLD.self_score >= 700000 THEN 2 WHEN OLD.self_score >= 600000 THEN 1 ELSE 0 END), (CASE WHEN OLD.rate_known = 1 THEN CASE WHEN OLD.rate >= 10000000001 THEN 6 WHEN OLD.rate >= 9500000000 THEN 5 WHEN OLD.rate >= 9000000000 THEN 4 WHEN OLD.rate >= 8000000000 THEN 3 WHEN OLD.rate >= 7000000000 THEN 2 WHEN OLD.rate >= 6000000000 THEN 1 ELSE 0 END ELSE -1 END), OLD.grade)
		IS NOT DISTINCT FROM ((CASE WHEN NEW.self_score >= 950000 THEN 5 WHEN NEW.self_score >= 900000 THEN 4 WHEN NEW.self_score >= 800000 THEN 3 WHEN NEW.self_score >= 700000 THEN 2 WHEN NEW.self_score >= 600000 THEN 1 ELSE 0 END), (CASE WHEN NEW.rate_known = 1 THEN CASE WHEN NEW.rate >= 10000000001 THEN 6 WHEN NEW.rate >= 9500000000 THEN 5 WHEN NEW.rate >= 9000000000 THEN 4 WHEN NEW.rate >= 8000000000 THEN 3 WHEN NEW.rate >= 7000000000 THEN 2 WHEN NEW.rate >= 6000000000 THEN 1 ELSE 0 END ELSE -1 END), NEW.grade) THEN
		UPDATE dashboard_band_sums x SET s = x.s + NEW.self_score - OLD.self_score, r = x.r + NEW.rate - OLD.rate,
		inf = x.inf + (CASE WHEN (NEW.rate_known = 1 AND NEW.self_score >= 900000 AND NEW.rate < 8000000000) THEN 1 ELSE 0 END) - (CASE WHEN (OLD.rate_known = 1 AND OLD.self_score >= 900000 AND OLD.rate < 8000000000) THEN 1 ELSE 0 END)
	WHERE x.unit_id = OLD.unit_id AND x.year = OLD.year AND x.kind = OLD.kind AND x.task_id = COALESCE(OLD.task_id, 0) AND x.status = OLD.status
		AND x.sb = (CASE WHEN OLD.self_score >= 950000 THEN 5 WHEN OLD.self_score >= 900000 THEN 4 WHEN OLD.self_score >= 800000 THEN 3 WHEN OLD.self_score >= 700000 THEN 2 WHEN OLD.self_score >= 600000 THEN 1 ELSE 0 END) AND x.rb = (CASE WHEN OLD.rate_known = 1 THEN CASE WHEN OLD.rate >= 10000000001 THEN 6 WHEN OLD.rate >= 9500000000 THEN 5 WHEN OLD.rate >= 9000000000 THEN 4 WHEN OLD.rate >= 8000000000 THEN 3 WHEN OLD.rate >= 7000000000 THEN 2 WHEN OLD.rate >= 6000000000 THEN 1 ELSE 0 END ELSE -1 END) AND x.grade = OLD.grade;
	ELSE
		UPDATE dashboard_band_sums x SET n = x.n - 1, s = x.s - OLD.self_score, r = x.r - OLD.rate, inf = x.inf - (CASE WHEN (OLD.rate_known = 1 AND OLD.self_score >= 900000 AND OLD.rate < 8000000000) THEN 1 ELSE 0 END)
			WHERE x.unit_id = OLD.unit_id AND x.year = OLD.year AND x.kind = OLD.kind AND x.task_id = COALESCE(OLD.task_id, 0) AND x.status = OLD.status
		AND x.sb = (CASE WHEN OLD.self_score >= 950000 THEN 5 WHEN OLD.self_score >= 900000 THEN 4 WHEN OLD.self_score >= 800000 THEN 3 WHEN OLD.self_score >= 700000 THEN 2 WHEN OLD.self_score >= 600000 THEN 1 ELSE 0 END) AND x.rb = (CASE WHEN OLD.rate_known = 1 THEN CASE WHEN OLD.rate >= 10000000001 THEN 6 WHEN OLD.rate >= 9500000000 THEN 5 WHEN OLD.rate >= 9000000000 THEN 4 WHEN OLD.rate >= 8000000000 THEN 3 WHEN OLD.rate >= 7000000000 THEN 2 WHEN OLD.rate >= 6000000000 THEN 1 ELSE 0 END ELSE -1 END) AND x.grade = OLD.grade;
		DELETE FROM dashboard_band_sums x WHERE x.unit_id = OLD.unit_id AND x.year = OLD.year AND x.kind = OLD.kind AND x.task_id = COALESCE(OLD.task_id, 0) AND x.status = OLD.status AND x.n = 0;
		INSERT INTO dashboard_band_sums AS x (unit_id, year, kind, task_id, status, sb, rb, grade, n, s, r, inf)
		VALUES (NEW.unit_id, NEW.year, NEW.kind, COALESCE(NEW.task_id, 0), NEW.status, (CASE WHEN NEW.self_score >= 950000 THEN 5 WHEN NEW.self_score >= 900000 THEN 4 WHEN NEW.self_score >= 800000 THEN 3 WHEN NEW.self_score >= 700000 THEN 2 WHEN NEW.self_score >= 600000 THEN 1 ELSE 0 END),
			(CASE WHEN NEW.rate_known = 1 THEN CASE WHEN NEW.rate >= 10000000001 THEN 6 WHEN NEW.rate >= 9500000000 THEN 5 WHEN NEW.rate >= 9000000000 THEN 4 WHEN NEW.rate >= 8000000000 THEN 3 WHEN NEW.rate >= 7000000000 THEN 2 WHEN NEW.rate >= 6000000000 THEN 1 ELSE 0 END ELSE -1 END), NEW.grade,
			1, NEW.self_score, NEW.rate, (CASE WHEN (NEW.rate_known = 1 AND NEW.self_score >= 900000 AND NEW.rate < 8000000000) THEN 1 ELSE 0 END))
		ON CONFLICT (unit_id, year, kind, task_id, status, sb, rb, grade) DO UPDATE SET n = x.n + excluded.n, s = x.s + excluded.s,
			r = x.r + excluded.r, inf = x.inf + excluded.inf;
	END IF;
	RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER evaluations_unit_sums_update AFTER UPDATE OF unit_id, year, kind, task_id, status, grade, self_score, rate_known, rate,
	has_errors, dept_items, dept_gap, finance_items, finance_gap ON evaluations
	FOR EACH ROW WHEN ((OLD.unit_id, OLD.year, OLD.kind, COALESCE(OLD.task_id, 0), OLD.status) IS DISTINCT FROM (NEW.unit_id, NEW.year, NEW.kind, COALESCE(NEW.task_id, 0), NEW.status)
		OR (OLD.grade, OLD.self_score, OLD.rate_known, OLD.rate, OLD.has_errors, OLD.dept_items, OLD.dept_gap, OLD.finance_items, OLD.finance_gap) IS DISTINCT FROM (NEW.grade, NEW.self_score, NEW.rate_known, NEW.rate, NEW.has_errors, NEW.dept_items, NEW.dept_gap, NEW.finance_items, NEW.finance_gap))
	EXECUTE FUNCTION dashboard_unit_sums_update_trigger();
