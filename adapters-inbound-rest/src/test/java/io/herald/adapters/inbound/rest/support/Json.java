package io.herald.adapters.inbound.rest.support;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON text as plain maps, lists and scalars, read the same way on both sides of an assertion, so an expected body
 * written as a JSON literal compares equal to the body the server sent (numbers included).
 */
public final class Json {

    private static final ObjectMapper MAPPER = ObjectMapper.getDefault();

    private Json() {
    }

    /** A JSON object, as a map the test may add to. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String json) {
        return new LinkedHashMap<>((Map<String, Object>) parse(json));
    }

    public static Object parse(String json) {
        try {
            return MAPPER.readValue(json, Argument.OBJECT_ARGUMENT);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
