-- The delivery pipeline's own queue (ADR 0014): each row is a look the pipeline is to take at a message at due_at (now,
-- after a delay, at a retry, at the end of an in-flight lease, at an escalation check). A turn takes due rows and
-- their messages with SKIP LOCKED and deletes the rows in the transaction that does the look, so an enqueued message
-- reaches SENT in two commits. One row per message and time: a follow-up scheduled twice is stored once.
-- Looks stored as db-scheduler 'deliver-messages' jobs by earlier versions still run where they are.
CREATE TABLE delivery_looks (
    message_id TEXT        NOT NULL,
    due_at     TIMESTAMPTZ NOT NULL,
    failures   INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (message_id, due_at)
);
CREATE INDEX delivery_looks_due ON delivery_looks (due_at);
