-- least_code is 1 on one code row of each evaluation (its least code),
-- 0 on the others: summing it over the selection's code rows counts the
-- evaluations with a finding, so that the findings aggregate counts the
-- selection in the same scan as its codes (sqldb aggregator.findings).
ALTER TABLE evaluation_findings ADD COLUMN least_code BIGINT NOT NULL DEFAULT 0;
UPDATE evaluation_findings SET least_code = 1
WHERE code = (SELECT MIN(y.code) FROM evaluation_findings y WHERE y.evaluation_id = evaluation_findings.evaluation_id);

-- A task's filing reads the evaluations of its year: with 100,000 over
-- 15 years, a scan of all of them for each task was most of its time.
CREATE INDEX evaluations_year ON evaluations (year, unit_id);
