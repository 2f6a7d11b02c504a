-- Courier's PUT /requests/{id}/archive: the request's messages leave GET /messages unless archived=true asks for them.
-- Kept apart from messages so that archiving writes one row, and listing pays only once a request is archived.
CREATE TABLE archived_requests (
    request_id  TEXT        PRIMARY KEY,
    archived_at TIMESTAMPTZ NOT NULL
);
