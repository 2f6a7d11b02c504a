package io.herald.adapters.inbound.rest.profile;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.herald.adapters.inbound.rest.json.JsonBody;
import io.herald.adapters.inbound.rest.json.UserIds;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.in.ManagePushTokensUseCase;
import io.herald.application.port.out.Clock;
import io.herald.domain.json.JsonFields;
import io.herald.domain.profile.PushToken;
import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Courier's user tokens API: {@code /users/{user_id}/tokens}. */
@Tag(name = "Push tokens")
@Controller("/users/{user_id}/tokens")
@ExecuteOn(TaskExecutors.BLOCKING)
class PushTokensController {

    /** Courier's default lifetime of a token registered without {@code expiry_date}. */
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(60);
    /** Tokens one {@code PUT /users/{id}/tokens} may carry: they are written in one transaction. */
    static final int MAX_TOKENS = 100;

    private final ManagePushTokensUseCase tokens;
    private final Clock clock;

    PushTokensController(ManagePushTokensUseCase tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Put("/{token}")
    HttpResponse<Void> put(@PathVariable("user_id") String userId, @PathVariable String token, @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        fields.optionalString("token").filter(inBody -> !inBody.equals(token)).ifPresent(mismatch -> {
            throw new InvalidValueException("token in the body must match the token in the path");
        });
        tokens.put(token(UserIds.fromPath(userId), token, fields));
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    /**
     * Courier's {@code addMultiple}: {@code {"tokens": [UserToken…]}}, each replacing a stored token of the same value,
     * all or none. The 7.x and 9.x SDKs send it without a body, which registers nothing.
     */
    @Put
    HttpResponse<Void> putAll(@PathVariable("user_id") String userId, @Nullable @Body Map<String, Object> body) {
        UserId user = UserIds.fromPath(userId);
        List<Object> items = body == null ? List.of() : JsonBody.of(body).optionalList("tokens").orElse(List.of());
        if (items.size() > MAX_TOKENS) {
            throw new InvalidValueException("tokens may hold at most " + MAX_TOKENS + " tokens per request; it has " + items.size());
        }
        List<PushToken> parsed = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonFields item = JsonFields.of(items.get(i), "tokens[" + i + "]", "a token object with token and provider_key");
            String value = item.requiredText("token");
            if (parsed.stream().anyMatch(other -> other.token().equals(value))) {
                throw new InvalidValueException(item.where("token") + " is given twice");
            }
            parsed.add(token(user, value, item));
        }
        tokens.putAll(parsed);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    private PushToken token(UserId user, String token, JsonFields fields) {
        return new PushToken(user, token, fields.requiredString("provider_key"),
                fields.optionalMap("device").orElse(null), fields.optionalMap("tracking").orElse(null),
                fields.get("properties"), expiry(fields.get("expiry_date")), PushToken.ACTIVE, null);
    }

    /** Courier's token update: {@code {"patch": [{"op", "path", "value"}]}}, a JSON Patch of the stored token (see {@link PushToken#patched}). */
    @Patch("/{token}")
    HttpResponse<Void> patch(@PathVariable("user_id") String userId, @PathVariable String token, @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        List<Object> operations = fields.optionalList("patch")
                .orElseThrow(() -> new InvalidValueException("patch is required: an array of {\"op\", \"path\", \"value\"}"));
        List<PushToken.Patch> patches = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            JsonFields operation = JsonFields.of(operations.get(i), "patch[" + i + "]");
            patches.add(new PushToken.Patch(operation.requiredString("op"), operation.requiredString("path"), operation.get("value")));
        }
        tokens.patch(UserIds.fromPath(userId), token, patches);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    @Get("/{token}")
    Map<String, Object> get(@PathVariable("user_id") String userId, @PathVariable String token) {
        return tokens.find(UserIds.fromPath(userId), token).map(PushTokensController::view)
                .orElseThrow(() -> new NotFoundException("User '" + userId + "' has no token '" + token + "'"));
    }

    @Get
    Map<String, List<Map<String, Object>>> list(@PathVariable("user_id") String userId) {
        return Map.of("tokens", tokens.list(UserIds.fromPath(userId)).stream().map(PushTokensController::view).toList());
    }

    @Delete("/{token}")
    HttpResponse<Void> delete(@PathVariable("user_id") String userId, @PathVariable String token) {
        tokens.delete(UserIds.fromPath(userId), token);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    private @Nullable Instant expiry(Object expiryDate) {
        if (expiryDate == null || Boolean.TRUE.equals(expiryDate)) {
            return clock.now().plus(DEFAULT_LIFETIME);
        }
        if (Boolean.FALSE.equals(expiryDate)) {
            return null;
        }
        if (expiryDate instanceof String text) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidValueException("expiry_date '" + text + "' is not an ISO-8601 date-time");
            }
        }
        throw new InvalidValueException("expiry_date must be an ISO-8601 date-time or false");
    }

    private static Map<String, Object> view(PushToken token) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("token", token.token());
        view.put("provider_key", token.providerKey());
        view.put("device", token.device());
        view.put("tracking", token.tracking());
        view.put("properties", token.properties());
        view.put("expiry_date", token.expiresAt() == null ? false : token.expiresAt().toString());
        view.put("status", token.status());
        view.put("status_reason", token.statusReason());
        return view;
    }
}
