package io.herald.adapters.inbound.rest.json;

import io.herald.domain.json.JsonFields;
import io.herald.domain.json.StorableText;
import io.herald.domain.shared.InvalidValueException;

import java.util.Map;

/**
 * A JSON request body (bound as plain maps and lists), read with the domain's {@link JsonFields} once the door has
 * checked what only a request needs: that there is a body, and that every key and string in it can be stored.
 */
public final class JsonBody {

    private JsonBody() {
    }

    public static JsonFields of(Map<String, Object> body) {
        if (body == null) {
            throw new InvalidValueException("a JSON object body is required");
        }
        StorableText.requireIn(body, "");
        return JsonFields.of(body, "");
    }
}
