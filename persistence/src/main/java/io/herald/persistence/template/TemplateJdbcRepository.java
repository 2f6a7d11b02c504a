package io.herald.persistence.template;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TemplateJdbcRepository extends GenericRepository<TemplateRow, String> {

    Optional<TemplateRow> findById(String templateId);

    /** By the GIN index on {@code events}. */
    @Query("SELECT * FROM templates WHERE events @> CAST(ARRAY[:event] AS text[]) ORDER BY template_id")
    List<TemplateRow> findMappedTo(String event);

    /** The collection is expanded to one parameter per event: {@code ARRAY[?, ?, …]}. */
    @Query("SELECT * FROM templates WHERE events && CAST(ARRAY[:events] AS text[]) ORDER BY template_id")
    List<TemplateRow> findMappedToAny(Collection<String> events);

    /** Workspace templates only: a tenant's own versions ({@code tenant/…}) are read through their tenant. */
    @Query("SELECT * FROM templates WHERE template_id > :after AND template_id NOT LIKE 'tenant/%' ORDER BY template_id LIMIT :limit")
    List<TemplateRow> findWorkspacePage(String after, int limit);

    @Query("""
            INSERT INTO templates (template_id, name, topic, brand_id, events, routing, channels, content, tags, version, definition_format)
            VALUES (:templateId, :name, :topic, :brandId, :events, CAST(:routing AS jsonb), CAST(:channels AS jsonb), CAST(:content AS jsonb),
                    :tags, :version, :definitionFormat)
            ON CONFLICT (template_id) DO UPDATE SET name = excluded.name, topic = excluded.topic, brand_id = excluded.brand_id,
                events = excluded.events, content = excluded.content, tags = excluded.tags, version = excluded.version,
                routing = excluded.routing, channels = excluded.channels, definition_format = excluded.definition_format,
                updated_at = now()""")
    void upsert(TemplateRow row);

    int deleteById(String templateId);
}
