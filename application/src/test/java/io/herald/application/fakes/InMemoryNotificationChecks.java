package io.herald.application.fakes;

import io.herald.application.port.out.NotificationChecks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryNotificationChecks implements NotificationChecks {

    private final Map<List<String>, Map<String, Check>> submissions = new ConcurrentHashMap<>();

    @Override
    public synchronized List<Check> put(String templateId, String submissionId, List<Check> checks) {
        Map<String, Check> stored = submissions.computeIfAbsent(List.of(templateId, submissionId), key -> new ConcurrentHashMap<>());
        checks.forEach(check -> stored.put(check.id(), check));
        return of(templateId, submissionId);
    }

    @Override
    public List<Check> of(String templateId, String submissionId) {
        List<Check> checks = new ArrayList<>(submissions.getOrDefault(List.of(templateId, submissionId), Map.of()).values());
        checks.sort(Comparator.comparing(Check::id));
        return checks;
    }

    @Override
    public boolean delete(String templateId, String submissionId) {
        Map<String, Check> removed = submissions.remove(List.of(templateId, submissionId));
        return removed != null && !removed.isEmpty();
    }

    @Override
    public boolean anyUnresolved(String templateId) {
        return submissions.entrySet().stream().filter(entry -> entry.getKey().get(0).equals(templateId))
                .flatMap(entry -> entry.getValue().values().stream()).anyMatch(check -> !check.status().equals("RESOLVED"));
    }
}
