package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.in.ListInboundEventsQuery;
import io.herald.application.port.in.ListInboundEventsUseCase;
import io.herald.application.port.out.InboundEventLog.InboundEventRecord;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
public class RecordingListInboundEvents extends RecordingFake implements ListInboundEventsUseCase {

    private volatile Page<InboundEventRecord> page;

    public RecordingListInboundEvents() {
        forgetAnswers();
    }

    public void answer(Page<InboundEventRecord> page) {
        this.page = page;
    }

    public ListInboundEventsQuery onlyQuery() {
        return onlyCall("list").argument(0, ListInboundEventsQuery.class);
    }

    @Override
    public Page<InboundEventRecord> list(ListInboundEventsQuery query) {
        called("list", query);
        return page;
    }

    @Override
    public List<InboundEventRecord> recentOf(String userId, int limit) {
        called("recentOf", userId, limit);
        return page.items();
    }

    @Override
    protected void forgetAnswers() {
        page = new Page<>(List.of(), null);
    }
}
