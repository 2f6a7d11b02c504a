package io.herald.adapters.inbound.segment;

import io.herald.application.errors.UnauthenticatedException;
import io.herald.application.port.in.AuthenticateCallerUseCase;
import io.herald.application.port.in.AuthenticateCallerUseCase.Scheme;
import io.herald.application.port.in.IngestSegmentEventsCommand;
import io.herald.application.port.in.IngestSegmentEventsUseCase;
import io.herald.domain.inbound.SegmentEvent;
import io.herald.domain.inbound.SegmentEventType;
import io.herald.domain.json.JsonFields;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.json.StorableText;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Segment's two ways in: the destination webhook ({@code POST /segment}) and the HTTP Tracking API
 * ({@code /v1/*}) that Segment's SDKs speak. Events are checked, stored and acknowledged; everything else
 * happens after the answer, as durable work.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
class SegmentController {

    static final Map<String, Boolean> SUCCESS = Map.of("success", true);
    private static final String WEBHOOK_SOURCE = "segment-webhook";
    private static final String API_SOURCE = "segment-api";

    private final IngestSegmentEventsUseCase ingest;
    private final AuthenticateCallerUseCase callers;
    private final JsonMapper json;
    private final SegmentSettings settings;

    SegmentController(IngestSegmentEventsUseCase ingest, AuthenticateCallerUseCase callers, JsonMapper json,
                      SegmentSettings settings) {
        this.ingest = ingest;
        this.callers = callers;
        this.json = json;
        this.settings = settings;
    }

    /** The destination webhook: one event, or an array of them. */
    @Post("/segment")
    Map<String, Boolean> webhook(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                 @Nullable @Header("X-Signature") String signature, @Nullable @Body byte[] body) {
        if (callers.authenticateHeader(authorization, Set.of(Scheme.BEARER, Scheme.BASIC_KEY_AS_USERNAME))
                .filter(SegmentController::sendsEvents).isEmpty()) {
            throw new UnauthenticatedException("Missing API key: send Authorization: Bearer <key> or Basic with the key as username");
        }
        byte[] raw = nonEmpty(body);
        if (settings.sharedSecret() != null && !settings.sharedSecret().isBlank()) {
            WebhookSignature.verify(settings.sharedSecret(), raw, signature);
        }
        Object parsed = parse(raw);
        List<SegmentEvent> events;
        if (parsed instanceof List<?> array) {
            checkBatchSize(raw.length, array.size());
            events = parseAll(array, null, "");
        } else if (parsed instanceof Map<?, ?> object) {
            checkEventSize(raw.length, null);
            events = List.of(SegmentEvent.parse(JsonTrees.asObject(object), null));
        } else {
            throw new InvalidValueException("body must be a Segment event or an array of events");
        }
        ingest.ingest(new IngestSegmentEventsCommand(events, WEBHOOK_SOURCE));
        return SUCCESS;
    }

    /** One event of the Tracking API; the path names its type. */
    @Post(uris = {"/v1/identify", "/v1/track", "/v1/group", "/v1/page", "/v1/screen", "/v1/alias"})
    Map<String, Boolean> single(HttpRequest<?> request, @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                @Nullable @Body byte[] body) {
        byte[] raw = nonEmpty(body);
        checkEventSize(raw.length, null);
        Map<String, Object> event = object(parse(raw), "body must be a Segment event object");
        authenticate(authorization, event.remove("writeKey"));
        SegmentEventType type = SegmentEventType.parse(lastSegment(request.getPath()));
        ingest.ingest(new IngestSegmentEventsCommand(List.of(SegmentEvent.parse(event, type)), API_SOURCE));
        return SUCCESS;
    }

    /**
     * A batch of events; {@code /v1/import} is the same call for historical data (analytics-java posts to
     * {@code /v1/import/}: Micronaut matches routes with or without the trailing slash).
     */
    @Post(uris = {"/v1/batch", "/v1/import"})
    Map<String, Boolean> batch(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization, @Nullable @Body byte[] body) {
        byte[] raw = nonEmpty(body);
        if (raw.length > SegmentLimits.MAX_BATCH_BYTES) {
            throw new InvalidValueException("batch is " + raw.length + " bytes; Segment's limit is 500 KB");
        }
        Map<String, Object> envelope = object(parse(raw), "body must be an object with a batch array");
        authenticate(authorization, envelope.get("writeKey"));
        if (!(envelope.get("batch") instanceof List<?> batch)) {
            throw new InvalidValueException("batch is required and must be an array of events");
        }
        checkBatchSize(raw.length, batch.size());
        List<Object> withSharedFields = new ArrayList<>(batch.size());
        for (Object item : batch) {
            withSharedFields.add(item instanceof Map<?, ?> event ? withBatchDefaults(JsonTrees.asObject(event), envelope) : item);
        }
        ingest.ingest(new IngestSegmentEventsCommand(parseAll(withSharedFields, null, "batch"), API_SOURCE));
        return SUCCESS;
    }

    /** The batch's top-level {@code context} and {@code integrations} apply to events that have none of their own. */
    private static Map<String, Object> withBatchDefaults(Map<String, Object> event, Map<String, Object> envelope) {
        Map<String, Object> merged = new LinkedHashMap<>(event);
        for (String shared : new String[] {"context", "integrations"}) {
            if (!merged.containsKey(shared) && envelope.get(shared) != null) {
                merged.put(shared, envelope.get(shared));
            }
        }
        return merged;
    }

    private List<SegmentEvent> parseAll(List<?> items, SegmentEventType impliedType, String name) {
        List<SegmentEvent> events = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String where = JsonFields.item(name, i);
            Map<String, Object> item = JsonFields.of(items.get(i), where, "an event object").raw();
            try {
                checkEventSize(SegmentLimits.jsonBytes(item), where);
                events.add(SegmentEvent.parse(item, impliedType));
            } catch (InvalidValueException e) {
                throw e.getMessage().startsWith(where) ? e : e.within(where);
            }
        }
        return events;
    }

    private void authenticate(String authorization, Object writeKey) {
        if (authorization != null) {
            if (callers.authenticateHeader(authorization, Set.of(Scheme.BEARER, Scheme.BASIC_KEY_AS_USERNAME))
                    .filter(SegmentController::sendsEvents).isEmpty()) {
                throw new UnauthenticatedException("Invalid API key");
            }
            return;
        }
        if (!(writeKey instanceof String key) || callers.authenticate(key).filter(SegmentController::sendsEvents).isEmpty()) {
            throw new UnauthenticatedException(writeKey == null
                    ? "Missing API key: send Basic auth with the key as username, a Bearer token, or writeKey in the body"
                    : "Invalid writeKey");
        }
    }

    /** Admin keys and Segment write keys send events; client tokens do not. */
    private static boolean sendsEvents(AuthenticateCallerUseCase.Caller caller) {
        return caller instanceof AuthenticateCallerUseCase.Admin || caller instanceof AuthenticateCallerUseCase.SegmentWriter;
    }

    private static void checkEventSize(long bytes, String where) {
        if (bytes > SegmentLimits.MAX_EVENT_BYTES) {
            throw new InvalidValueException((where == null ? "event" : where) + " is " + bytes
                    + " bytes; Segment's limit is 32 KB per event");
        }
    }

    private static void checkBatchSize(int bytes, int events) {
        if (bytes > SegmentLimits.MAX_BATCH_BYTES) {
            throw new InvalidValueException("batch is " + bytes + " bytes; Segment's limit is 500 KB");
        }
        if (events > SegmentLimits.MAX_BATCH_EVENTS) {
            throw new InvalidValueException("batch has " + events + " events; Segment's limit is 2500");
        }
        if (events == 0) {
            throw new InvalidValueException("batch is empty");
        }
    }

    private static byte[] nonEmpty(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidValueException("body is empty; send a JSON Segment event");
        }
        return body;
    }

    private Object parse(byte[] raw) {
        try {
            Object parsed = json.readValue(raw, Argument.OBJECT_ARGUMENT);
            StorableText.requireIn(parsed, "");
            return parsed;
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable");
            throw new InvalidValueException("Malformed JSON: " + reason);
        }
    }

    private static Map<String, Object> object(Object parsed, String message) {
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new InvalidValueException(message);
        }
        return new LinkedHashMap<>(JsonTrees.asObject(map));
    }

    private static String lastSegment(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
