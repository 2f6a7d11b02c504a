package io.herald.application.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.out.TemplateRepository;
import io.herald.domain.template.Template;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

public final class InMemoryTemplateRepository implements TemplateRepository {

    private final Map<String, Template> templates = new ConcurrentSkipListMap<>();

    @Override
    public Optional<Template> find(String templateId) {
        return Optional.ofNullable(templates.get(templateId));
    }

    @Override
    public List<Template> findByEvent(String event) {
        return templates.values().stream().filter(template -> template.events().contains(event)).toList();
    }

    @Override
    public Map<String, List<Template>> findByEvents(Collection<String> events) {
        Map<String, List<Template>> byEvent = new HashMap<>();
        events.forEach(event -> {
            List<Template> mapped = findByEvent(event);
            if (!mapped.isEmpty()) {
                byEvent.put(event, mapped);
            }
        });
        return byEvent;
    }

    @Override
    public void save(Template template) {
        templates.put(template.id(), template);
    }

    @Override
    public boolean delete(String templateId) {
        return templates.remove(templateId) != null;
    }

    @Override
    public Page<Template> list(Optional<String> cursor, int limit) {
        List<Template> after = templates.values().stream()
                .filter(template -> cursor.map(c -> template.id().compareTo(c) > 0).orElse(true)).toList();
        List<Template> items = after.stream().limit(limit).toList();
        return new Page<>(items, after.size() > limit ? items.get(limit - 1).id() : null);
    }
}
