package io.herald.adapters.inbound.rest.preference;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.herald.adapters.inbound.rest.json.JsonBody;
import io.herald.adapters.inbound.rest.json.UserIds;
import io.herald.application.port.in.ManagePreferencesUseCase;
import io.herald.application.port.in.ManagePreferencesUseCase.BulkUpdate;
import io.herald.application.port.in.ManagePreferencesUseCase.Change;
import io.herald.domain.json.JsonFields;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Courier's user preferences: {@code /users/{user_id}/preferences[/{topic_id}]}, each in the user's own scope or, with
 * {@code ?tenant_id=}, within that tenant; and the bulk writes on the collection (POST updates some, PUT replaces all).
 */
@Tag(name = "Preferences")
@Controller("/users/{user_id}/preferences")
@ExecuteOn(TaskExecutors.BLOCKING)
class PreferencesController {

    private final ManagePreferencesUseCase preferences;

    PreferencesController(ManagePreferencesUseCase preferences) {
        this.preferences = preferences;
    }

    @Get
    Map<String, Object> list(@PathVariable("user_id") String userId, @Nullable @QueryValue("tenant_id") String tenantId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", preferences.list(UserIds.fromPath(userId), scope(tenantId)).stream()
                .map(preference -> view(preference, PreferenceStatus.OPTED_IN)).toList());
        body.put("paging", Map.of("more", false));
        return body;
    }

    @Get("/{topic_id}")
    Map<String, Object> get(@PathVariable("user_id") String userId, @PathVariable("topic_id") String topicId,
                            @Nullable @QueryValue("tenant_id") String tenantId) {
        ManagePreferencesUseCase.Topic topic = preferences.find(UserIds.fromPath(userId), scope(tenantId), topicId);
        return Map.of("topic", view(topic.preference(), topic.defaultStatus()));
    }

    @Put("/{topic_id}")
    Map<String, String> put(@PathVariable("user_id") String userId, @PathVariable("topic_id") String topicId,
                            @Nullable @QueryValue("tenant_id") String tenantId, @Body Map<String, Object> body) {
        JsonFields topic = JsonBody.of(body).requiredObject("topic");
        Change change = change(topicId, topic, false);
        preferences.put(UserIds.fromPath(userId), scope(tenantId), topicId, change.status(), change.hasCustomRouting(),
                change.customRouting());
        return Map.of("message", "success");
    }

    /** Courier's {@code deleteTopic}: the topic goes back to its default for the user in the scope; idempotent. */
    @Delete("/{topic_id}")
    HttpResponse<Void> delete(@PathVariable("user_id") String userId, @PathVariable("topic_id") String topicId,
                              @Nullable @QueryValue("tenant_id") String tenantId) {
        preferences.delete(UserIds.fromPath(userId), scope(tenantId), topicId);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    /**
     * Courier's bulk update, {@code {"topics": [{topic_id, status, has_custom_routing?, custom_routing?}]}}: topics left
     * out stay as they are; a topic that cannot apply (a REQUIRED one) is answered in {@code errors} with why, and the
     * others are still written.
     */
    @Post
    Map<String, Object> bulkUpdate(@PathVariable("user_id") String userId, @Nullable @QueryValue("tenant_id") String tenantId,
                                   @Body Map<String, Object> body) {
        BulkUpdate result = preferences.update(UserIds.fromPath(userId), scope(tenantId), bulk(body));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", result.applied().stream().map(PreferencesController::bulkView).toList());
        answer.put("errors", result.refused().stream().map(refusal -> Map.of("topic_id", refusal.topicId(), "reason", refusal.reason())).toList());
        return answer;
    }

    /** Courier's bulk replace: the topics become all of the user's choices in the scope; the others are reset. All or nothing. */
    @Put
    Map<String, Object> bulkReplace(@PathVariable("user_id") String userId, @Nullable @QueryValue("tenant_id") String tenantId,
                                    @Body Map<String, Object> body) {
        List<TopicPreference> replaced = preferences.replace(UserIds.fromPath(userId), scope(tenantId), bulk(body));
        return Map.of("items", replaced.stream().map(PreferencesController::bulkView).toList());
    }

    private static List<Change> bulk(Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        List<Object> topics = fields.requiredList("topics");
        if (topics.size() > ManagePreferencesUseCase.MAX_BULK_TOPICS) {
            throw new InvalidValueException("topics may hold at most " + ManagePreferencesUseCase.MAX_BULK_TOPICS + " topics; it has " + topics.size());
        }
        List<Change> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < topics.size(); i++) {
            JsonFields topic = JsonFields.of(topics.get(i), fields.where("topics", i), "an object with topic_id and status");
            String topicId = topic.requiredText("topic_id");
            if (!seen.add(topicId)) {
                throw new InvalidValueException(topic.where("topic_id") + " '" + topicId + "' is given twice");
            }
            changes.add(change(topicId, topic, true));
        }
        return changes;
    }

    /** A topic's {@code status}, {@code has_custom_routing} and {@code custom_routing}; in bulk only OPTED_IN or OPTED_OUT. */
    private static Change change(String topicId, JsonFields topic, boolean bulk) {
        PreferenceStatus status = PreferenceStatus.parse(topic.get("status"), topic.where("status"));
        if (bulk && status == PreferenceStatus.REQUIRED) {
            throw new InvalidValueException(topic.where("status") + " must be OPTED_IN or OPTED_OUT in a bulk write");
        }
        List<Channel> customRouting = new ArrayList<>();
        List<String> channels = topic.optionalStrings("custom_routing").orElse(List.of());
        for (int i = 0; i < channels.size(); i++) {
            customRouting.add(Channel.parse(channels.get(i), topic.where("custom_routing", i)));
        }
        return new Change(topicId, status, topic.optionalBoolean("has_custom_routing").orElse(!customRouting.isEmpty()), customRouting);
    }

    private static Optional<String> scope(@Nullable String tenantId) {
        if (tenantId != null && tenantId.isBlank()) {
            throw new InvalidValueException("tenant_id must not be blank");
        }
        return Optional.ofNullable(tenantId);
    }

    static Map<String, Object> view(TopicPreference preference, PreferenceStatus defaultStatus) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("topic_id", preference.topicId());
        view.put("topic_name", preference.topicId());
        view.put("status", preference.status().name());
        view.put("default_status", defaultStatus.name());
        view.put("has_custom_routing", preference.hasCustomRouting());
        view.put("custom_routing", preference.customRouting().stream().map(Channel::wireName).toList());
        return view;
    }

    /** Courier's {@code BulkPreferenceTopic}. */
    private static Map<String, Object> bulkView(TopicPreference preference) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("topic_id", preference.topicId());
        view.put("status", preference.status().name());
        view.put("has_custom_routing", preference.hasCustomRouting());
        view.put("custom_routing", preference.customRouting().stream().map(Channel::wireName).toList());
        return view;
    }
}
