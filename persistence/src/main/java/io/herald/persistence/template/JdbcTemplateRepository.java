package io.herald.persistence.template;

import io.herald.application.port.Page;
import io.herald.application.port.out.TemplateRepository;
import io.herald.domain.template.Template;
import io.herald.persistence.support.Db;
import io.herald.persistence.support.StoredFormat;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
@Transactional
class JdbcTemplateRepository implements TemplateRepository {

    private static final String COLUMNS = "template_id, name, topic, events, routing::text AS routing, channels::text AS channels, definition_format";

    private final Db db;

    JdbcTemplateRepository(Db db) {
        this.db = db;
    }

    @Override
    public Optional<Template> find(String templateId) {
        return db.queryOne("SELECT " + COLUMNS + " FROM templates WHERE template_id = ?",
                statement -> statement.setString(1, templateId), this::template);
    }

    @Override
    public List<Template> findByEvent(String event) {
        return db.query("SELECT " + COLUMNS + " FROM templates WHERE events @> ARRAY[?]::text[] ORDER BY template_id",
                statement -> statement.setString(1, event), this::template);
    }

    @Override
    public Map<String, List<Template>> findByEvents(Collection<String> events) {
        Map<String, List<Template>> byEvent = new HashMap<>();
        if (events.isEmpty()) {
            return byEvent;
        }
        List<Template> mapped = db.query("SELECT " + COLUMNS + " FROM templates WHERE events && ?::text[] ORDER BY template_id",
                statement -> statement.setArray(1, db.textArray(List.copyOf(events))), this::template);
        for (Template template : mapped) {
            template.events().stream().filter(events::contains)
                    .forEach(event -> byEvent.computeIfAbsent(event, name -> new ArrayList<>()).add(template));
        }
        return byEvent;
    }

    @Override
    public void save(Template template) {
        Map<String, Object> json = template.toJson();
        db.update("""
                INSERT INTO templates (template_id, name, topic, events, routing, channels, definition_format)
                VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
                ON CONFLICT (template_id) DO UPDATE SET name = excluded.name, topic = excluded.topic, events = excluded.events,
                    routing = excluded.routing, channels = excluded.channels, definition_format = excluded.definition_format,
                    updated_at = now()""", statement -> {
            statement.setString(1, template.id());
            statement.setString(2, template.name());
            statement.setString(3, template.topic().orElse(null));
            statement.setArray(4, db.textArray(template.events()));
            statement.setString(5, db.toJson(json.get("routing")));
            statement.setString(6, db.toJson(json.get("channels")));
            statement.setInt(7, StoredFormat.TEMPLATE.current());
        });
    }

    @Override
    public boolean delete(String templateId) {
        return db.update("DELETE FROM templates WHERE template_id = ?", statement -> statement.setString(1, templateId)) == 1;
    }

    @Override
    public Page<Template> list(Optional<String> cursor, int limit) {
        String after = cursor.map(Db::position).orElse("");
        List<Template> rows = db.query("SELECT " + COLUMNS + " FROM templates WHERE template_id > ? ORDER BY template_id LIMIT ?",
                statement -> {
                    statement.setString(1, after);
                    statement.setInt(2, limit + 1);
                }, this::template);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<Template> items = rows.subList(0, limit);
        return new Page<>(items, Db.cursor(items.get(limit - 1).id()));
    }

    private Template template(ResultSet row) throws SQLException {
        StoredFormat.TEMPLATE.check(row.getInt("definition_format"), row.getString("template_id"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", row.getString("name"));
        json.put("topic", row.getString("topic"));
        json.put("events", Db.texts(row, "events"));
        json.put("routing", db.jsonObject(row.getString("routing")));
        json.put("channels", db.jsonObject(row.getString("channels")));
        return Template.parse(row.getString("template_id"), json);
    }
}
