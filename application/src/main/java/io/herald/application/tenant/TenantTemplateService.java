package io.herald.application.tenant;

import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.ManageTenantTemplatesUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.TemplateRepository;
import io.herald.application.port.out.TemplateRepository.Draft;
import io.herald.application.port.out.TenantRepository;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.json.JsonFields;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Template;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tenant templates kept as templates of their own under {@code tenant/<tenant>/<template>} (ADR 0017's drafts and
 * versions): content and routing are the tenant's, the rest (name, topic, events, brand) the workspace template's, and
 * a routing left out is the workspace template's.
 */
public final class TenantTemplateService implements ManageTenantTemplatesUseCase {

    private final TemplateRepository templates;
    private final TenantRepository tenants;
    private final TemplateRenderer renderer;
    private final Clock clock;

    public TenantTemplateService(TemplateRepository templates, TenantRepository tenants, TemplateRenderer renderer, Clock clock) {
        this.templates = templates;
        this.tenants = tenants;
        this.renderer = renderer;
        this.clock = clock;
    }

    @Override
    public View put(String tenantId, String templateId, Map<String, Object> input, boolean publish, String actor) {
        tenant(tenantId);
        Template workspace = templates.find(templateId).or(() -> templates.draft(templateId).map(Draft::template))
                .orElseThrow(() -> new NotFoundException("No template '" + templateId + "': a tenant's version is of a workspace template"));
        JsonFields fields = JsonFields.of(input, "template", "Courier's TenantTemplateInput: {content, routing}");
        fields.allowOnly(java.util.Set.of("content", "routing", "channels", "providers"), "a tenant template");
        for (String unsupported : new String[] {"channels", "providers"}) {
            if (fields.optionalMap(unsupported).filter(map -> !map.isEmpty()).isPresent()) {
                throw new InvalidValueException(fields.where(unsupported) + " is not supported on a tenant template: the send's "
                        + unsupported + " apply");
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", workspace.name());
        json.put("content", fields.requiredMap("content"));
        json.put("routing", fields.has("routing") ? fields.get("routing") : workspace.routing().toJson());
        Template version = Template.parse(TemplateRepository.tenantTemplateId(tenantId, templateId), json);
        renderer.validate(version);
        Instant now = clock.now();
        Template saved = publish ? templates.publish(version, actor, now) : version;
        if (!publish) {
            templates.saveDraft(version, actor, now);
        }
        return view(templateId, saved);
    }

    @Override
    public View get(String tenantId, String templateId, Optional<Integer> version) {
        tenant(tenantId);
        String key = TemplateRepository.tenantTemplateId(tenantId, templateId);
        Draft draft = templates.draft(key).orElseThrow(() -> notFound(tenantId, templateId));
        Template template = version.map(number -> templates.version(key, number)
                .orElseThrow(() -> new NotFoundException("Tenant '" + tenantId + "' has no version v" + number + " of '" + templateId + "'")))
                .orElse(draft.template());
        return view(templateId, template);
    }

    @Override
    public Page<View> list(String tenantId, Optional<String> cursor, int limit) {
        tenant(tenantId);
        String prefix = TemplateRepository.tenantTemplateId(tenantId, "");
        return templates.tenantDrafts(tenantId, cursor, limit)
                .map(draft -> view(draft.template().id().substring(prefix.length()), draft.template(), draft));
    }

    @Override
    public void delete(String tenantId, String templateId) {
        tenant(tenantId);
        if (!templates.delete(TemplateRepository.tenantTemplateId(tenantId, templateId))) {
            throw notFound(tenantId, templateId);
        }
    }

    @Override
    public View publish(String tenantId, String templateId, Optional<Integer> version, String actor) {
        View current = get(tenantId, templateId, version);
        return view(templateId, templates.publish(current.template(), actor, clock.now()));
    }

    private View view(String templateId, Template template) {
        return view(templateId, template, templates.draft(template.id()).orElseThrow());
    }

    /** The view, with when the tenant's version was last published (a page lists each with one more read). */
    private View view(String templateId, Template template, Draft draft) {
        Optional<Instant> published = templates.versions(template.id(), Optional.empty(), 1).items().stream().findFirst()
                .map(TemplateRepository.Version::created);
        return new View(templateId, template, draft, published);
    }

    private void tenant(String tenantId) {
        if (tenants.find(tenantId).isEmpty()) {
            throw new NotFoundException("No tenant '" + tenantId + "'");
        }
    }

    private static NotFoundException notFound(String tenantId, String templateId) {
        return new NotFoundException("Tenant '" + tenantId + "' has no template '" + templateId + "' of its own");
    }
}
