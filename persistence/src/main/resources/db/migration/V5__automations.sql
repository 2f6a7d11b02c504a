-- Saved automations. trigger_event repeats definition->'trigger'->>'event' so inbound events find theirs by index.
CREATE TABLE automations (
    automation_id TEXT        PRIMARY KEY,
    name          TEXT        NOT NULL,
    trigger_event TEXT,
    definition    JSONB       NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX automations_by_trigger_event ON automations (trigger_event, automation_id) WHERE trigger_event IS NOT NULL;

-- Automation runs. Each carries a snapshot of its steps and its whole state (data, event, refs, step results) in
-- state; the columns are what is searched and locked by. No foreign key to automations: runs outlive the
-- definition they started from (see ADR 0005).
CREATE TABLE automation_runs (
    run_id            TEXT        PRIMARY KEY,
    automation_id     TEXT,
    status            TEXT        NOT NULL,
    recipient         TEXT        NOT NULL,
    cancelation_token TEXT,
    current_step      INT         NOT NULL,
    state             JSONB       NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX automation_runs_active_by_token ON automation_runs (cancelation_token, run_id)
    WHERE status IN ('RUNNING', 'WAITING') AND cancelation_token IS NOT NULL;
CREATE INDEX automation_runs_by_automation ON automation_runs (automation_id, run_id);
