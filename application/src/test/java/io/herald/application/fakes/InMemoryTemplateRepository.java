package io.herald.application.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.out.TemplateRepository;
import io.herald.domain.template.Template;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

public final class InMemoryTemplateRepository implements TemplateRepository {

    private final Map<String, Template> templates = new ConcurrentSkipListMap<>();
    private final NavigableMap<String, Draft> drafts = new ConcurrentSkipListMap<>();
    private final Map<String, List<Template>> versions = new HashMap<>();
    private final Map<String, List<Version>> versionInfo = new HashMap<>();

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
    public synchronized boolean delete(String templateId) {
        boolean existed = templates.remove(templateId) != null | drafts.remove(templateId) != null;
        versions.remove(templateId);
        versionInfo.remove(templateId);
        return existed;
    }

    @Override
    public Optional<Draft> draft(String templateId) {
        return Optional.ofNullable(drafts.get(templateId));
    }

    @Override
    public synchronized void saveDraft(Template template, String actor, Instant at) {
        putDraft(template, true, actor, at);
    }

    private void putDraft(Template template, boolean hasChanges, String actor, Instant at) {
        Draft before = drafts.get(template.id());
        drafts.put(template.id(), new Draft(template, hasChanges, before == null ? at : before.created(), before == null ? actor : before.creator(),
                at, actor));
    }

    @Override
    public synchronized Template publish(Template template, String actor, Instant at) {
        List<Template> published = versions.computeIfAbsent(template.id(), id -> new ArrayList<>());
        Template version = template.asVersion(published.size() + 1);
        published.add(version);
        versionInfo.computeIfAbsent(template.id(), id -> new ArrayList<>()).add(new Version(version.version().orElseThrow(), at, actor));
        templates.put(template.id(), version);
        putDraft(version, false, actor, at);
        return version;
    }

    @Override
    public synchronized Optional<Template> version(String templateId, int number) {
        List<Template> published = versions.getOrDefault(templateId, List.of());
        return number >= 1 && number <= published.size() ? Optional.of(published.get(number - 1)) : Optional.empty();
    }

    @Override
    public synchronized Page<Version> versions(String templateId, Optional<String> cursor, int limit) {
        List<Version> newest = new ArrayList<>(versionInfo.getOrDefault(templateId, List.of()));
        java.util.Collections.reverse(newest);
        int before = cursor.map(Integer::parseInt).orElse(Integer.MAX_VALUE);
        List<Version> after = newest.stream().filter(version -> version.number() < before).toList();
        List<Version> items = after.stream().limit(limit).toList();
        return new Page<>(items, after.size() > limit ? Integer.toString(items.get(limit - 1).number()) : null);
    }

    @Override
    public Page<Draft> drafts(Optional<String> cursor, int limit) {
        return drafts(id -> !id.startsWith("tenant/"), cursor, limit);
    }

    @Override
    public Page<Draft> tenantDrafts(String tenantId, Optional<String> cursor, int limit) {
        String prefix = TemplateRepository.tenantTemplateId(tenantId, "");
        return drafts(id -> id.startsWith(prefix), cursor, limit);
    }

    private Page<Draft> drafts(java.util.function.Predicate<String> which, Optional<String> cursor, int limit) {
        List<Draft> after = (cursor.isPresent() ? drafts.tailMap(cursor.get(), false) : drafts).values().stream()
                .filter(draft -> which.test(draft.template().id())).limit(limit + 1L).toList();
        List<Draft> items = after.stream().limit(limit).toList();
        return new Page<>(items, after.size() > limit ? items.get(limit - 1).template().id() : null);
    }

    @Override
    public Page<Template> list(Optional<String> cursor, int limit) {
        List<Template> after = templates.values().stream().filter(template -> !template.id().startsWith("tenant/"))
                .filter(template -> cursor.map(c -> template.id().compareTo(c) > 0).orElse(true)).toList();
        List<Template> items = after.stream().limit(limit).toList();
        return new Page<>(items, after.size() > limit ? items.get(limit - 1).id() : null);
    }
}
