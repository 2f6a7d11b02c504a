package io.herald.adapters.inbound.rest.inbound;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.herald.adapters.inbound.rest.json.JsonBody;
import io.herald.adapters.inbound.rest.json.UserIds;
import io.herald.application.port.in.ListInboundEventsQuery;
import io.herald.application.port.in.ListInboundEventsUseCase;
import io.herald.application.port.in.TrackInboundEventCommand;
import io.herald.application.port.in.TrackInboundEventUseCase;
import io.herald.application.port.out.InboundEventLog.InboundEventRecord;
import io.herald.domain.inbound.InboundEventStatus;
import io.herald.domain.json.JsonFields;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Courier's inbound track API, and Herald's log of every inbound event with what it triggered. */
@Tag(name = "Inbound events")
@Controller("/inbound")
@ExecuteOn(TaskExecutors.BLOCKING)
class InboundController {

    private final TrackInboundEventUseCase track;
    private final ListInboundEventsUseCase list;

    InboundController(TrackInboundEventUseCase track, ListInboundEventsUseCase list) {
        this.track = track;
        this.list = list;
    }

    @Post("/courier")
    HttpResponse<Map<String, String>> courier(@Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        String type = fields.requiredString("type");
        if (!"track".equals(type)) {
            throw new InvalidValueException("type must be \"track\"");
        }
        String messageId = track.track(new TrackInboundEventCommand(
                fields.requiredString("event"),
                fields.requiredString("messageId"),
                fields.optionalMap("properties").orElse(Map.of()),
                fields.optionalString("userId").filter(id -> !id.isBlank()).map(id -> UserIds.of(id, "userId"))));
        return HttpResponse.status(HttpStatus.ACCEPTED).body(Map.of("messageId", messageId));
    }

    @Get("/events")
    Map<String, Object> events(@Nullable @QueryValue String status, @Nullable @QueryValue String cursor,
                               @Nullable @QueryValue Integer limit) {
        var page = list.list(new ListInboundEventsQuery(Optional.ofNullable(status).map(InboundController::status),
                Optional.ofNullable(cursor), limit == null ? 20 : limit));
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("cursor", page.nextCursor());
        paging.put("more", page.hasMore());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("paging", paging);
        body.put("results", page.items().stream().map(InboundController::view).toList());
        return body;
    }

    private static InboundEventStatus status(String text) {
        try {
            return InboundEventStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("status must be one of " + Arrays.toString(InboundEventStatus.values()));
        }
    }

    private static Map<String, Object> view(InboundEventRecord record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", record.id());
        view.put("messageId", record.messageId());
        view.put("source", record.source());
        view.put("type", record.type());
        view.put("event", record.name());
        view.put("userId", record.userId());
        view.put("status", record.status().name());
        view.put("received", record.receivedAt().toEpochMilli());
        view.put("processed", record.processedAt() == null ? null : record.processedAt().toEpochMilli());
        view.put("triggered", Map.of("messages", record.messageIds(), "automationRuns", record.automationRunIds()));
        view.put("error", record.error());
        view.put("payload", record.payload());
        return view;
    }
}
