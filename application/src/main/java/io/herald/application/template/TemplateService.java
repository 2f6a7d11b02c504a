package io.herald.application.template;

import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.ManageTemplatesUseCase;
import io.herald.application.port.out.BrandRepository;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.TemplateRepository;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.routing.Channel;
import io.herald.domain.template.Template;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

public final class TemplateService implements ManageTemplatesUseCase {

    private final TemplateRepository templates;
    private final BrandRepository brands;
    private final TemplateRenderer renderer;
    private final Clock clock;

    public TemplateService(TemplateRepository templates, BrandRepository brands, TemplateRenderer renderer, Clock clock) {
        this.templates = templates;
        this.brands = brands;
        this.clock = clock;
        this.renderer = renderer;
    }

    @Override
    public void put(Template template) {
        if (template.id().startsWith("tenant/")) {
            throw new InvalidValueException("template ids starting with tenant/ are where tenants' own versions are kept: "
                    + "PUT /tenants/{tenant_id}/templates/{template_id} makes one");
        }
        renderer.validate(template);
        template.brand().ifPresent(brand -> {
            if (brands.find(brand).isEmpty()) {
                throw new InvalidValueException("brand '" + brand + "' is not a brand (POST /brands creates one)");
            }
        });
        // Herald's PUT publishes at once, as the next version; Courier's notifications API keeps drafts apart.
        templates.publish(template, "api", clock.now());
    }

    @Override
    public Optional<Template> find(String templateId) {
        return templates.find(templateId);
    }

    @Override
    public Page<Template> list(Optional<String> cursor, int limit) {
        return templates.list(cursor, limit);
    }

    @Override
    public Map<Channel, Map<String, Object>> preview(Template draft, Map<String, Object> data, Map<String, Object> profile) {
        renderer.validate(draft);
        Map<String, Object> context = JsonTrees.deepCopy(data);
        context.put("profile", profile);
        Map<Channel, Map<String, Object>> rendered = new EnumMap<>(Channel.class);
        for (Channel channel : draft.channelsWithContent()) {
            rendered.put(channel, renderer.render(draft, channel, context));
        }
        return rendered;
    }

    @Override
    public void delete(String templateId) {
        if (!templates.delete(templateId)) {
            throw new NotFoundException("No template '" + templateId + "'");
        }
    }
}
