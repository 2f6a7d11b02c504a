package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.in.RecordEngagementUseCase;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
public class RecordingRecordEngagement extends RecordingFake implements RecordEngagementUseCase {

    public List<EngagementReport> reports() {
        return calls().stream().map(call -> call.argument(0, EngagementReport.class)).toList();
    }

    @Override
    public boolean record(EngagementReport report) {
        called("record", report);
        return true;
    }
}
