-- The messages each throttle key let through (DESIGN §14): a sliding window is a count over (key, at). A message is
-- counted once (its id is the key), so a delivery retried after a crash is not counted twice. Kept 30 days (the
-- longest period a throttle may have), by the retention job.
CREATE TABLE throttle_hits (
    message_id TEXT        PRIMARY KEY,
    key        TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX throttle_hits_by_key ON throttle_hits (key, at);
CREATE INDEX throttle_hits_by_time ON throttle_hits (at);
