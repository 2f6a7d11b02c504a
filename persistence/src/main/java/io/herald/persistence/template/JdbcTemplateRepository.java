package io.herald.persistence.template;

import io.herald.application.port.Page;
import io.herald.application.port.out.TemplateRepository;
import io.herald.domain.template.Template;
import io.herald.persistence.support.Db;
import io.micronaut.data.model.Limit;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
@Transactional
class JdbcTemplateRepository implements TemplateRepository {

    private final TemplateJdbcRepository rows;

    JdbcTemplateRepository(TemplateJdbcRepository rows) {
        this.rows = rows;
    }

    @Override
    public Optional<Template> find(String templateId) {
        return rows.findById(templateId).map(TemplateRow::toTemplate);
    }

    @Override
    public List<Template> findByEvent(String event) {
        return rows.findMappedTo(event).stream().map(TemplateRow::toTemplate).toList();
    }

    @Override
    public Map<String, List<Template>> findByEvents(Collection<String> events) {
        Map<String, List<Template>> byEvent = new HashMap<>();
        if (events.isEmpty()) {
            return byEvent;
        }
        for (TemplateRow row : rows.findMappedToAny(events)) {
            Template template = row.toTemplate();
            template.events().stream().filter(events::contains)
                    .forEach(event -> byEvent.computeIfAbsent(event, name -> new ArrayList<>()).add(template));
        }
        return byEvent;
    }

    @Override
    public void save(Template template) {
        rows.upsert(TemplateRow.of(template));
    }

    @Override
    public boolean delete(String templateId) {
        return rows.deleteById(templateId) == 1;
    }

    @Override
    public Page<Template> list(Optional<String> cursor, int limit) {
        String after = cursor.map(Db::position).orElse("");
        List<Template> page = rows.findByTemplateIdGreaterThanOrderByTemplateId(after, Limit.of(limit + 1, 0)).stream()
                .map(TemplateRow::toTemplate).toList();
        if (page.size() <= limit) {
            return new Page<>(page, null);
        }
        List<Template> items = page.subList(0, limit);
        return new Page<>(items, Db.cursor(items.get(limit - 1).id()));
    }
}
