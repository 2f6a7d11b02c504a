package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.in.ManageAutomationsUseCase;
import io.herald.domain.automation.Automation;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

@Singleton
public class RecordingManageAutomations extends RecordingFake implements ManageAutomationsUseCase {

    private final Map<String, Automation> automations = new ConcurrentHashMap<>();
    private volatile Page<Automation> page;

    public RecordingManageAutomations() {
        forgetAnswers();
    }

    public void know(Automation automation) {
        automations.put(automation.id(), automation);
    }

    public void answerList(Page<Automation> page) {
        this.page = page;
    }

    @Override
    public void put(Automation automation) {
        called("put", automation);
    }

    @Override
    public Optional<Automation> find(String automationId) {
        called("find", automationId);
        return Optional.ofNullable(automations.get(automationId));
    }

    @Override
    public Page<Automation> list(Optional<String> cursor, int limit) {
        called("list", cursor, limit);
        return page;
    }

    @Override
    public void delete(String automationId) {
        called("delete", automationId);
    }

    @Override
    protected void forgetAnswers() {
        automations.clear();
        page = new Page<>(List.of(), null);
    }
}
