package io.herald.persistence.template;

import io.herald.application.port.Page;
import io.herald.application.port.out.TemplateRepository;
import io.herald.domain.template.Template;
import io.herald.persistence.support.Db;
import io.herald.persistence.support.StoredFormat;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
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
    private final Db db;

    JdbcTemplateRepository(TemplateJdbcRepository rows, Db db) {
        this.rows = rows;
        this.db = db;
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
        boolean published = rows.deleteById(templateId) == 1;
        boolean drafted = db.update("DELETE FROM template_drafts WHERE template_id = ?", statement -> statement.setString(1, templateId)) == 1;
        db.update("DELETE FROM template_versions WHERE template_id = ?", statement -> statement.setString(1, templateId));
        return published || drafted;
    }

    @Override
    public Optional<Draft> draft(String templateId) {
        return db.queryOne("SELECT " + DRAFT_COLUMNS + " FROM template_drafts WHERE template_id = ?",
                statement -> statement.setString(1, templateId), this::draft);
    }

    @Override
    public void saveDraft(Template template, String actor, Instant at) {
        putDraft(template, true, actor, at);
    }

    private void putDraft(Template template, boolean hasChanges, String actor, Instant at) {
        db.update("""
                INSERT INTO template_drafts (template_id, definition, definition_format, has_changes, created_at, creator, updated_at, updater)
                VALUES (?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?)
                ON CONFLICT (template_id) DO UPDATE SET definition = excluded.definition, definition_format = excluded.definition_format,
                    has_changes = excluded.has_changes, updated_at = excluded.updated_at, updater = excluded.updater""", statement -> {
            statement.setString(1, template.id());
            statement.setString(2, db.toJson(definition(template)));
            statement.setInt(3, StoredFormat.TEMPLATE.current());
            statement.setBoolean(4, hasChanges);
            statement.setObject(5, Db.timestamp(at));
            statement.setString(6, actor);
            statement.setObject(7, Db.timestamp(at));
            statement.setString(8, actor);
        });
    }

    // A lock outside a transaction would be released at once, and two publishes could take the same number.
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public Template publish(Template template, String actor, Instant at) {
        putDraft(template, false, actor, at);
        db.query("SELECT template_id FROM template_drafts WHERE template_id = ? FOR UPDATE", statement -> statement.setString(1, template.id()),
                row -> row.getString(1));
        int number = db.queryOne("SELECT coalesce(max(version), 0) + 1 FROM template_versions WHERE template_id = ?",
                statement -> statement.setString(1, template.id()), row -> row.getInt(1)).orElseThrow();
        Template published = template.asVersion(number);
        db.update("INSERT INTO template_versions (template_id, version, definition, definition_format, created_at, creator) "
                + "VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?)", statement -> {
                    statement.setString(1, template.id());
                    statement.setInt(2, number);
                    statement.setString(3, db.toJson(definition(published)));
                    statement.setInt(4, StoredFormat.TEMPLATE.current());
                    statement.setObject(5, Db.timestamp(at));
                    statement.setString(6, actor);
                });
        putDraft(published, false, actor, at);
        rows.upsert(TemplateRow.of(published));
        return published;
    }

    @Override
    public Optional<Template> version(String templateId, int number) {
        return db.queryOne("SELECT definition::text AS definition, definition_format FROM template_versions WHERE template_id = ? AND version = ?",
                statement -> {
                    statement.setString(1, templateId);
                    statement.setInt(2, number);
                }, row -> template(templateId, row));
    }

    @Override
    public Page<Version> versions(String templateId, Optional<String> cursor, int limit) {
        long before = cursor.map(Db::longPosition).orElse((long) Integer.MAX_VALUE);
        List<Version> found = db.query("SELECT version, created_at, creator FROM template_versions WHERE template_id = ? AND version < ? "
                + "ORDER BY version DESC LIMIT ?", statement -> {
                    statement.setString(1, templateId);
                    statement.setLong(2, before);
                    statement.setInt(3, limit + 1);
                }, row -> new Version(row.getInt("version"), Db.instant(row, "created_at"), row.getString("creator")));
        return Db.pageOf(found, limit, version -> Integer.toString(version.number()));
    }

    @Override
    public Page<Draft> drafts(Optional<String> cursor, int limit) {
        return drafts("template_id NOT LIKE 'tenant/%'", null, cursor, limit);
    }

    @Override
    public Page<Draft> tenantDrafts(String tenantId, Optional<String> cursor, int limit) {
        return drafts("starts_with(template_id, ?)", TemplateRepository.tenantTemplateId(tenantId, ""), cursor, limit);
    }

    private Page<Draft> drafts(String which, String prefix, Optional<String> cursor, int limit) {
        String after = cursor.map(Db::position).orElse("");
        List<Draft> found = db.query("SELECT " + DRAFT_COLUMNS + " FROM template_drafts WHERE template_id > ? AND " + which
                + " ORDER BY template_id LIMIT ?", statement -> {
                    int next = 1;
                    statement.setString(next++, after);
                    if (prefix != null) {
                        statement.setString(next++, prefix);
                    }
                    statement.setInt(next, limit + 1);
                }, this::draft);
        return Db.pageOf(found, limit, draft -> draft.template().id());
    }

    private static final String DRAFT_COLUMNS = "template_id, definition::text AS definition, definition_format, has_changes, created_at, "
            + "creator, updated_at, updater";

    /** What the definition columns keep: the template as PUT /templates takes it, without its id. */
    private static Map<String, Object> definition(Template template) {
        Map<String, Object> json = new java.util.LinkedHashMap<>(template.toJson());
        json.remove("id");
        return json;
    }

    private Template template(String templateId, java.sql.ResultSet row) throws java.sql.SQLException {
        StoredFormat.TEMPLATE.check(row.getInt("definition_format"), templateId);
        return Template.parse(templateId, db.jsonObject(row.getString("definition")));
    }

    private Draft draft(java.sql.ResultSet row) throws java.sql.SQLException {
        String id = row.getString("template_id");
        return new Draft(template(id, row), row.getBoolean("has_changes"), Db.instant(row, "created_at"), row.getString("creator"),
                Db.instant(row, "updated_at"), row.getString("updater"));
    }

    @Override
    public Page<Template> list(Optional<String> cursor, int limit) {
        String after = cursor.map(Db::position).orElse("");
        List<Template> page = rows.findWorkspacePage(after, limit + 1).stream()
                .map(TemplateRow::toTemplate).toList();
        if (page.size() <= limit) {
            return new Page<>(page, null);
        }
        List<Template> items = page.subList(0, limit);
        return new Page<>(items, Db.cursor(items.get(limit - 1).id()));
    }
}
