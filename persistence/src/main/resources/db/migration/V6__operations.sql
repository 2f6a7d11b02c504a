-- Re-drive of FAILED automation runs (POST /automations/runs/redrive) finds them without scanning every run.
-- Additive only: an instance of the previous release keeps working on this schema during a rolling upgrade.
CREATE INDEX automation_runs_failed ON automation_runs (run_id) WHERE status = 'FAILED';
