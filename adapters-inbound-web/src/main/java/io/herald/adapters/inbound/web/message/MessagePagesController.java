package io.herald.adapters.inbound.web.message;

import io.herald.adapters.inbound.web.page.Changes;
import io.herald.adapters.inbound.web.page.NotFoundPage;
import io.herald.adapters.inbound.web.page.Links;
import io.herald.adapters.inbound.web.page.Pages;
import io.herald.adapters.inbound.web.page.Shell;
import io.herald.adapters.inbound.web.page.Shell.Section;
import io.herald.adapters.inbound.web.page.Times;
import io.herald.adapters.inbound.web.session.ConsolePaths;
import io.herald.application.errors.ConflictException;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.CancelMessageUseCase;
import io.herald.application.port.in.ResendMessageUseCase;
import io.herald.application.port.in.OpenConsoleSessionUseCase.ConsoleSession;
import io.herald.application.port.in.QueryMessagesUseCase;
import io.herald.application.port.in.RecordEngagementUseCase;
import io.herald.application.port.in.RecordEngagementUseCase.EngagementReport;
import io.herald.application.port.in.RecordEngagementUseCase.Kind;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.MessageRepository.MessageQuery;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.reactivestreams.Publisher;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The message log and one message (DESIGN §12), over the same queries and commands as Courier's Messages API.
 * Both pages stay live: a stream tells the page when what it shows has changed, and htmx fetches the new fragment.
 */
