package io.herald.adapters.inbound.rest.message;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.herald.adapters.inbound.rest.reference.Schemas;
import io.herald.adapters.inbound.rest.json.Paging;
import io.herald.application.port.in.CancelMessageUseCase;
import io.herald.application.port.in.QueryMessagesUseCase;
import io.herald.application.port.in.ResendMessageUseCase;
import io.herald.application.port.out.MessageRepository.MessageQuery;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Courier's Messages API. */
@Tag(name = "Messages")
@Controller("/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
class MessagesController {

    private final QueryMessagesUseCase messages;
    private final CancelMessageUseCase cancel;
    private final ResendMessageUseCase resend;

    MessagesController(QueryMessagesUseCase messages, CancelMessageUseCase cancel, ResendMessageUseCase resend) {
        this.messages = messages;
        this.cancel = cancel;
        this.resend = resend;
    }

    @Get
    @ApiResponse(responseCode = "200", description = "newest first",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Schemas.MessageList.class)))
    Map<String, Object> list(@Nullable @QueryValue String recipient, @Nullable @QueryValue String status,
                             @Nullable @QueryValue String notification, @Nullable @QueryValue("request_id") String requestId,
                             @Nullable @QueryValue String provider, @Nullable @QueryValue("enqueued_after") String enqueuedAfter,
                             @Nullable @QueryValue String messageId, @Nullable @QueryValue List<String> tag, @Nullable @QueryValue String tags,
                             @Nullable @QueryValue String traceId, @Nullable @QueryValue("tenant_id") String tenantId,
                             @Nullable @QueryValue String event, @Nullable @QueryValue Boolean archived, @Nullable @QueryValue String cursor,
                             @Nullable @QueryValue Integer limit) {
        // Courier's messageId filter is the id /send answered, which is Herald's request id.
        if (requestId != null && messageId != null && !requestId.equals(messageId)) {
            throw new InvalidValueException("request_id and messageId name the same thing; give one of them");
        }
        List<String> anyTag = new ArrayList<>(tag == null ? List.of() : tag.stream().filter(t -> !t.isBlank()).toList());
        if (tags != null) {
            Arrays.stream(tags.split(",", -1)).map(String::trim).filter(t -> !t.isEmpty()).forEach(anyTag::add);
        }
        var page = messages.list(new MessageQuery(Optional.ofNullable(recipient), Optional.ofNullable(status).map(MessagesController::status),
                Optional.ofNullable(notification), Optional.ofNullable(requestId != null ? requestId : messageId), Optional.empty(),
                Optional.ofNullable(provider), Optional.ofNullable(enqueuedAfter).map(MessagesController::instant), Optional.empty(),
                Optional.ofNullable(cursor), Paging.limit(limit))
                .sentWith(new MessageQuery.SentWith(anyTag, Optional.ofNullable(traceId), Optional.ofNullable(tenantId), Optional.ofNullable(event)))
                .withArchived(Boolean.TRUE.equals(archived)));
        return Paging.of(page, "results", MessageViews::details);
    }

    @Get("/{message_id}")
    @ApiResponse(responseCode = "200", description = "the message, with every channel and provider it was tried on",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Schemas.MessageDetails.class)))
    Map<String, Object> get(@PathVariable("message_id") String messageId) {
        MessageId id = new MessageId(messageId);
        Map<String, Object> view = MessageViews.details(messages.find(id));
        view.put("channels", messages.legs(id).stream().map(MessageViews::leg).toList());
        return view;
    }

    @Get("/{message_id}/history")
    Map<String, Object> history(@PathVariable("message_id") String messageId, @Nullable @QueryValue String type) {
        return Map.of("results", messages.history(new MessageId(messageId)).stream()
                .filter(entry -> type == null || entry.type().name().equalsIgnoreCase(type))
                .map(MessageViews::history).toList());
    }

    @Get("/{message_id}/output")
    Map<String, Object> output(@PathVariable("message_id") String messageId) {
        return Map.of("results", messages.output(new MessageId(messageId)).entrySet().stream()
                .map(entry -> MessageViews.output(entry.getKey(), entry.getValue())).toList());
    }

    @Post("/{message_id}/cancel")
    Map<String, Object> cancel(@PathVariable("message_id") String messageId) {
        return MessageViews.details(cancel.cancel(new MessageId(messageId)));
    }

    /** Courier's resend: a new message, its id in {@code message_id}; it is sent as a send is (202, like {@code POST /send}). */
    @Post("/{message_id}/resend")
    @Status(HttpStatus.ACCEPTED)
    @ApiResponse(responseCode = "202", description = "the new message's id",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Schemas.Resent.class)))
    Map<String, Object> resend(@PathVariable("message_id") String messageId) {
        return Map.of("message_id", resend.resend(new MessageId(messageId)).value());
    }

    /** Courier's {@code enqueued_after} is a date and time; epoch milliseconds, as the message views give times, work too. */
    private static Instant instant(String text) {
        try {
            return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(text)) : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidValueException("enqueued_after must be an ISO-8601 date and time with an offset "
                    + "(2026-12-03T08:00:00Z) or epoch milliseconds");
        }
    }

    private static MessageStatus status(String text) {
        try {
            return MessageStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("status must be one of " + Arrays.toString(MessageStatus.values()));
        }
    }
}
