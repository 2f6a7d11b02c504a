package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.in.ManageTemplatesUseCase;
import io.herald.domain.routing.Channel;
import io.herald.domain.template.Template;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

@Singleton
public class RecordingManageTemplates extends RecordingFake implements ManageTemplatesUseCase {

    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    private volatile Page<Template> page;

    public RecordingManageTemplates() {
        forgetAnswers();
    }

    public void know(Template template) {
        templates.put(template.id(), template);
    }

    public void answerList(Page<Template> page) {
        this.page = page;
    }

    @Override
    public void put(Template template) {
        called("put", template);
    }

    @Override
    public Optional<Template> find(String templateId) {
        called("find", templateId);
        return Optional.ofNullable(templates.get(templateId));
    }

    @Override
    public Page<Template> list(Optional<String> cursor, int limit) {
        called("list", cursor, limit);
        return page;
    }

    @Override
    public Map<Channel, Map<String, Object>> preview(Template draft, Map<String, Object> data, Map<String, Object> profile) {
        called("preview", draft, data, profile);
        return Map.of();
    }

    @Override
    public void delete(String templateId) {
        called("delete", templateId);
    }

    @Override
    protected void forgetAnswers() {
        templates.clear();
        page = new Page<>(List.of(), null);
    }
}
