package io.herald.application.port.out;

import java.util.Map;
import java.util.Optional;

/**
 * HTTP calls of automations' fetch-data steps: calls the URL and reads the JSON object it answers. Made outside
 * any transaction; never throws for what the remote end does (an error status, a timeout, a body that is not a
 * JSON object): that is a {@link Failed} with the reason.
 */
public interface WebhookCaller {

    Result call(Request request);

    /**
     * @param method GET, POST, PUT, PATCH or DELETE
     * @param body   a String is sent as it is; a Map or List as JSON
     */
    record Request(String url, String method, Map<String, String> headers, Optional<Object> body) {

        public Request {
            headers = Map.copyOf(headers);
        }
    }

    sealed interface Result {
    }

    /** A 2xx answer; an empty body reads as an empty object. */
    record Fetched(Map<String, Object> json) implements Result {
    }

    record Failed(String reason) implements Result {
    }
}
