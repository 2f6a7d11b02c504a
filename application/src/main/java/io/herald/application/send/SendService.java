package io.herald.application.send;

import io.herald.application.errors.NotFoundException;
import io.herald.application.errors.ConflictException;
import io.herald.application.port.in.ExpandListSendUseCase;
import io.herald.application.port.in.SendMessageCommand;
import io.herald.application.port.in.ResendMessageUseCase;
import io.herald.application.port.in.SendMessageUseCase;
import io.herald.application.port.out.BrandRepository;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.DurableScheduler;
import io.herald.application.port.out.DurableScheduler.ListPage;
import io.herald.application.port.out.IdempotencyStore;
import io.herald.application.port.out.ListRepository;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.TemplateRepository;
import io.herald.application.port.out.Transactions;
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
import java.util.Set;
import java.util.TreeMap;

/**
 * Accepts sends: one message per recipient (a list stands for its subscribers), stored as ENQUEUED (or
 * DELAYED) with its delivery scheduled, in one transaction. Everything after that is the delivery pipeline's.
 */
public final class SendService implements SendMessageUseCase, BatchSend, ExpandListSendUseCase, ResendMessageUseCase {

    /** How long an Idempotency-Key's first response is replayed. */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    private final MessageRepository messages;
    private final TemplateRepository templates;
    private final BrandRepository brands;
    private final ListRepository lists;
    private final IdempotencyStore idempotency;
    private final DurableScheduler scheduler;
    private final TemplateRenderer renderer;
    private final int listPageSize;
    private final int maxRecipients;
    private final Transactions transactions;
    private final Clock clock;

    /** Sends to lists read their subscribers 500 at a time. */
    public SendService(MessageRepository messages, TemplateRepository templates, BrandRepository brands, ListRepository lists,
                       IdempotencyStore idempotency, DurableScheduler scheduler, TemplateRenderer renderer,
                       Transactions transactions, Clock clock) {
        this(messages, templates, brands, lists, idempotency, scheduler, renderer, 500, 1_000, transactions, clock);
    }

