-- Templates: content per channel, the topic they belong to, the inbound events mapped to them.
CREATE TABLE templates (
    template_id TEXT        PRIMARY KEY,
    name        TEXT        NOT NULL,
    topic       TEXT,
    events      TEXT[]      NOT NULL DEFAULT '{}',
    routing     JSONB       NOT NULL,
    channels    JSONB       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX templates_by_event ON templates USING GIN (events);

-- A user's status per subscription topic (no row: opted in).
CREATE TABLE preferences (
    user_id            TEXT        NOT NULL,
    topic_id           TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    has_custom_routing BOOLEAN     NOT NULL DEFAULT false,
    custom_routing     TEXT[]      NOT NULL DEFAULT '{}',
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, topic_id)
);

CREATE TABLE lists (
    list_id     TEXT        PRIMARY KEY,
    name        TEXT        NOT NULL,
    preferences JSONB,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE list_subscriptions (
    list_id     TEXT        NOT NULL REFERENCES lists (list_id) ON DELETE CASCADE,
    user_id     TEXT        NOT NULL,
    preferences JSONB,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (list_id, user_id)
);
CREATE INDEX list_subscriptions_by_user ON list_subscriptions (user_id, list_id);

-- Messages: one per recipient of a send. Ids sort by creation time.
CREATE TABLE messages (
    message_id        TEXT        PRIMARY KEY,
    request_id        TEXT        NOT NULL,
    recipient         TEXT        NOT NULL,
    user_id           TEXT,
    template_id       TEXT,
    event             TEXT,
    automation_run_id TEXT,
    status            TEXT        NOT NULL,
    reason            TEXT,
    error             TEXT,
    channel           TEXT,
    provider          TEXT,
    spec              JSONB       NOT NULL,
    plan              JSONB,
    enqueued_at       TIMESTAMPTZ NOT NULL,
    deliver_at        TIMESTAMPTZ,
    expires_at        TIMESTAMPTZ,
    milestones        JSONB       NOT NULL DEFAULT '{}'::jsonb,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX messages_by_request ON messages (request_id, message_id);
CREATE INDEX messages_by_recipient ON messages (recipient, message_id);
CREATE INDEX messages_by_status ON messages (status, message_id);
CREATE INDEX messages_by_template ON messages (template_id, message_id);

CREATE TABLE message_history (
    id         BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id TEXT        NOT NULL REFERENCES messages (message_id) ON DELETE CASCADE,
    type       TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    details    JSONB       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX message_history_by_message ON message_history (message_id, id);

-- What each channel of a message rendered to (the console provider's record of what it would have sent).
CREATE TABLE message_outputs (
    message_id  TEXT        NOT NULL REFERENCES messages (message_id) ON DELETE CASCADE,
    channel     TEXT        NOT NULL,
    content     JSONB       NOT NULL,
    rendered_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (message_id, channel)
);

-- Every call to a provider: its outcome, the provider's own message id (for callbacks), the engagement reached.
CREATE TABLE delivery_attempts (
    message_id          TEXT        NOT NULL REFERENCES messages (message_id) ON DELETE CASCADE,
    leaf_id             TEXT        NOT NULL,
    provider            TEXT        NOT NULL,
    attempt             INT         NOT NULL,
    channel             TEXT        NOT NULL,
    outcome             TEXT        NOT NULL,
    provider_message_id TEXT,
    error               TEXT,
    engagement          TEXT,
    at                  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (message_id, leaf_id, provider, attempt)
);
CREATE INDEX delivery_attempts_by_provider_id ON delivery_attempts (provider, provider_message_id)
    WHERE provider_message_id IS NOT NULL;

CREATE TABLE idempotency_keys (
    idempotency_key TEXT        PRIMARY KEY,
    request_hash    TEXT        NOT NULL,
    response        JSONB,
    created_at      TIMESTAMPTZ NOT NULL
);

-- The in-app inbox.
CREATE TABLE inbox_messages (
    message_id  TEXT        PRIMARY KEY REFERENCES messages (message_id) ON DELETE CASCADE,
    user_id     TEXT        NOT NULL,
    content     JSONB       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    read_at     TIMESTAMPTZ,
    clicked_at  TIMESTAMPTZ,
    archived_at TIMESTAMPTZ
);
CREATE INDEX inbox_messages_by_user ON inbox_messages (user_id, message_id);
