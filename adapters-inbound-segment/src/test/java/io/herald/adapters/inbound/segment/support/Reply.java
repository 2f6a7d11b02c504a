package io.herald.adapters.inbound.segment.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** What the server answered: status and the body as text. */
public record Reply(int status, String body) {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    static Reply of(HttpResponse<?> response) {
        return new Reply(response.code(), response.getBody(String.class).orElse(""));
    }

    public Object json() {
        try {
            return JSON.readValue(body, Argument.OBJECT_ARGUMENT);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    /** The {@code message} of an error answer. */
    public String message() {
        return json() instanceof Map<?, ?> error ? String.valueOf(error.get("message")) : body;
    }

    /** The {@code type} of an error answer, or null. */
    public String type() {
        return json() instanceof Map<?, ?> error && error.get("type") instanceof String type ? type : null;
    }
}
