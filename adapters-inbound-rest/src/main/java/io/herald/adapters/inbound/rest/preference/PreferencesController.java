package io.herald.adapters.inbound.rest.preference;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.herald.adapters.inbound.rest.json.JsonBody;
import io.herald.adapters.inbound.rest.json.UserIds;
import io.herald.application.port.in.ManagePreferencesUseCase;
import io.herald.domain.json.JsonFields;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.routing.Channel;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Courier's user preferences: {@code /users/{user_id}/preferences[/{topic_id}]}. */
@Tag(name = "Preferences")
@Controller("/users/{user_id}/preferences")
@ExecuteOn(TaskExecutors.BLOCKING)
class PreferencesController {

    private final ManagePreferencesUseCase preferences;

    PreferencesController(ManagePreferencesUseCase preferences) {
        this.preferences = preferences;
    }

    @Get
    Map<String, Object> list(@PathVariable("user_id") String userId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", preferences.list(UserIds.fromPath(userId)).stream().map(PreferencesController::view).toList());
        body.put("paging", Map.of("more", false));
        return body;
    }

    @Get("/{topic_id}")
    Map<String, Object> get(@PathVariable("user_id") String userId, @PathVariable("topic_id") String topicId) {
        return Map.of("topic", view(preferences.find(UserIds.fromPath(userId), topicId)));
    }

    @Put("/{topic_id}")
    Map<String, String> put(@PathVariable("user_id") String userId, @PathVariable("topic_id") String topicId,
                            @Body Map<String, Object> body) {
        JsonFields topic = JsonBody.of(body).requiredObject("topic");
        PreferenceStatus status = PreferenceStatus.parse(topic.get("status"), topic.where("status"));
        List<Channel> customRouting = new ArrayList<>();
        List<String> channels = topic.optionalStrings("custom_routing").orElse(List.of());
        for (int i = 0; i < channels.size(); i++) {
            customRouting.add(Channel.parse(channels.get(i), topic.where("custom_routing", i)));
        }
        preferences.put(UserIds.fromPath(userId), topicId, status, topic.optionalBoolean("has_custom_routing").orElse(!customRouting.isEmpty()),
                customRouting);
        return Map.of("message", "success");
    }

    /**
     * Courier's {@code deleteTopic}: the topic goes back to its default for the user; idempotent. Tenant-scoped
     * preferences do not exist yet, so a {@code tenant_id} is refused rather than taken as the user's own preference.
     */
    @Delete("/{topic_id}")
    HttpResponse<Void> delete(@PathVariable("user_id") String userId, @PathVariable("topic_id") String topicId,
                              @Nullable @QueryValue("tenant_id") String tenantId) {
        if (tenantId != null) {
            throw new InvalidValueException("tenant_id: tenant-scoped preferences are not supported yet; without tenant_id this "
                    + "deletes the user's own preference for the topic");
        }
        preferences.delete(UserIds.fromPath(userId), topicId);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    static Map<String, Object> view(TopicPreference preference) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("topic_id", preference.topicId());
        view.put("topic_name", preference.topicId());
        view.put("status", preference.status().name());
        view.put("default_status", PreferenceStatus.OPTED_IN.name());
        view.put("has_custom_routing", preference.hasCustomRouting());
        view.put("custom_routing", preference.customRouting().stream().map(Channel::wireName).toList());
        return view;
    }
}
