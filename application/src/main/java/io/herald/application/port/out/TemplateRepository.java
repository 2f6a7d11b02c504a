package io.herald.application.port.out;

import io.herald.application.port.Page;
import io.herald.domain.template.Template;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface TemplateRepository {

    Optional<Template> find(String templateId);

    /** The templates mapped to the event of that name, by id. */
    List<Template> findByEvent(String event);

    /** For each of the given event names that templates are mapped to, those templates, by id. */
    Map<String, List<Template>> findByEvents(Collection<String> events);

    void save(Template template);

    boolean delete(String templateId);

    Page<Template> list(Optional<String> cursor, int limit);
}
