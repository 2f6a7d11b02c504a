-- The console's user page lists a user's latest automation runs: by recipient, newest first, over an index (runs are
-- written far less often than inbound events, which have no such index and are looked up within a bounded walk).
CREATE INDEX automation_runs_by_recipient ON automation_runs (recipient, run_id);
