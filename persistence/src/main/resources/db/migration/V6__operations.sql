-- Re-drive of FAILED automation runs (POST /automations/runs/redrive) finds them without scanning every run.
-- Additive only: an instance of the previous release keeps working on this schema during a rolling upgrade.
CREATE INDEX automation_runs_failed ON automation_runs (run_id) WHERE status = 'FAILED';

-- Runs started by one inbound event or one invoke chain share a chain; herald.automations.max-runs-per-chain caps
-- how many a chain may start. Older runs have none: each is a chain of its own.
ALTER TABLE automation_runs ADD COLUMN chain_id TEXT;
CREATE INDEX automation_runs_by_chain ON automation_runs (chain_id) WHERE chain_id IS NOT NULL;
