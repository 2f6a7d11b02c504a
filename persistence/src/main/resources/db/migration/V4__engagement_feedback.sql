-- Engagement events waiting to be reported to Segment (an outbox): written in the transaction of the status
-- change they report, and kept with delivered_at once reported, so what was sent to Segment stays visible.
CREATE TABLE engagement_feedback (
    id                 BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    segment_message_id TEXT        NOT NULL UNIQUE,
    message_id         TEXT        NOT NULL,
    event              TEXT        NOT NULL,
    user_id            TEXT        NOT NULL,
    properties         JSONB       NOT NULL,
    occurred_at        TIMESTAMPTZ NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at       TIMESTAMPTZ,
    attempts           INT         NOT NULL DEFAULT 0,
    last_error         TEXT,
    next_attempt_at    TIMESTAMPTZ
);
CREATE INDEX engagement_feedback_pending ON engagement_feedback (id) WHERE delivered_at IS NULL;
