package io.herald.adapters.inbound.rest.notification;

import io.herald.adapters.inbound.rest.auth.Callers;
import io.herald.adapters.inbound.rest.json.JsonBody;
import io.herald.adapters.inbound.rest.json.Paging;
import io.herald.application.port.in.ManageNotificationsUseCase;
import io.herald.application.port.in.ManageNotificationsUseCase.Payload;
import io.herald.application.port.in.ManageNotificationsUseCase.View;
import io.herald.application.port.in.ManageNotificationsUseCase.Which;
import io.herald.application.port.out.TemplateRepository;
import io.herald.domain.json.JsonFields;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Elemental;
import io.herald.domain.template.Template;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Courier's notifications (template) API, on Herald's templates: drafts, publishing as numbered versions ({@code v1},
 * {@code v2}, …), Elemental content with element ids and checksums, elements and locales one at a time. A template made
 * with {@code PUT /templates/{id}} reads here too, its channels as channel elements with raw content.
 */
@Tag(name = "Notifications")
@Controller("/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationsController {

    private final ManageNotificationsUseCase notifications;

    NotificationsController(ManageNotificationsUseCase notifications) {
        this.notifications = notifications;
    }

    @Post
    Map<String, Object> create(HttpRequest<?> request, @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        return template(notifications.create(payload(fields), publishes(fields), Callers.actor(request)));
    }

    @Get("/{id}")
    Map<String, Object> get(@PathVariable String id, @Nullable @QueryValue String version) {
        return template(notifications.get(id, which(version)));
    }

    @Put("/{id}")
    Map<String, Object> replace(HttpRequest<?> request, @PathVariable String id, @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        return template(notifications.replace(id, payload(fields), publishes(fields), Callers.actor(request)));
    }

    @Get
    Map<String, Object> list(@Nullable @QueryValue String cursor, @Nullable @QueryValue("event_id") String eventId) {
        if (eventId != null) {
            // The templates mapped to the event, as sends find them.
            return Map.of("paging", Map.of("more", false), "results", notifications.mappedTo(eventId).stream()
                    .map(NotificationsController::summary).toList());
        }
        return Paging.of(notifications.list(Optional.ofNullable(cursor), Paging.DEFAULT_LIMIT), "results", NotificationsController::summary);
    }

    @Delete("/{id}")
    HttpResponse<Void> archive(@PathVariable String id) {
        notifications.archive(id);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    @Get("/{id}/versions")
    Map<String, Object> versions(@PathVariable String id, @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        var page = notifications.versions(id, Optional.ofNullable(cursor), Paging.limit(limit));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("paging", Paging.of(page, "versions", NotificationsController::version).get("paging"));
        body.put("versions", page.items().stream().map(NotificationsController::version).toList());
        return body;
    }

    @Post("/{id}/publish")
    HttpResponse<Void> publish(HttpRequest<?> request, @PathVariable String id, @Nullable @Body Map<String, Object> body) {
        Optional<String> version = body == null ? Optional.empty() : JsonBody.of(body).optionalText("version");
        Optional<Integer> number = version.filter(v -> !v.equals("draft")).map(NotificationsController::number);
        notifications.publish(id, number, Callers.actor(request));
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    @Get("/{id}/content")
    Map<String, Object> content(@PathVariable String id, @Nullable @QueryValue String version) {
        View view = notifications.get(id, which(version));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("elements", view.template().elemental().elements().stream().map(NotificationsController::withChecksums).toList());
        body.put("version", versionName(view));
        return body;
    }

    @Put("/{id}/content")
    Map<String, Object> putContent(HttpRequest<?> request, @PathVariable String id, @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        Elemental content = Elemental.parse(fields.requiredObject("content").raw(), "content");
        return mutation(notifications.putContent(id, content, publishes(fields), Callers.actor(request)));
    }

    @Put("/{id}/elements/{element_id}")
    Map<String, Object> putElement(HttpRequest<?> request, @PathVariable String id, @PathVariable("element_id") String elementId,
                                   @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        return mutation(notifications.putElement(id, elementId, fields.raw(), publishes(fields), Callers.actor(request)));
    }

    @Put("/{id}/locales/{locale_id}")
    Map<String, Object> putLocale(HttpRequest<?> request, @PathVariable String id, @PathVariable("locale_id") String locale,
                                  @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        List<Map<String, Object>> elements = new ArrayList<>();
        List<Object> given = fields.requiredList("elements");
        for (int i = 0; i < given.size(); i++) {
            elements.add(JsonFields.of(given.get(i), fields.where("elements", i)).raw());
        }
        return mutation(notifications.putLocale(id, locale, elements, publishes(fields), Callers.actor(request)));
    }

    @Put("/{id}/{submission_id}/checks")
    Map<String, Object> putChecks(@PathVariable String id, @PathVariable("submission_id") String submissionId, @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        List<Map<String, Object>> checks = new ArrayList<>();
        List<Object> given = fields.requiredList("checks");
        for (int i = 0; i < given.size(); i++) {
            checks.add(JsonFields.of(given.get(i), fields.where("checks", i)).raw());
        }
        return Map.of("checks", notifications.putChecks(id, submissionId, checks).stream().map(NotificationsController::check).toList());
    }

    @Get("/{id}/{submission_id}/checks")
    Map<String, Object> checks(@PathVariable String id, @PathVariable("submission_id") String submissionId) {
        return Map.of("checks", notifications.checks(id, submissionId).stream().map(NotificationsController::check).toList());
    }

    @Delete("/{id}/{submission_id}/checks")
    HttpResponse<Void> deleteChecks(@PathVariable String id, @PathVariable("submission_id") String submissionId) {
        notifications.deleteChecks(id, submissionId);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    /** Courier's {@code Check}. */
    private static Map<String, Object> check(io.herald.application.port.out.NotificationChecks.Check check) {
        return Map.of("id", check.id(), "status", check.status(), "type", check.type(), "updated", check.updated().toEpochMilli());
    }

    /** Courier's {@code NotificationTemplatePayload} under {@code notification}. */
    private static Payload payload(JsonFields body) {
        JsonFields notification = body.requiredObject("notification");
        String name = notification.requiredText("name");
        Elemental content = Elemental.parse(notification.get("content") == null
                ? Map.of("version", Elemental.VERSION, "elements", List.of()) : notification.get("content"), notification.where("content"));
        Optional<String> brand = notification.optionalObject("brand").flatMap(b -> b.optionalText("id"));
        Optional<String> topic = notification.optionalObject("subscription").flatMap(s -> s.optionalText("topic_id"));
        if (notification.optionalObject("routing").flatMap(r -> r.optionalText("strategy_id")).isPresent()) {
            throw new InvalidValueException(notification.where("routing") + ".strategy_id: Herald has no routing strategies; a send's routing "
                    + "or the template's own (PUT /templates/{id}) routes it");
        }
        List<String> tags = notification.optionalStrings("tags").orElse(List.of());
        return new Payload(name, content, brand, topic, tags);
    }

    private static boolean publishes(JsonFields body) {
        Optional<String> state = body.optionalText("state");
        if (state.isPresent() && !state.get().equals("DRAFT") && !state.get().equals("PUBLISHED")) {
            throw new InvalidValueException("state '" + state.get() + "' must be DRAFT or PUBLISHED");
        }
        return state.filter("PUBLISHED"::equals).isPresent();
    }

    private static Which which(String version) {
        if (version == null || version.equals("draft") || version.equals("latest")) {
            return new Which.DraftCopy();
        }
        if (version.equals("published")) {
            return new Which.Published();
        }
        return new Which.Numbered(number(version));
    }

    private static int number(String version) {
        if (!version.matches("v[1-9][0-9]{0,8}")) {
            throw new InvalidValueException("version '" + version + "' must be draft, published or a published version such as v3");
        }
        return Integer.parseInt(version.substring(1));
    }

    /** A published version is PUBLISHED; a working copy with changes not yet published is DRAFT. */
    private static String state(View view) {
        return view.template().version().isPresent() ? "PUBLISHED" : "DRAFT";
    }

    private static String versionName(View view) {
        return view.template().version().map(number -> "v" + number).orElse("draft");
    }

    /** Courier's {@code NotificationTemplateResponse}, with the version shown. */
    static Map<String, Object> template(View view) {
        Template template = view.template();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", template.id());
        body.put("name", template.name());
        body.put("content", template.elemental().toJson());
        body.put("brand", template.brand().map(id -> Map.of("id", id)).orElse(null));
        body.put("routing", null);
        body.put("subscription", template.topic().map(topic -> Map.of("topic_id", topic)).orElse(null));
        body.put("tags", template.tags());
        body.put("state", state(view));
        body.put("version", versionName(view));
        body.put("created", view.draft().created().toEpochMilli());
        body.put("creator", view.draft().creator());
        body.put("updated", view.draft().updated().toEpochMilli());
        body.put("updater", view.draft().updater());
        return body;
    }

    /** Courier's {@code NotificationTemplateSummary}. */
    static Map<String, Object> summary(View view) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", view.template().id());
        body.put("name", view.template().name());
        body.put("state", state(view));
        body.put("tags", view.template().tags());
        body.put("created", view.draft().created().toEpochMilli());
        body.put("creator", view.draft().creator());
        body.put("updated", view.draft().updated().toEpochMilli());
        body.put("updater", view.draft().updater());
        return body;
    }

    private static Map<String, Object> version(TemplateRepository.Version version) {
        return Map.of("version", "v" + version.number(), "created", version.created().toEpochMilli(), "creator", version.creator());
    }

    /** Courier's {@code NotificationContentMutationResponse}: each top-level element's id and checksum. */
    private static Map<String, Object> mutation(View view) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", view.template().id());
        body.put("elements", view.template().elemental().elements().stream()
                .map(element -> Map.of("id", String.valueOf(element.getOrDefault("id", "")), "checksum", checksum(element))).toList());
        body.put("state", state(view));
        body.put("version", versionName(view));
        return body;
    }

    /** Courier's {@code ElementWithChecksums}: the element, its checksum, its children's and its locales'. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withChecksums(Map<String, Object> element) {
        Map<String, Object> body = new LinkedHashMap<>(JsonTrees.deepCopy(element));
        body.put("checksum", checksum(element));
        if (element.get("elements") instanceof List<?> children) {
            body.put("elements", children.stream().map(child -> withChecksums((Map<String, Object>) child)).toList());
        }
        if (element.get("locales") instanceof Map<?, ?> locales) {
            Map<String, Object> sums = new LinkedHashMap<>();
            locales.forEach((locale, fields) -> sums.put(String.valueOf(locale), Map.of("checksum", checksum(fields))));
            body.put("locales", sums);
        }
        return body;
    }

    /** A digest of the value's JSON with keys in order, so an unchanged element keeps its checksum. */
    private static String checksum(Object value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put(String.valueOf(key), item));
            StringBuilder json = new StringBuilder("{");
            sorted.forEach((key, item) -> json.append(json.length() > 1 ? "," : "").append('"').append(key).append("\":").append(canonical(item)));
            return json.append('}').toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(NotificationsController::canonical).collect(java.util.stream.Collectors.joining(",", "[", "]"));
        }
        return value instanceof String text ? '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : String.valueOf(value);
    }
}