@Controller(ConsolePaths.CONSOLE + "/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
class MessagePagesController {

    static final int PAGE_SIZE = 50;
    private static final String CONSOLE_PROVIDER = "console";

    private final QueryMessagesUseCase messages;
    private final CancelMessageUseCase cancel;
    private final ResendMessageUseCase resend;
    private final RecordEngagementUseCase engagement;
    private final Clock clock;
    private final Pages pages;
    private final Changes changes;

    MessagePagesController(QueryMessagesUseCase messages, CancelMessageUseCase cancel, ResendMessageUseCase resend,
                           RecordEngagementUseCase engagement, Clock clock, Pages pages, Changes changes) {
        this.messages = messages;
        this.cancel = cancel;
        this.resend = resend;
        this.engagement = engagement;
        this.clock = clock;
        this.pages = pages;
        this.changes = changes;
    }

    @Get
    HttpResponse<String> log(HttpRequest<?> request, @RequestAttribute(ConsolePaths.SESSION_ATTRIBUTE) ConsoleSession session,
                             @Nullable @QueryValue String status, @Nullable @QueryValue String recipient,
                             @Nullable @QueryValue String template, @Nullable @QueryValue String channel,
                             @Nullable @QueryValue String provider, @Nullable @QueryValue String from, @Nullable @QueryValue String until,
                             @Nullable @QueryValue String cursor) {
        MessageFilters filters = new MessageFilters(status, recipient, template, channel, provider, from, until);
        Page<Message> page = messages.list(query(filters, Optional.ofNullable(cursor).filter(value -> !value.isBlank()), PAGE_SIZE));
        Instant now = clock.now();
        String next = page.cursor().map(more -> "/console/messages?" + join(filters.query(), Links.param("cursor", more))).orElse(null);
        MessagesPage model = new MessagesPage(new Shell("Messages", Section.MESSAGES, session.csrfToken()), filters,
                page.items().stream().map(message -> MessageRow.of(message, now)).toList(), next, cursor == null || cursor.isBlank(),
                Changes.version(logFingerprint(page)));
        return pages.render(Pages.wantsFragment(request) ? "messages-rows.jte" : "messages.jte", model);
    }

    /** Tells an open log that its newest page changed: a new message, or a status moved. */
    @Get(value = "/changes", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<String>> logChanges(@Nullable @QueryValue String status, @Nullable @QueryValue String recipient,
                                        @Nullable @QueryValue String template, @Nullable @QueryValue String channel,
                                        @Nullable @QueryValue String provider, @Nullable @QueryValue String from,
                                        @Nullable @QueryValue String until, @Nullable @QueryValue String seen) {
        MessageFilters filters = new MessageFilters(status, recipient, template, channel, provider, from, until);
        return changes.watch(seen, () -> logFingerprint(messages.list(query(filters, Optional.empty(), PAGE_SIZE))));
    }

    private static String logFingerprint(Page<Message> newest) {
        return newest.items().stream().map(message -> message.id().value() + ":" + message.status()).collect(Collectors.joining(","));
    }

    private String messageFingerprint(MessageId id) {
        return messages.find(id).status() + ":" + messages.history(id).size();
    }

    @Get("/{id}")
    HttpResponse<String> message(HttpRequest<?> request, @RequestAttribute(ConsolePaths.SESSION_ATTRIBUTE) ConsoleSession session,
                                 @PathVariable String id) {
        MessagePage model;
        try {
            model = page(new MessageId(id), session);
        } catch (NotFoundException | InvalidValueException unknown) {
            return pages.render("not-found.jte", new NotFoundPage(new Shell("Not found", Section.MESSAGES, session.csrfToken()),
                    "No message has the id " + id + ".", "/console/messages", "the message log")).status(HttpStatus.NOT_FOUND);
        }
        return pages.render(Pages.wantsFragment(request) ? "message-live.jte" : "message.jte", model);
    }

    /** The rendered output, for a page opened before there was any: it asks again on each change until there is. */
    @Get("/{id}/outputs")
    HttpResponse<String> outputs(@RequestAttribute(ConsolePaths.SESSION_ATTRIBUTE) ConsoleSession session, @PathVariable String id) {
        return pages.render("message-outputs.jte", page(new MessageId(id), session));
    }

    /** Tells an open message page that the message moved on: a new history entry or status. */
    @Get(value = "/{id}/changes", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<String>> messageChanges(@PathVariable String id, @Nullable @QueryValue String seen) {
        MessageId messageId = new MessageId(id);
        return changes.watch(seen, () -> messageFingerprint(messageId));
    }

    /**
     * An email as its recipient sees it, for the message page's frame. Sandboxed, and with a policy that lets the
     * email's own inline styles apply but loads nothing remote: an image would be a tracking pixel, and the operator's
     * look would count as the recipient's open.
     */
    @Get("/{id}/preview/email")
    HttpResponse<String> emailPreview(@PathVariable String id) {
        Object html = messages.output(new MessageId(id)).getOrDefault(Channel.EMAIL, Map.of()).get("html");
        if (html == null) {
            return HttpResponse.<String>status(HttpStatus.NOT_FOUND).body("This message has no rendered email.");
        }
        return HttpResponse.ok(html.toString()).contentType(MediaType.of("text/html;charset=utf-8"))
                .header("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                        + "frame-ancestors 'self'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }

    @Post("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(@PathVariable String id) {
        try {
            cancel.cancel(new MessageId(id));
            return backTo(id);
        } catch (ConflictException alreadySent) {
            // Sent between the page being shown and the click: the page shows where it stands now.
            return backTo(id);
        }
    }

    /** The same message again, now, as {@code POST /messages/{id}/resend} sends it; the console opens the new one. */
    @Post("/{id}/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resend(@PathVariable String id) {
        return backTo(resend.resend(new MessageId(id)).value());
    }

    /** The console provider never hears back from a recipient: this stands in for one, to try engagement branches. */
    @Post("/{id}/mark/{kind}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> mark(@PathVariable String id, @PathVariable String kind) {
        MessageId messageId = new MessageId(id);
        Message message = messages.find(messageId);
        Kind reported = switch (kind) {
            case "delivered" -> Kind.DELIVERED;
            case "opened" -> Kind.OPENED;
            case "clicked" -> Kind.CLICKED;
            default -> null;
        };
        if (reported == null || !message.provider().map(CONSOLE_PROVIDER::equals).orElse(false)) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN_TYPE)
                    .body("Only messages sent through the console provider can be marked delivered, opened or clicked.");
        }
        engagement.record(new EngagementReport(CONSOLE_PROVIDER, Optional.of(messageId), Optional.empty(), reported, clock.now(),
                Optional.of("marked in the console")));
        return backTo(id);
    }

    private MessagePage page(MessageId id, ConsoleSession session) {
        Message message = messages.find(id);
        Instant now = clock.now();
        List<TimelineEntry> timeline = messages.history(id).stream().map(TimelineEntry::of).toList();
        List<OutputView> outputs = messages.output(id).entrySet().stream()
                .map(output -> OutputView.of(id.value(), output.getKey(), output.getValue())).toList();
        List<MessagePage.LegView> legs = messages.legs(id).stream()
                .map(leg -> new MessagePage.LegView(leg.channel().wireName(), leg.provider(), leg.attempts(),
                        leg.outcome().toLowerCase(Locale.ROOT).replace('_', ' '), Times.ago(leg.lastAttemptAt(), now)))
                .toList();
        boolean testable = message.provider().map(CONSOLE_PROVIDER::equals).orElse(false) && !message.status().isEnd();
        String version = Changes.version(message.status() + ":" + timeline.size());
        return new MessagePage(new Shell("Message " + id.value(), Section.MESSAGES, session.csrfToken()), MessageRow.of(message, now),
                message.reason().map(Enum::name).orElse(""), message.error().orElse(""), message.requestId(),
                message.event().orElse(""), message.automationRunId().orElse(""), timeline, outputs, legs, testable,
                message.status().isBeforeSending(), !message.status().isBeforeSending(), version);
    }

    private static MessageQuery query(MessageFilters filters, Optional<String> cursor, int limit) {
        return filters.query(cursor, limit);
    }

    private static String join(String query, String more) {
        return query.isEmpty() ? more : query + "&" + more;
    }

    private static HttpResponse<?> backTo(String id) {
        return HttpResponse.seeOther(URI.create("/console/messages/" + id));
    }
}
