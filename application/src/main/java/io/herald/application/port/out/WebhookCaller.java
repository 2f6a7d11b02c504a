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
     * Why a fetch-data URL (as written in a definition: it may hold Handlebars placeholders) will never be called,
     * known before any call: not http(s), or its host is written as an internal address (loopback, private, link-local…)
     * or {@code localhost}, and is not an allowed host. Hosts that come from data are checked at call time.
     */
    Optional<String> refusal(String urlTemplate);

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
