package io.herald.domain.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Routing trees written as a send writes them: {@code tree("single", "email", tree("all", "sms", "push"))}. */
final class Routings {

    private Routings() {
    }

    static Map<String, Object> tree(String method, Object... channels) {
        Map<String, Object> routing = new LinkedHashMap<>();
        routing.put("method", method);
        routing.put("channels", List.of(channels));
        return routing;
    }

    static RoutingNode.Group group(String method, Object... channels) {
        return RoutingNode.parse(tree(method, channels), "routing");
    }
}
