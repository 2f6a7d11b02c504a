package io.herald.application.port.in;

import io.herald.application.port.Page;
import io.herald.domain.routing.Channel;
import io.herald.domain.template.Template;

import java.util.Map;
import java.util.Optional;

public interface ManageTemplatesUseCase {

    /** Creates or replaces the template; content that does not compile is refused, naming where. */
    void put(Template template);

    Optional<Template> find(String templateId);

    Page<Template> list(Optional<String> cursor, int limit);

    void delete(String templateId);

    /**
     * What each channel of {@code draft} renders to for {@code data} and a recipient whose profile is {@code profile},
     * without saving anything: the editor's preview. Content that does not compile or render is an
     * InvalidValueException naming the field and position.
     */
    Map<Channel, Map<String, Object>> preview(Template draft, Map<String, Object> data, Map<String, Object> profile);
}
