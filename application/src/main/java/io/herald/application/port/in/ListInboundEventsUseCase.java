package io.herald.application.port.in;

import io.herald.application.port.Page;
import io.herald.application.port.out.InboundEventLog.InboundEventRecord;

public interface ListInboundEventsUseCase {

    Page<InboundEventRecord> list(ListInboundEventsQuery query);
}