    /**
     * @param listPageSize  how many subscribers of a list one page of its send covers
     * @param maxRecipients how many recipients {@code to} may name (a list counts as one)
     */
    public SendService(MessageRepository messages, TemplateRepository templates, BrandRepository brands, ListRepository lists,
                       IdempotencyStore idempotency, DurableScheduler scheduler, TemplateRenderer renderer, int listPageSize,
                       int maxRecipients, Transactions transactions, Clock clock) {
        this.messages = messages;
        this.templates = templates;
        this.brands = brands;
        this.lists = lists;
        this.idempotency = idempotency;
        this.scheduler = scheduler;
        this.renderer = renderer;
        this.listPageSize = listPageSize;
        this.maxRecipients = maxRecipients;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One send in its own transaction: the path of sends with an Idempotency-Key. */
    @Override
    public SendResult send(SendMessageCommand command) {
        return transactions.inTransaction(() -> sendNow(command));
    }

    private SendResult sendNow(SendMessageCommand command) {
        Instant now = clock.now();
        if (command.idempotencyKey().isPresent()) {
            Optional<IdempotencyStore.StoredResponse> earlier = idempotency.claim(command.idempotencyKey().get(), command.requestHash(), now, IDEMPOTENCY_WINDOW);
            if (earlier.isPresent()) {
                return replay(earlier.get(), command);
            }
        }
        Created created = create(command.spec(), now);
        store(created.messages(), created.listPages(), now);
        SendResult result = result(created);
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
        return transactions.inTransaction(() -> sendAllNow(commands));
    }

    private List<Outcome<SendResult>> sendAllNow(List<SendMessageCommand> commands) {
        Instant now = clock.now();
        List<Outcome<SendResult>> outcomes = new ArrayList<>(commands.size());
        List<Message> all = new ArrayList<>();
        List<ListPage> listPages = new ArrayList<>();
        for (SendMessageCommand command : commands) {
            try {
                Created created = create(command.spec(), now);
                all.addAll(created.messages());
                listPages.addAll(created.listPages());
                outcomes.add(new Outcome.Done<>(result(created)));
            } catch (InvalidValueException refused) {
                outcomes.add(new Outcome.Failed<>(refused));
            }
        }
        store(all, listPages, now);
        return outcomes;
    }

    /**
     * Stores one message per spec (each for a single recipient) under one request id, and schedules their
     * delivery. Used for messages that templates mapped to an event, or automations, send: it joins the
     * transaction of the event or the run step that calls it.
     */
    public List<Message> enqueue(List<MessageSpec> perRecipient, Optional<String> event, Optional<String> automationRunId, Instant now) {
        List<Message> created = messagesFor(perRecipient, event, automationRunId, now);
        store(created, List.of(), now);
        return created;
    }

    /**
     * Stores one message per spec as sends under {@code requestId} (a bulk job's id), in the caller's transaction,
     * scheduling their delivery. Each spec must pass {@link #checkSendable} first.
     */
    public List<Message> enqueueAs(String requestId, List<MessageSpec> perRecipient, Optional<String> event, Instant now) {
        List<Message> created = messagesFor(perRecipient, requestId, event, Optional.empty(), now);
        store(created, List.of(), now);
        return created;
    }

    /**
     * A send to lists (an automation's send-list step), in the caller's transaction: its pages are created as durable
     * work. The request id its messages will have; a list or template that does not exist is refused.
     */
    public String enqueueListSend(MessageSpec spec, Instant now) {
        Created created = create(spec, now);
        store(created.messages(), created.listPages(), now);
        return created.requestId();
    }

    /** Refuses a send whose template, content or brand could not be sent, as {@code POST /send} would. */
    public void checkSendable(MessageSpec spec) {
        checkContent(spec);
    }

    @Override
    public MessageId resend(MessageId original) {
        return transactions.inTransaction(() -> {
            Instant now = clock.now();
            Message message = messages.find(original).orElseThrow(() -> new NotFoundException("No message '" + original + "'"));
            List<Message> created = messagesFor(List.of(message.spec().resent()), null, message.event(), Optional.empty(), now);
            store(created, List.of(), now);
            return created.get(0).id();
        });
    }

    /** A send's messages to its own recipients now, and to each list it names a page at a time, by durable work. */
    private Created create(MessageSpec spec, Instant now) {
        if (spec.to().size() > maxRecipients) {
            throw new InvalidValueException("message.to names " + spec.to().size() + " recipients; at most " + maxRecipients
                    + " (herald.send.max-recipients): put more in a list and send to it ({\"list_id\": …})");
        }
        checkContent(spec);
        List<MessageSpec> direct = new ArrayList<>();
        List<Integer> listRecipients = new ArrayList<>();
        for (int i = 0; i < spec.to().size(); i++) {
            Recipient recipient = spec.to().get(i);
            if (recipient.isList()) {
                String listId = recipient.listId().orElseThrow();
                if (lists.find(listId).isEmpty()) {
                    String where = spec.to().size() == 1 ? "message.to" : "message.to[" + i + "]";
                    throw new InvalidValueException(where + ".list_id: there is no list '" + listId + "'");
                }
                listRecipients.add(i);
            } else {
                direct.add(spec.forRecipient(recipient));
            }
        }
        String requestId = direct.size() == 1 && listRecipients.isEmpty() ? null : MessageId.generate(now).value();
        List<Message> messages = messagesFor(direct, requestId, Optional.empty(), Optional.empty(), now);
        String request = requestId != null ? requestId : messages.get(0).requestId();
        List<ListPage> pages = listRecipients.stream().map(i -> new ListPage(request, spec.raw(), i, Optional.empty())).toList();
        return new Created(request, messages, pages);
    }

    private record Created(String requestId, List<Message> messages, List<ListPage> listPages) {
    }

    /** One page of a send to a list, in its own transaction (durable work). */
    @Override
    public int expand(ListPage page) {
        return transactions.inTransaction(() -> expandNow(page));
    }

    private int expandNow(ListPage page) {
        Instant now = clock.now();
        MessageSpec spec = MessageSpec.parse(page.spec());
        Recipient list = spec.to().get(page.recipient());
        List<UserId> subscribers = lists.subscribersAfter(list.listId().orElseThrow(), page.after().map(UserId::of), listPageSize);
        if (subscribers.isEmpty()) {
            return 0;
        }
        Set<UserId> done = messages.recipientsOf(page.requestId(), subscribers);
        List<MessageSpec> perRecipient = subscribers.stream().filter(subscriber -> !done.contains(subscriber))
                .map(subscriber -> spec.forRecipient(new Recipient(Optional.of(subscriber), Optional.empty(), Optional.empty(),
                        Optional.empty(), list.data())))
                .toList();
        store(messagesFor(perRecipient, page.requestId(), Optional.empty(), Optional.empty(), now), List.of(), now);
        if (subscribers.size() == listPageSize) {
            scheduler.expandList(new ListPage(page.requestId(), page.spec(), page.recipient(),
                    Optional.of(subscribers.get(subscribers.size() - 1).value())), now);
        }
        return perRecipient.size();
    }

    private static List<Message> messagesFor(List<MessageSpec> perRecipient, Optional<String> event, Optional<String> automationRunId,
                                             Instant now) {
        return messagesFor(perRecipient, perRecipient.size() == 1 ? null : MessageId.generate(now).value(), event, automationRunId, now);
    }

    /** @param requestId null for a single message, whose id is then its request's */
    private static List<Message> messagesFor(List<MessageSpec> perRecipient, String requestId, Optional<String> event,
                                             Optional<String> automationRunId, Instant now) {
        List<Message> created = new ArrayList<>(perRecipient.size());
        for (MessageSpec spec : perRecipient) {
            MessageId id = MessageId.generate(now);
            created.add(Message.enqueue(id, requestId == null ? id.value() : requestId, spec, event, automationRunId, now));
        }
        return created;
    }

    private void store(List<Message> created, List<ListPage> listPages, Instant now) {
        listPages.forEach(page -> scheduler.expandList(page, now));
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

    /** The request id, and the messages created so far (a list's come later, in pages: list them by request id). */
    private static SendResult result(Created created) {
        return new SendResult(created.requestId(), created.messages().stream().map(message -> message.id().value()).toList());
    }

    /** A send names a template that exists (by id or mapped event), or inline content that compiles, and a brand that exists. */
    private void checkContent(MessageSpec spec) {
        spec.brandId().ifPresent(brand -> {
            if (brands.find(brand).isEmpty()) {
                throw new InvalidValueException("message.brand_id '" + brand + "' is not a brand (POST /brands creates one)");
            }
        });
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
