package io.herald.adapters.inbound.rest.operations;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.herald.adapters.inbound.rest.json.JsonBody;
import io.herald.application.port.in.RedriveUseCase;
import io.herald.application.port.in.RedriveUseCase.MessageFilter;
import io.herald.application.port.in.RedriveUseCase.Window;
import io.herald.domain.json.JsonFields;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Re-drive (DESIGN §10): {@code POST /messages/redrive}, {@code /inbound/events/redrive}, {@code /automations/runs/redrive},
 * each with optional filters in a JSON body; times ({@code from}, {@code to}) as ISO-8601 or epoch milliseconds.
 * Each answers {@code {"redriven": n}}.
 */
@Tag(name = "Operations")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class RedriveController {

    private final RedriveUseCase redrive;

    RedriveController(RedriveUseCase redrive) {
        this.redrive = redrive;
    }

    @Post("/messages/redrive")
    Map<String, Object> messages(@Nullable @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body == null ? Map.of() : body);
        MessageStatus status = fields.optionalString("status").map(RedriveController::status).orElse(MessageStatus.UNDELIVERABLE);
        Optional<Channel> channel = fields.optionalString("channel").map(name -> Channel.find(name)
                .orElseThrow(() -> new InvalidValueException("channel must be one of " + Arrays.stream(Channel.values()).map(Channel::wireName).toList())));
        return Map.of("redriven", redrive.redriveMessages(new MessageFilter(status, fields.optionalString("provider"), channel,
                fields.optionalString("template"), window(fields))));
    }

    @Post("/inbound/events/redrive")
    Map<String, Object> inboundEvents(@Nullable @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body == null ? Map.of() : body);
        return Map.of("redriven", redrive.redriveInboundEvents(window(fields), fields.optionalString("type")));
    }

    @Post("/automations/runs/redrive")
    Map<String, Object> automationRuns(@Nullable @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body == null ? Map.of() : body);
        return Map.of("redriven", redrive.redriveAutomationRuns(window(fields), fields.optionalString("automation_id")));
    }

    private static Window window(JsonFields fields) {
        return new Window(time(fields, "from"), time(fields, "to"));
    }

    private static Optional<Instant> time(JsonFields fields, String field) {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number millis) {
            return Optional.of(Instant.ofEpochMilli(millis.longValue()));
        }
        try {
            return Optional.of(Instant.parse(String.valueOf(value)));
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field + " must be an ISO-8601 time (2026-12-01T09:00:00Z) or epoch milliseconds");
        }
    }

    private static MessageStatus status(String text) {
        try {
            return MessageStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("status must be UNDELIVERABLE or UNROUTABLE");
        }
    }
}
