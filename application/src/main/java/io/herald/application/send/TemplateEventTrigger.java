package io.herald.application.send;

import io.herald.application.inbound.EventTrigger;
import io.herald.application.port.out.TemplateRepository;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.template.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Event mapping: every template whose {@code events} include a track event's name sends to the event's user,
 * with the event's {@code properties} as the message {@code data}.
 */
public final class TemplateEventTrigger implements EventTrigger {

    private final TemplateRepository templates;
    private final SendService sends;

    public TemplateEventTrigger(TemplateRepository templates, SendService sends) {
        this.templates = templates;
        this.sends = sends;
    }

    @Override
    public Batch forEvents(Set<String> eventNames) {
        Map<String, List<Template>> mapped = templates.findByEvents(eventNames);
        return event -> fire(event, mapped.getOrDefault(event.event(), List.of()));
    }

    private List<Triggered> fire(TrackedEvent event, List<Template> mapped) {
        if (event.userId().isEmpty()) {
            return List.of();
        }
        List<Triggered> triggered = new ArrayList<>();
        for (Template template : mapped) {
            MessageSpec spec = MessageSpec.toUser(event.userId().get(), Optional.of(template.id()), Optional.empty(),
                    event.properties(), Optional.empty());
            List<Message> created = sends.enqueue(List.of(spec), Optional.of(event.event()),
                    Optional.empty(), event.occurredAt());
            created.forEach(m -> triggered.add(Triggered.message(m.id().value())));
        }
        return triggered;
    }
}
