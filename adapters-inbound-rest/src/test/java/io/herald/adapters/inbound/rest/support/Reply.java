package io.herald.adapters.inbound.rest.support;

import io.micronaut.http.HttpResponse;

import java.util.List;
import java.util.Map;

/** What the server answered: status, headers, and the body as text (empty when there is none). */
public record Reply(int status, Map<String, List<String>> headers, String body) {

    static Reply of(HttpResponse<?> response) {
        String body = response.getBody(String.class).orElse("");
        return new Reply(response.code(), response.getHeaders().asMap(), body);
    }

    /** The first value of a header, or null; names are case-insensitive. */
    public String header(String name) {
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
    }

    public Object json() {
        return Json.parse(body);
    }

    /** The body as a JSON object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object() {
        Object json = json();
        if (!(json instanceof Map<?, ?>)) {
            throw new AssertionError("expected a JSON object, got: " + body);
        }
        return (Map<String, Object>) json;
    }

    /** The value at a dotted path of the body ({@code paging.cursor}, {@code results.0.id}), or null. */
    public Object at(String path) {
        Object node = json();
        for (String step : path.split("\\.", -1)) {
            if (node instanceof Map<?, ?> object) {
                node = object.get(step);
            } else if (node instanceof List<?> array) {
                node = array.get(Integer.parseInt(step));
            } else {
                return null;
            }
        }
        return node;
    }
}
