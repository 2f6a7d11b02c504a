package io.herald.application.send;

import io.herald.application.errors.ConflictException;
import io.herald.application.port.in.SendMessageCommand;
import io.herald.application.port.in.SendMessageUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.DurableScheduler;
import io.herald.application.port.out.IdempotencyStore;
import io.herald.application.port.out.ListRepository;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.TemplateRepository;
import io.herald.application.support.GroupCommit.Outcome;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.message.Recipient;
import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Accepts sends: one message per recipient (a list stands for its subscribers), stored as ENQUEUED (or
 * DELAYED) with its delivery scheduled, in one transaction. Everything after that is the delivery pipeline's.
 */
public final class SendService implements SendMessageUseCase, BatchSend {

    /** How long an Idempotency-Key's first response is replayed. */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    private final MessageRepository messages;
    private final TemplateRepository templates;
    private final ListRepository lists;
    private final IdempotencyStore idempotency;
    private final DurableScheduler scheduler;
    private final TemplateRenderer renderer;
    private final Clock clock;

    public SendService(MessageRepository messages, TemplateRepository templates, ListRepository lists,
                       IdempotencyStore idempotency, DurableScheduler scheduler, TemplateRenderer renderer, Clock clock) {
        this.messages = messages;
        this.templates = templates;
        this.lists = lists;
        this.idempotency = idempotency;
        this.scheduler = scheduler;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** One send in its own transaction: the path of sends with an Idempotency-Key. */
    @Override
    public SendResult send(SendMessageCommand command) {
        Instant now = clock.now();
        if (command.idempotencyKey().isPresent()) {
            Optional<IdempotencyStore.StoredResponse> earlier = idempotency.claim(command.idempotencyKey().get(), command.requestHash(), now, IDEMPOTENCY_WINDOW);
            if (earlier.isPresent()) {
                return replay(earlier.get(), command);
            }
        }
        List<Message> created = create(command.spec(), now);
        store(created, now);
        SendResult result = result(created, now);
        command.idempotencyKey().ifPresent(key -> idempotency.complete(key,
                Map.of("requestId", result.requestId(), "messageIds", result.messageIds())));
        return result;
    }

    /**
     * Several sends in one transaction (group commit). A send that is refused (an unknown template or list) fails
     * on its own, before anything of it is written; the others are stored, with one delivery job for all that are
     * due now.
     */
    @Override
    public List<Outcome<SendResult>> sendAll(List<SendMessageCommand> commands) {
        Instant now = clock.now();
        List<Outcome<SendResult>> outcomes = new ArrayList<>(commands.size());
        List<Message> all = new ArrayList<>();
        for (SendMessageCommand command : commands) {
            try {
                List<Message> created = create(command.spec(), now);
                all.addAll(created);
                outcomes.add(new Outcome.Done<>(result(created, now)));
            } catch (InvalidValueException refused) {
                outcomes.add(new Outcome.Failed<>(refused));
            }
        }
        store(all, now);
        return outcomes;
    }

    /**
     * Stores one message per spec (each for a single recipient) under one request id, and schedules their
     * delivery. Used for messages that templates mapped to an event, or automations, send.
     */
    public List<Message> enqueue(List<MessageSpec> perRecipient, Optional<String> event, Optional<String> automationRunId, Instant now) {
        List<Message> created = messagesFor(perRecipient, event, automationRunId, now);
        store(created, now);
        return created;
    }

    private List<Message> create(MessageSpec spec, Instant now) {
        checkContent(spec);
        return messagesFor(expand(spec), Optional.empty(), Optional.empty(), now);
    }

    private static List<Message> messagesFor(List<MessageSpec> perRecipient, Optional<String> event, Optional<String> automationRunId,
                                             Instant now) {
        String requestId = perRecipient.size() == 1 ? null : MessageId.generate(now).value();
        List<Message> created = new ArrayList<>(perRecipient.size());
        for (MessageSpec spec : perRecipient) {
            MessageId id = MessageId.generate(now);
            created.add(Message.enqueue(id, requestId == null ? id.value() : requestId, spec, event, automationRunId, now));
        }
        return created;
    }

    private void store(List<Message> created, Instant now) {
        if (created.isEmpty()) {
            return;
        }
        messages.insertAll(created);
        Map<Instant, List<MessageId>> byDueTime = new TreeMap<>();
        for (Message message : created) {
            byDueTime.computeIfAbsent(message.deliverAt().orElse(now), at -> new ArrayList<>()).add(message.id());
        }
        byDueTime.forEach((at, ids) -> scheduler.deliver(ids, at));
    }

    private static SendResult result(List<Message> created, Instant now) {
        List<String> ids = created.stream().map(message -> message.id().value()).toList();
        String requestId = created.size() == 1 ? ids.get(0)
                : created.isEmpty() ? MessageId.generate(now).value() : created.get(0).requestId();
        return new SendResult(requestId, ids);
    }

    /** One spec per recipient; a list becomes its subscribers, each with the list recipient's data. */
    public List<MessageSpec> expand(MessageSpec spec) {
        List<MessageSpec> perRecipient = new ArrayList<>();
        for (int i = 0; i < spec.to().size(); i++) {
            Recipient recipient = spec.to().get(i);
            if (!recipient.isList()) {
                perRecipient.add(spec.forRecipient(recipient));
                continue;
            }
            String listId = recipient.listId().orElseThrow();
            if (lists.find(listId).isEmpty()) {
                String where = spec.to().size() == 1 ? "message.to" : "message.to[" + i + "]";
                throw new InvalidValueException(where + ".list_id: there is no list '" + listId + "'");
            }
            for (UserId subscriber : lists.subscribers(listId)) {
                perRecipient.add(spec.forRecipient(new Recipient(Optional.of(subscriber), Optional.empty(), Optional.empty(),
                        Optional.empty(), recipient.data())));
            }
        }
        return perRecipient;
    }

    /** A send names a template that exists (by id or mapped event), or inline content that compiles. */
    private void checkContent(MessageSpec spec) {
        if (spec.content().isPresent()) {
            renderer.validate(spec.content().get());
            return;
        }
        String template = spec.template().orElseThrow();
        if (templates.find(template).isEmpty() && templates.findByEvent(template).isEmpty()) {
            throw new InvalidValueException("message.template '" + template + "' is neither a template id nor an event mapped to a template");
        }
    }

    private SendResult replay(IdempotencyStore.StoredResponse earlier, SendMessageCommand command) {
        if (!earlier.requestHash().equals(command.requestHash())) {
            throw new ConflictException("Idempotency-Key '" + command.idempotencyKey().orElseThrow()
                    + "' was used for a different request in the last 24 hours");
        }
        Map<String, Object> response = new LinkedHashMap<>(earlier.response());
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) response.getOrDefault("messageIds", List.of());
        return new SendResult((String) response.get("requestId"), List.copyOf(ids));
    }
}
