package io.herald.application.notification;

import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.ManageNotificationsUseCase;
import io.herald.application.port.out.BrandRepository;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.NotificationChecks;
import io.herald.application.port.out.TemplateRepository;
import io.herald.application.port.out.TemplateRepository.Draft;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Elemental;
import io.herald.domain.template.Template;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Courier's notifications on Herald's templates (ADR 0017): a notification is a template whose content is Elemental.
 * Every change goes to the template's draft, which sends never use; publishing makes the draft the next numbered
 * version, and that is what sends render (the message's history names the version). Elements get ids when they have
 * none, so that one element or its text in a locale can be replaced later.
 */
public final class NotificationService implements ManageNotificationsUseCase {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TemplateRepository templates;
    private final BrandRepository brands;
    private final NotificationChecks checks;
    private final TemplateRenderer renderer;
    private final Clock clock;

    public NotificationService(TemplateRepository templates, BrandRepository brands, NotificationChecks checks, TemplateRenderer renderer,
                               Clock clock) {
        this.templates = templates;
        this.checks = checks;
        this.brands = brands;
        this.renderer = renderer;
        this.clock = clock;
    }

    @Override
    public View create(Payload payload, boolean publish, String actor) {
        String id = "nt_" + HexFormat.of().formatHex(random(12));
        return change(template(id, payload, Optional.empty()), publish, actor);
    }

    @Override
    public View replace(String templateId, Payload payload, boolean publish, String actor) {
        Draft draft = draft(templateId);
        return change(template(templateId, payload, Optional.of(draft.template())), publish, actor);
    }

    @Override
    public View get(String templateId, Which which) {
        Draft draft = draft(templateId);
        Template template;
        if (which instanceof Which.Numbered numbered) {
            template = templates.version(templateId, numbered.number())
                    .orElseThrow(() -> new NotFoundException("Notification '" + templateId + "' has no version v" + numbered.number()));
        } else if (which instanceof Which.Published) {
            template = templates.find(templateId)
                    .orElseThrow(() -> new NotFoundException("Notification '" + templateId + "' has no published version"));
        } else {
            template = draft.template();
        }
        return new View(template, draft);
    }

    @Override
    public Page<View> list(Optional<String> cursor, int limit) {
        return templates.drafts(cursor, limit).map(draft -> new View(draft.template(), draft));
    }

    @Override
    public List<View> mappedTo(String event) {
        return templates.findByEvent(event).stream().flatMap(template -> templates.draft(template.id())
                .map(draft -> new View(template, draft)).stream()).toList();
    }

    @Override
    public void archive(String templateId) {
        if (!templates.delete(templateId)) {
            throw notFound(templateId);
        }
    }

    @Override
    public Page<TemplateRepository.Version> versions(String templateId, Optional<String> cursor, int limit) {
        draft(templateId);
        return templates.versions(templateId, cursor, limit);
    }

    @Override
    public View publish(String templateId, Optional<Integer> version, String actor) {
        Draft draft = draft(templateId);
        Template chosen = version.map(number -> templates.version(templateId, number)
                        .orElseThrow(() -> new NotFoundException("Notification '" + templateId + "' has no version v" + number)))
                .orElse(draft.template());
        refuseWhileUnresolved(templateId);
        Template published = templates.publish(chosen, actor, clock.now());
        return new View(published, draft(templateId));
    }

    @Override
    public View putContent(String templateId, Elemental content, boolean publish, String actor) {
        Template current = draft(templateId).template();
        return change(withContent(current, withIds(content)), publish, actor);
    }

    @Override
    public View putElement(String templateId, String elementId, Map<String, Object> element, boolean publish, String actor) {
        Template current = draft(templateId).template();
        Map<String, Object> replacement = new LinkedHashMap<>(element);
        replacement.remove("state");
        replacement.put("id", elementId);
        List<Map<String, Object>> elements = copy(current.elemental().elements());
        if (!replace(elements, elementId, replacement)) {
            throw new NotFoundException("Notification '" + templateId + "' has no element '" + elementId + "'");
        }
        return change(withContent(current, Elemental.parse(Map.of("version", Elemental.VERSION, "elements", elements), "element")), publish, actor);
    }

    @Override
    public View putLocale(String templateId, String locale, List<Map<String, Object>> localised, boolean publish, String actor) {
        if (locale.isBlank() || locale.length() > 35) {
            throw new InvalidValueException("locale must be a language tag such as fr or fr-CA");
        }
        Template current = draft(templateId).template();
        List<Map<String, Object>> elements = copy(current.elemental().elements());
        for (int i = 0; i < localised.size(); i++) {
            Map<String, Object> fields = new LinkedHashMap<>(localised.get(i));
            if (!(fields.remove("id") instanceof String id) || id.isBlank()) {
                throw new InvalidValueException("elements[" + i + "].id is required: the id of the element to translate");
            }
            Optional<Map<String, Object>> target = find(elements, id);
            if (target.isEmpty()) {
                throw new InvalidValueException("elements[" + i + "].id '" + id + "' is not an element of notification '" + templateId + "'");
            }
            Map<String, Object> locales = target.get().get("locales") instanceof Map<?, ?> existing
                    ? new LinkedHashMap<>(JsonTrees.asObject(existing)) : new LinkedHashMap<>();
            locales.put(locale, fields);
            target.get().put("locales", locales);
        }
        return change(withContent(current, Elemental.parse(Map.of("version", Elemental.VERSION, "elements", elements), "elements")), publish, actor);
    }

    /** Saves the changed template as the draft, checked as a send would render it; published at once when asked. */
    private View change(Template template, boolean publish, String actor) {
        renderer.validate(template);
        template.brand().ifPresent(brand -> {
            if (brands.find(brand).isEmpty()) {
                throw new InvalidValueException("notification.brand.id '" + brand + "' is not a brand (POST /brands creates one)");
            }
        });
        Instant now = clock.now();
        if (publish) {
            refuseWhileUnresolved(template.id());
            Template published = templates.publish(template, actor, now);
            return new View(published, templates.draft(template.id()).orElseThrow());
        }
        templates.saveDraft(template, actor, now);
        return new View(template, templates.draft(template.id()).orElseThrow());
    }

    /** The payload as a template; replacing one keeps what only Herald's API sets (mapped events, routing). */
    private static Template template(String id, Payload payload, Optional<Template> current) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", payload.name());
        payload.topicId().ifPresent(topic -> json.put("topic", topic));
        payload.brandId().ifPresent(brand -> json.put("brand", brand));
        json.put("tags", payload.tags());
        json.put("content", withIds(payload.content()).toJson());
        current.ifPresent(template -> {
            json.put("events", template.events());
            if (template.content().isPresent()) {
                json.put("routing", template.routing().toJson());
            }
        });
        return Template.parse(id, json);
    }

    private static Template withContent(Template current, Elemental content) {
        Map<String, Object> json = new LinkedHashMap<>(current.toJson());
        json.remove("channels");
        json.remove("version");
        if (current.content().isEmpty()) {
            json.remove("routing"); // a channels template's routing follows its channels; Elemental content reaches any
        }
        json.put("content", content.toJson());
        return Template.parse(current.id(), json);
    }

    @Override
    public List<NotificationChecks.Check> putChecks(String templateId, String submissionId, List<Map<String, Object>> given) {
        draft(templateId);
        Instant now = clock.now();
        List<NotificationChecks.Check> parsed = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            io.herald.domain.json.JsonFields check = io.herald.domain.json.JsonFields.of(given.get(i), "checks[" + i + "]");
            String status = check.requiredText("status");
            if (!List.of("RESOLVED", "FAILED", "PENDING").contains(status)) {
                throw new InvalidValueException(check.where("status") + " '" + status + "' must be RESOLVED, FAILED or PENDING");
            }
            String type = check.optionalText("type").orElse("custom");
            if (!type.equals("custom")) {
                throw new InvalidValueException(check.where("type") + " '" + type + "' must be custom");
            }
            parsed.add(new NotificationChecks.Check(check.requiredText("id"), status, type, now));
        }
        return checks.put(templateId, submissionId, parsed);
    }

    @Override
    public List<NotificationChecks.Check> checks(String templateId, String submissionId) {
        draft(templateId);
        return checks.of(templateId, submissionId);
    }

    @Override
    public void deleteChecks(String templateId, String submissionId) {
        draft(templateId);
        if (!checks.delete(templateId, submissionId)) {
            throw new NotFoundException("Notification '" + templateId + "' has no checks for submission '" + submissionId + "'");
        }
    }

    private void refuseWhileUnresolved(String templateId) {
        if (checks.anyUnresolved(templateId)) {
            throw new io.herald.application.errors.ConflictException("Notification '" + templateId + "' has submission checks that are not "
                    + "RESOLVED: it is published once they are, or once they are withdrawn (DELETE /notifications/" + templateId
                    + "/{submission_id}/checks)");
        }
    }

    private Draft draft(String templateId) {
        return templates.draft(templateId).orElseThrow(() -> notFound(templateId));
    }

    private static NotFoundException notFound(String templateId) {
        return new NotFoundException("No notification '" + templateId + "'");
    }

    /** The content with an id on every element that has none. */
    static Elemental withIds(Elemental content) {
        List<Map<String, Object>> elements = copy(content.elements());
        assignIds(elements);
        return new Elemental(content.version(), elements);
    }

    @SuppressWarnings("unchecked")
    private static void assignIds(List<Map<String, Object>> elements) {
        for (Map<String, Object> element : elements) {
            if (!(element.get("id") instanceof String id) || id.isBlank()) {
                element.put("id", "el_" + HexFormat.of().formatHex(random(6)));
            }
            if (element.get("elements") instanceof List<?> children) {
                assignIds((List<Map<String, Object>>) children);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean replace(List<Map<String, Object>> elements, String id, Map<String, Object> replacement) {
        for (int i = 0; i < elements.size(); i++) {
            if (id.equals(elements.get(i).get("id"))) {
                elements.set(i, replacement);
                return true;
            }
            if (elements.get(i).get("elements") instanceof List<?> children && replace((List<Map<String, Object>>) children, id, replacement)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> find(List<Map<String, Object>> elements, String id) {
        for (Map<String, Object> element : elements) {
            if (id.equals(element.get("id"))) {
                return Optional.of(element);
            }
            if (element.get("elements") instanceof List<?> children) {
                Optional<Map<String, Object>> found = find((List<Map<String, Object>>) children, id);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** A mutable deep copy, so elements can be changed in place. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> copy(List<Map<String, Object>> elements) {
        List<Map<String, Object>> copied = new ArrayList<>();
        for (Map<String, Object> element : elements) {
            Map<String, Object> mutable = new LinkedHashMap<>(JsonTrees.deepCopy(element));
            if (mutable.get("elements") instanceof List<?> children) {
                mutable.put("elements", copy((List<Map<String, Object>>) children));
            }
            copied.add(mutable);
        }
        return copied;
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }
}
