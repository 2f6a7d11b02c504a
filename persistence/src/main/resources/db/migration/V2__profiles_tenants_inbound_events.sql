-- Profiles: the caller's attributes about a user (Courier's profile object) plus when Herald last saw the user.
CREATE TABLE profiles (
    user_id        TEXT        PRIMARY KEY,
    profile        JSONB       NOT NULL DEFAULT '{}'::jsonb,
    last_active_at TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE push_tokens (
    user_id       TEXT        NOT NULL REFERENCES profiles (user_id) ON DELETE CASCADE,
    token         TEXT        NOT NULL,
    provider_key  TEXT        NOT NULL,
    device        JSONB,
    tracking      JSONB,
    properties    JSONB,
    expires_at    TIMESTAMPTZ,
    status        TEXT        NOT NULL DEFAULT 'active',
    status_reason TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, token)
);

-- Tenants: Segment groups (groupId) and their members.
CREATE TABLE tenants (
    tenant_id  TEXT        PRIMARY KEY,
    name       TEXT        NOT NULL,
    properties JSONB       NOT NULL DEFAULT '{}'::jsonb,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE tenant_members (
    tenant_id TEXT        NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    user_id   TEXT        NOT NULL REFERENCES profiles (user_id) ON DELETE CASCADE,
    since     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX tenant_members_by_user ON tenant_members (user_id, tenant_id);

-- Every acknowledged inbound event, deduplicated by messageId, and what became of it. Events still RECEIVED
-- are the pending work of the inbound drain (see ADR 0003), retried with backoff through next_attempt_at.
CREATE TABLE inbound_events (
    id                 BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id         TEXT        NOT NULL UNIQUE,
    source             TEXT        NOT NULL,
    type               TEXT        NOT NULL,
    name               TEXT        NOT NULL,
    user_id            TEXT,
    payload            JSONB       NOT NULL,
    status             TEXT        NOT NULL DEFAULT 'RECEIVED',
    received_at        TIMESTAMPTZ NOT NULL,
    processed_at       TIMESTAMPTZ,
    message_ids        TEXT[]      NOT NULL DEFAULT '{}',
    automation_run_ids TEXT[]      NOT NULL DEFAULT '{}',
    error              TEXT,
    attempts           INT         NOT NULL DEFAULT 0,
    next_attempt_at    TIMESTAMPTZ
);
CREATE INDEX inbound_events_by_status ON inbound_events (status, id);
CREATE INDEX inbound_events_pending ON inbound_events (id) WHERE status = 'RECEIVED';

-- db-scheduler's table (its documented PostgreSQL schema): durable jobs of every Herald instance.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
