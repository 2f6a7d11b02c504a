-- Inbound processing in lanes (ADR 0013): every event belongs to one of 16 lanes, chosen by its user (or, when it
-- names none, by its messageId), so one user's events always share a lane and are processed in order, while
-- different lanes are processed in parallel by any thread of any instance. The lane is computed by PostgreSQL,
-- so that every writer and every Herald version agree on it.
CREATE FUNCTION herald_inbound_lane(key TEXT) RETURNS SMALLINT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT (get_byte(decode(md5(key), 'hex'), 0) % 16)::SMALLINT $$;

-- A stored generated column: no code path can forget it. Adding it rewrites the table once, at upgrade.
ALTER TABLE inbound_events
    ADD COLUMN lane SMALLINT NOT NULL GENERATED ALWAYS AS (herald_inbound_lane(coalesce(user_id, message_id))) STORED;

-- Pending events by lane: what finds the lanes with work (one probe per lane). A turn takes its lanes' oldest events
-- by walking inbound_events_pending (id order), which stays.
CREATE INDEX inbound_events_pending_by_lane ON inbound_events (lane, id) WHERE status = 'RECEIVED';
