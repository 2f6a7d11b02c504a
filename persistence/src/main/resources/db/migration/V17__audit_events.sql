-- Courier's audit events: each write made through the API, newest first by id. The actor is an admin key's
-- fingerprint or a client token's user, never a credential.
CREATE TABLE audit_events (
    id     BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor  TEXT        NOT NULL,
    source TEXT        NOT NULL,
    type   TEXT        NOT NULL,
    target TEXT        NOT NULL,
    at     TIMESTAMPTZ NOT NULL
);
