-- Re-drive of FAILED automation runs (POST /automations/runs/redrive) finds them without scanning every run.
-- Additive only: an instance of the previous release keeps working on this schema during a rolling upgrade.
CREATE INDEX automation_runs_failed ON automation_runs (run_id) WHERE status = 'FAILED';

-- Runs started by one inbound event or one invoke chain share a chain; herald.automations.max-runs-per-chain caps
-- how many a chain may start. Older runs have none: each is a chain of its own.
ALTER TABLE automation_runs ADD COLUMN chain_id TEXT;
CREATE INDEX automation_runs_by_chain ON automation_runs (chain_id) WHERE chain_id IS NOT NULL;

-- Provider callbacks already acted on (SendGrid sg_event_id, Twilio MessageSid + status): a replay changes nothing.
CREATE TABLE webhook_receipts (
    provider    TEXT        NOT NULL,
    receipt     TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (provider, receipt)
);
CREATE INDEX webhook_receipts_by_age ON webhook_receipts (received_at);

-- The secret client tokens are signed with when herald.auth.token-secret is not configured: generated once, shared
-- by every instance, kept across restarts (so issued tokens stay valid).
CREATE TABLE auth_token_secret (
    id         SMALLINT    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    secret     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The retention job deletes by age, a batch at a time: each batch finds its rows through these.
CREATE INDEX messages_by_enqueued ON messages (enqueued_at);
CREATE INDEX inbound_events_by_received ON inbound_events (received_at);
CREATE INDEX automation_runs_by_created ON automation_runs (created_at);
CREATE INDEX engagement_feedback_delivered ON engagement_feedback (delivered_at) WHERE delivered_at IS NOT NULL;
