package io.herald.persistence.automation;

import io.herald.application.port.Page;
import io.herald.application.port.out.AutomationRepository;
import io.herald.domain.automation.Automation;
import io.herald.persistence.support.Db;
import io.herald.persistence.support.StoredFormat;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
@Transactional
class JdbcAutomationRepository implements AutomationRepository {

    private static final String COLUMNS = "automation_id, definition::text AS definition, definition_format";

    private final Db db;

    JdbcAutomationRepository(Db db) {
        this.db = db;
    }

    @Override
    public Optional<Automation> find(String automationId) {
        return db.queryOne("SELECT " + COLUMNS + " FROM automations WHERE automation_id = ?",
                statement -> statement.setString(1, automationId), this::automation);
    }

    @Override
    public Map<String, List<Automation>> findByTriggerEvents(Collection<String> events) {
        Map<String, List<Automation>> byEvent = new HashMap<>();
        if (events.isEmpty()) {
            return byEvent;
        }
        db.query("SELECT " + COLUMNS + " FROM automations WHERE trigger_event = ANY (?) ORDER BY automation_id",
                statement -> statement.setArray(1, db.textArray(List.copyOf(events))), this::automation)
                .forEach(automation -> byEvent.computeIfAbsent(automation.trigger().orElseThrow().event(), name -> new ArrayList<>())
                        .add(automation));
        return byEvent;
    }

    @Override
    public void save(Automation automation) {
        Map<String, Object> definition = automation.toJson();
        definition.remove("id");
        db.update("""
                INSERT INTO automations (automation_id, name, trigger_event, definition, definition_format) VALUES (?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (automation_id) DO UPDATE SET name = excluded.name, trigger_event = excluded.trigger_event,
                    definition = excluded.definition, definition_format = excluded.definition_format, updated_at = now()""",
                statement -> {
            statement.setString(1, automation.id());
            statement.setString(2, automation.name());
            statement.setString(3, automation.trigger().map(Automation.Trigger::event).orElse(null));
            statement.setString(4, db.toJson(definition));
            statement.setInt(5, StoredFormat.AUTOMATION.current());
        });
    }

    @Override
    public boolean delete(String automationId) {
        return db.update("DELETE FROM automations WHERE automation_id = ?", statement -> statement.setString(1, automationId)) == 1;
    }

    @Override
    public Page<Automation> list(Optional<String> cursor, int limit) {
        String after = cursor.map(Db::position).orElse("");
        List<Automation> rows = db.query("SELECT " + COLUMNS + " FROM automations WHERE automation_id > ? ORDER BY automation_id LIMIT ?",
                statement -> {
                    statement.setString(1, after);
                    statement.setInt(2, limit + 1);
                }, this::automation);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<Automation> items = rows.subList(0, limit);
        return new Page<>(items, Db.cursor(items.get(limit - 1).id()));
    }

    private Automation automation(ResultSet row) throws SQLException {
        StoredFormat.AUTOMATION.check(row.getInt("definition_format"), row.getString("automation_id"));
        return Automation.parse(row.getString("automation_id"), db.jsonObject(row.getString("definition")));
    }
}
