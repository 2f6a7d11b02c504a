package io.herald.adapters.outbound.providers.callbacks;

import io.herald.application.port.in.RecordEngagementUseCase;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-port the callbacks report to, recording each report. The webhooks call it on Micronaut's blocking executor,
 * so the record is safe to read from the test thread.
 */
@Singleton
public class RecordingEngagement implements RecordEngagementUseCase {

    private final List<EngagementReport> reports = new CopyOnWriteArrayList<>();

    public List<EngagementReport> reports() {
        return List.copyOf(reports);
    }

    public void reset() {
        reports.clear();
    }

    @Override
    public boolean record(EngagementReport report) {
        reports.add(report);
        return true;
    }
}
