-- Courier's bulk jobs: a message definition and its users, added in pages, sent a page at a time as durable work.
CREATE TABLE bulk_jobs (
    job_id     TEXT        PRIMARY KEY,
    definition JSONB       NOT NULL,
    status     TEXT        NOT NULL,
    received   BIGINT      NOT NULL DEFAULT 0,
    enqueued   BIGINT      NOT NULL DEFAULT 0,
    failures   BIGINT      NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- seq orders a job's users as added; a page reads the PENDING ones after the last it saw.
CREATE TABLE bulk_users (
    job_id     TEXT   NOT NULL REFERENCES bulk_jobs (job_id) ON DELETE CASCADE,
    seq        BIGINT GENERATED ALWAYS AS IDENTITY,
    "user"     JSONB  NOT NULL,
    status     TEXT   NOT NULL,
    message_id TEXT,
    error      TEXT,
    PRIMARY KEY (job_id, seq)
);
