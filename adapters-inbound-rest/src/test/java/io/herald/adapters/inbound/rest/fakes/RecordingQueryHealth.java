package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.in.QueryHealthUseCase;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

@Singleton
public class RecordingQueryHealth extends RecordingFake implements QueryHealthUseCase {

    private volatile boolean up;
    private volatile Report report;

    public RecordingQueryHealth() {
        forgetAnswers();
    }

    public void answerUp(boolean up) {
        this.up = up;
    }

    public void answerReport(Report report) {
        this.report = report;
    }

    @Override
    public boolean isUp() {
        called("isUp");
        return up;
    }

    @Override
    public Report report() {
        called("report");
        return report;
    }

    @Override
    protected void forgetAnswers() {
        up = true;
        report = new Report(true, true, Optional.empty(), Optional.empty(), List.of());
    }
}
