package io.herald.application.port.in;

import io.herald.application.port.Page;
import io.herald.domain.template.Template;

import java.util.Optional;

public interface ManageTemplatesUseCase {

    /** Creates or replaces the template; content that does not compile is refused, naming where. */
    void put(Template template);

    Optional<Template> find(String templateId);

    Page<Template> list(Optional<String> cursor, int limit);

    void delete(String templateId);
}
