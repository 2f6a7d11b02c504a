package io.herald.adapters.inbound.rest.preference;

import io.herald.adapters.inbound.rest.auth.Callers;
import io.herald.adapters.inbound.rest.json.JsonBody;
import io.herald.application.port.in.ManageWorkspacePreferencesUseCase;
import io.herald.application.port.in.ManageWorkspacePreferencesUseCase.SectionView;
import io.herald.domain.json.JsonFields;
import io.herald.domain.preference.PreferenceSection;
import io.herald.domain.preference.WorkspaceTopic;
import io.herald.domain.routing.Channel;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Courier's workspace preferences: the sections of the preference page and the subscription topics in them, with
 * each topic's default status (REQUIRED holds for every user), channels and one-click unsubscribe setting. Herald
 * also takes an {@code id} on create, so a topic can keep the id sends and user preferences already use.
 */
@Tag(name = "Preferences")
@Controller("/preferences/sections")
@ExecuteOn(TaskExecutors.BLOCKING)
class WorkspacePreferencesController {

    private final ManageWorkspacePreferencesUseCase workspace;

    WorkspacePreferencesController(ManageWorkspacePreferencesUseCase workspace) {
        this.workspace = workspace;
    }

    @Post
    Map<String, Object> createSection(HttpRequest<?> request, @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        return section(workspace.createSection(fields.optionalText("id"), PreferenceSection.parse(fields), Callers.actor(request)));
    }

    @Get
    Map<String, Object> sections() {
        return Map.of("results", workspace.sections().stream().map(WorkspacePreferencesController::section).toList());
    }

    @Get("/{section_id}")
    Map<String, Object> getSection(@PathVariable("section_id") String sectionId) {
        return section(workspace.section(sectionId));
    }

    @Put("/{section_id}")
    Map<String, Object> replaceSection(HttpRequest<?> request, @PathVariable("section_id") String sectionId, @Body Map<String, Object> body) {
        return section(workspace.replaceSection(sectionId, PreferenceSection.parse(JsonBody.of(body)), Callers.actor(request)));
    }

    @Delete("/{section_id}")
    HttpResponse<Void> deleteSection(@PathVariable("section_id") String sectionId) {
        workspace.deleteSection(sectionId);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    @Post("/{section_id}/topics")
    Map<String, Object> createTopic(HttpRequest<?> request, @PathVariable("section_id") String sectionId, @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        return topic(workspace.createTopic(sectionId, fields.optionalText("id"), WorkspaceTopic.parse(fields), Callers.actor(request)));
    }

    @Get("/{section_id}/topics")
    Map<String, Object> topics(@PathVariable("section_id") String sectionId) {
        return Map.of("results", workspace.topics(sectionId).stream().map(WorkspacePreferencesController::topic).toList());
    }

    @Get("/{section_id}/topics/{topic_id}")
    Map<String, Object> getTopic(@PathVariable("section_id") String sectionId, @PathVariable("topic_id") String topicId) {
        return topic(workspace.topic(sectionId, topicId));
    }

    @Put("/{section_id}/topics/{topic_id}")
    Map<String, Object> replaceTopic(HttpRequest<?> request, @PathVariable("section_id") String sectionId,
                                     @PathVariable("topic_id") String topicId, @Body Map<String, Object> body) {
        return topic(workspace.replaceTopic(sectionId, topicId, WorkspaceTopic.parse(JsonBody.of(body)), Callers.actor(request)));
    }

    @Delete("/{section_id}/topics/{topic_id}")
    HttpResponse<Void> deleteTopic(@PathVariable("section_id") String sectionId, @PathVariable("topic_id") String topicId) {
        workspace.deleteTopic(sectionId, topicId);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    /** Courier's {@code WorkspacePreferenceGetResponse}. */
    static Map<String, Object> section(SectionView view) {
        PreferenceSection section = view.section();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", section.id());
        body.put("name", section.name());
        body.put("description", section.description().orElse(null));
        body.put("has_custom_routing", section.hasCustomRouting());
        body.put("routing_options", names(section.routingOptions()));
        body.put("topics", view.topics().stream().map(WorkspacePreferencesController::topic).toList());
        body.put("created", section.created().toString());
        body.put("creator", section.creator());
        body.put("updated", section.updated().toString());
        body.put("updater", section.updater());
        return body;
    }

    /** Courier's {@code WorkspacePreferenceTopicGetResponse}, with the section it is in. */
    static Map<String, Object> topic(WorkspaceTopic topic) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", topic.id());
        body.put("section_id", topic.sectionId());
        body.put("name", topic.name());
        body.put("description", topic.description().orElse(null));
        body.put("default_status", topic.defaultStatus().name());
        body.put("allowed_preferences", topic.allowedPreferences());
        body.put("include_unsubscribe_header", topic.includeUnsubscribeHeader());
        body.put("routing_options", names(topic.routingOptions()));
        body.put("topic_data", topic.topicData());
        body.put("created", topic.created().toString());
        body.put("creator", topic.creator());
        body.put("updated", topic.updated().toString());
        body.put("updater", topic.updater());
        return body;
    }

    private static List<String> names(List<Channel> channels) {
        return channels.stream().map(Channel::wireName).toList();
    }
}
