package io.herald.application.template;

import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.ManageTemplatesUseCase;
import io.herald.application.port.out.TemplateRepository;
import io.herald.domain.template.Template;

import java.util.Optional;

public final class TemplateService implements ManageTemplatesUseCase {

    private final TemplateRepository templates;
    private final TemplateRenderer renderer;

    public TemplateService(TemplateRepository templates, TemplateRenderer renderer) {
        this.templates = templates;
        this.renderer = renderer;
    }

    @Override
    public void put(Template template) {
        renderer.validate(template);
        templates.save(template);
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
    public void delete(String templateId) {
        if (!templates.delete(templateId)) {
            throw new NotFoundException("No template '" + templateId + "'");
        }
    }
}
