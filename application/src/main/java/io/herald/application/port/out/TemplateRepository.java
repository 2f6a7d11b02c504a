package io.herald.application.port.out;

import io.herald.application.port.Page;
import io.herald.domain.template.Template;

import java.util.List;
import java.util.Optional;

public interface TemplateRepository {

    Optional<Template> find(String templateId);

    /** The templates whose {@code events} include {@code event}, by id. */
    List<Template> findByEvent(String event);

    void save(Template template);

    boolean delete(String templateId);

    Page<Template> list(Optional<String> cursor, int limit);
}
