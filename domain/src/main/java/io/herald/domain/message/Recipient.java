package io.herald.domain.message;

import io.herald.domain.json.JsonFields;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whom a send is addressed to, as Courier's {@code to} says it: a user ({@code user_id}, with addresses and data
 * that override the stored profile for this send), an ad-hoc address ({@code email} or {@code phone_number}
 * alone), or a list ({@code list_id}), which stands for each of its subscribers.
 */
public record Recipient(Optional<UserId> userId, Optional<String> email, Optional<String> phoneNumber,
                        Optional<String> listId, Map<String, Object> data) {

    private static final Set<String> UNSUPPORTED = Set.of("audience_id", "list_pattern", "slack", "ms_teams", "pagerduty", "webhook");

    public Recipient {
        data = JsonTrees.deepCopy(data == null ? Map.of() : data);
    }

    public static Recipient user(UserId userId) {
        return new Recipient(Optional.of(userId), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    public static Recipient parse(Object raw, String where) {
        JsonFields to = JsonFields.of(raw, where, "an object (user_id, email, phone_number or list_id)");
        for (String unsupported : UNSUPPORTED) {
            if (to.raw().containsKey(unsupported)) {
                throw new InvalidValueException(to.where(unsupported) + ": this kind of recipient is not supported by Herald");
            }
        }
        Optional<String> userId = to.optionalText("user_id");
        if (userId.isPresent() && userId.get().length() > UserId.MAX_LENGTH) {
            throw new InvalidValueException(to.where("user_id") + " must be at most " + UserId.MAX_LENGTH + " characters");
        }
        Optional<String> email = to.optionalText("email");
        Optional<String> phone = to.optionalText("phone_number");
        Optional<String> listId = to.optionalText("list_id");
        if (userId.isEmpty() && email.isEmpty() && phone.isEmpty() && listId.isEmpty()) {
            throw new InvalidValueException(where + " needs user_id, email, phone_number or list_id");
        }
        if (listId.isPresent() && (userId.isPresent() || email.isPresent() || phone.isPresent())) {
            throw new InvalidValueException(where + ": list_id cannot be combined with user_id, email or phone_number");
        }
        Map<String, Object> data = to.optionalMap("data").orElse(Map.of());
        return new Recipient(userId.map(UserId::of), email, phone, listId, data);
    }

    public boolean isList() {
        return listId.isPresent();
    }

    /** How the Messages API names the recipient: the user id, else the address. */
    public String displayName() {
        return userId.map(UserId::value).or(() -> email).or(() -> phoneNumber).or(() -> listId).orElseThrow();
    }

    /** The profile attributes this send overrides ({@code email}, {@code phone_number} given in {@code to}). */
    public Map<String, Object> profileOverrides() {
        Map<String, Object> overrides = new LinkedHashMap<>();
        email.ifPresent(value -> overrides.put("email", value));
        phoneNumber.ifPresent(value -> overrides.put("phone_number", value));
        return overrides;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        userId.ifPresent(id -> json.put("user_id", id.value()));
        email.ifPresent(value -> json.put("email", value));
        phoneNumber.ifPresent(value -> json.put("phone_number", value));
        listId.ifPresent(value -> json.put("list_id", value));
        if (!data.isEmpty()) {
            json.put("data", data);
        }
        return json;
    }
}
