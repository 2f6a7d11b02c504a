package io.herald.adapters.inbound.rest.profile;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.herald.adapters.inbound.rest.reference.Schemas;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.herald.adapters.inbound.rest.json.JsonBody;
import io.herald.adapters.inbound.rest.json.UserIds;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.in.ManageProfilesUseCase;
import io.herald.domain.json.JsonFields;
import io.herald.domain.json.JsonPatch;
import io.herald.domain.profile.UserId;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.LinkedHashMap;
import java.util.Map;

/** Courier's Profiles API: {@code /profiles/{user_id}}. */
@Tag(name = "Profiles")
@Controller("/profiles/{user_id}")
@ExecuteOn(TaskExecutors.BLOCKING)
class ProfilesController {

    private static final Map<String, String> SUCCESS = Map.of("status", "SUCCESS");

    private final ManageProfilesUseCase profiles;
    private final ProfilePreferencesView preferences;

    ProfilesController(ManageProfilesUseCase profiles, ProfilePreferencesView preferences) {
        this.profiles = profiles;
        this.preferences = preferences;
    }

    @Get
    Map<String, Object> get(@PathVariable("user_id") String userId) {
        UserId id = UserIds.fromPath(userId);
        var profile = profiles.find(id).orElseThrow(() -> new NotFoundException("No profile for user '" + userId + "'"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("profile", profile.attributes());
        body.put("preferences", preferences.of(id));
        return body;
    }

    @Post
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = Schemas.ProfileBody.class)))
    Map<String, String> merge(@PathVariable("user_id") String userId, @Body Map<String, Object> body) {
        profiles.merge(UserIds.fromPath(userId), JsonBody.of(body).requiredMap("profile"));
        return SUCCESS;
    }

    @Put
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = Schemas.ProfileBody.class)))
    Map<String, String> replace(@PathVariable("user_id") String userId, @Body Map<String, Object> body) {
        profiles.replace(UserIds.fromPath(userId), JsonBody.of(body).requiredMap("profile"));
        return SUCCESS;
    }

    @Patch
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = Schemas.ProfilePatch.class)))
    Map<String, String> patch(@PathVariable("user_id") String userId, @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        JsonPatch patch = JsonPatch.of(fields.optionalList("patch")
                .orElseThrow(() -> new io.herald.domain.shared.InvalidValueException("patch is required and must be an array of operations")));
        profiles.patch(UserIds.fromPath(userId), patch);
        return SUCCESS;
    }

    @Delete
    HttpResponse<Void> delete(@PathVariable("user_id") String userId) {
        profiles.delete(UserIds.fromPath(userId));
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }
}
