package io.herald.application.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.out.AutomationRepository;
import io.herald.domain.automation.Automation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

public final class InMemoryAutomationRepository implements AutomationRepository {

    private final Map<String, Automation> automations = new ConcurrentSkipListMap<>();

    @Override
    public Optional<Automation> find(String automationId) {
        return Optional.ofNullable(automations.get(automationId));
    }

    private List<Automation> findByTriggerEvent(String event) {
        return automations.values().stream()
                .filter(automation -> automation.trigger().map(trigger -> trigger.event().equals(event)).orElse(false))
                .toList();
    }

    @Override
    public Map<String, List<Automation>> findByTriggerEvents(Collection<String> events) {
        Map<String, List<Automation>> byEvent = new HashMap<>();
        events.forEach(event -> {
            List<Automation> triggered = findByTriggerEvent(event);
            if (!triggered.isEmpty()) {
                byEvent.put(event, triggered);
            }
        });
        return byEvent;
    }

    @Override
    public void save(Automation automation) {
        automations.put(automation.id(), automation);
    }

    @Override
    public boolean delete(String automationId) {
        return automations.remove(automationId) != null;
    }

    @Override
    public Page<Automation> list(Optional<String> cursor, int limit) {
        List<Automation> after = automations.values().stream()
                .filter(automation -> cursor.map(c -> automation.id().compareTo(c) > 0).orElse(true)).toList();
        List<Automation> items = after.stream().limit(limit).toList();
        return new Page<>(items, after.size() > limit ? items.get(limit - 1).id() : null);
    }
}
