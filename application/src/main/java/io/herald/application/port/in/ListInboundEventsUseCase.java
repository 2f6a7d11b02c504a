package io.herald.application.port.in;

import io.herald.application.port.Page;
import io.herald.application.port.out.InboundEventLog.InboundEventRecord;

import java.util.List;

public interface ListInboundEventsUseCase {

    Page<InboundEventRecord> list(ListInboundEventsQuery query);

    /** How far back {@link #recentOf} looks: the events received last, of every user. */
    int RECENT_EVENTS_LOOKED_AT = 10_000;

    /** One user's events among the {@value #RECENT_EVENTS_LOOKED_AT} received last, newest first. */
    List<InboundEventRecord> recentOf(String userId, int limit);
}
