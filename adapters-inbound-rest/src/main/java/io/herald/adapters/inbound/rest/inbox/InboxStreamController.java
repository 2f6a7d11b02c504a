package io.herald.adapters.inbound.rest.inbox;

import io.herald.adapters.inbound.rest.json.UserIds;
import io.herald.application.port.in.StreamInboxUseCase;
import io.herald.application.port.in.StreamInboxUseCase.InboxStream;
import io.herald.application.port.in.StreamInboxUseCase.StreamedEvent;
import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.sse.Event;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /users/{user_id}/inbox/stream}: the user's inbox as server-sent events (DESIGN §13). {@code ready} at
 * once with the unread count, then {@code message}, {@code read}, {@code unread}, {@code archive} and
 * {@code read-all} as they commit on any instance, each with its event id (a reconnecting EventSource sends it back as
 * {@code Last-Event-ID} and resumes after it), and {@code heartbeat} every 15 s. A client that cannot keep up (1,000
 * events behind) is disconnected, to resume where it was.
 */
@Tag(name = "Inbox")
@Controller("/users/{user_id}/inbox/stream")
class InboxStreamController {

    private static final int MOST_BEHIND = 1_000;

    private final StreamInboxUseCase streams;

    InboxStreamController(StreamInboxUseCase streams) {
        this.streams = streams;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    @ApiResponse(responseCode = "200", description = "server-sent events: ready, then message, read, unread, archive and read-all as they "
            + "commit, each with its id; heartbeat every 15 s", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM,
            schema = @Schema(type = "string")))
    HttpResponse<Flux<Event<Map<String, Object>>>> stream(@PathVariable("user_id") String userId,
                                                         @Nullable @Header("Last-Event-ID") String lastEventId) {
        UserId user = UserIds.fromPath(userId);
        Optional<Long> resumeAfter = Optional.ofNullable(lastEventId).filter(id -> !id.isBlank()).map(InboxStreamController::eventId);
        Flux<Event<Map<String, Object>>> events = Flux.<Event<Map<String, Object>>>create(sink -> {
            InboxStream stream = streams.open(user, resumeAfter, event -> {
                if (event.type().equals("error")) {
                    sink.complete();
                } else {
                    sink.next(sse(event));
                }
            });
            sink.onDispose(stream::close);
        }, FluxSink.OverflowStrategy.BUFFER).onBackpressureBuffer(MOST_BEHIND, BufferOverflowStrategy.ERROR);
        return HttpResponse.ok(events).header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no");
    }

    private static Event<Map<String, Object>> sse(StreamedEvent streamed) {
        Map<String, Object> data = new LinkedHashMap<>();
        streamed.event().flatMap(event -> event.messageId()).ifPresent(id -> data.put("messageId", id.value()));
        streamed.entry().ifPresent(entry -> data.put("message", InboxController.view(entry)));
        if (streamed.unreadCount() >= 0) {
            data.put("unread_count", streamed.unreadCount());
        }
        Event<Map<String, Object>> event = Event.of(data).name(streamed.type());
        return streamed.event().map(inboxEvent -> event.id(Long.toString(inboxEvent.id()))).orElse(event);
    }

    private static long eventId(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("Last-Event-ID must be the id of an event this stream sent, not '" + value + "'");
        }
    }
}
