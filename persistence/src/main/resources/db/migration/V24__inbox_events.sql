-- What changed in each user's inbox, in order, for the inbox streams (DESIGN §13): a stream is woken by NOTIFY on
-- channel herald_inbox (payload: the user id) when a change commits, reads the user's events after the last one it
-- sent, and a client that reconnects with Last-Event-ID resumes from there. Kept a day (the retention job).
CREATE TABLE inbox_events (
    id         BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    TEXT        NOT NULL,
    type       TEXT        NOT NULL,
    message_id TEXT,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX inbox_events_by_user ON inbox_events (user_id, id);
CREATE INDEX inbox_events_by_time ON inbox_events (at);

-- The unread badge counts from an index of the unread entries only.
CREATE INDEX inbox_messages_unread_by_user ON inbox_messages (user_id) WHERE read_at IS NULL AND archived_at IS NULL;
