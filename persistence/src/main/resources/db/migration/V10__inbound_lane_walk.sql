-- Pending events have one index, inbound_events_pending_by_lane (lane, id), which a drain turn reads each of its lanes'
-- oldest events through. With other indexes that also yield pending events in id order beside it, a backlog that
-- arrived after the last ANALYZE (which saw no pending event) was read through one of those instead, filtering out the
-- other lanes' events: on statistics of an empty queue all of them cost the same. So the id-only index goes, and the
-- status index leaves pending events out; lists by any other status, written with the status as a literal, still use it.
-- Each acknowledged event now writes two index entries fewer.
-- Herald versions before lanes walked inbound_events_pending; during a rolling upgrade from one, its turns read pending
-- events through the lane index and sort them, slower until the last of them is replaced.
DROP INDEX inbound_events_pending;
DROP INDEX inbound_events_by_status;
CREATE INDEX inbound_events_by_status ON inbound_events (status, id) WHERE status <> 'RECEIVED';
