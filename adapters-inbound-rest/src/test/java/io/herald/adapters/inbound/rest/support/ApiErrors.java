package io.herald.adapters.inbound.rest.support;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's one error format: a JSON {@code {"message", "type"}} and nothing else. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static void assertApiError(Reply reply, int status, String type, String messagePart) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.object()).as(reply.body()).containsOnlyKeys("message", "type").containsEntry("type", type);
        assertThat((String) reply.object().get("message")).contains(messagePart);
    }

    public static void assertBadRequest(Reply reply, String messagePart) {
        assertApiError(reply, 400, "invalid_request_error", messagePart);
    }
}
