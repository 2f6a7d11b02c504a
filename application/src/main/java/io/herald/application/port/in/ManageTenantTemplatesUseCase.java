package io.herald.application.port.in;

import io.herald.application.port.Page;
import io.herald.application.port.out.TemplateRepository;
import io.herald.domain.template.Template;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Courier's tenant templates: a tenant's own content (and routing) for a workspace template, with a draft and
 * numbered versions as notifications have; a send in the tenant's context uses its published version.
 */
public interface ManageTenantTemplatesUseCase {

    /** A tenant's version of a template: the one asked for, its draft's bookkeeping, and when it was last published. */
    record View(String templateId, Template template, TemplateRepository.Draft draft, Optional<Instant> publishedAt) {
    }

    /** Courier's {@code TenantTemplateInput} ({@code content}, {@code routing}); the workspace template must exist. */
    View put(String tenantId, String templateId, Map<String, Object> input, boolean publish, String actor);

    /** The draft, or (given a number) that published version. */
    View get(String tenantId, String templateId, Optional<Integer> version);

    Page<View> list(String tenantId, Optional<String> cursor, int limit);

    /** Deletes the tenant's version, its draft and versions: its sends use the workspace template again. */
    void delete(String tenantId, String templateId);

    /** Publishes the draft, or a version again, as the next version. */
    View publish(String tenantId, String templateId, Optional<Integer> version, String actor);
}
