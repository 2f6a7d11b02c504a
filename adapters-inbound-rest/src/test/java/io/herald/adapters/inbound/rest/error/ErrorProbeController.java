package io.herald.adapters.inbound.rest.error;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * A test-only route whose body Micronaut binds to a typed record, which no production route does (they read JSON
 * themselves): it makes the server produce its own binding errors, which the API must render in its format too.
 */
@Controller("/test-probe")
class ErrorProbeController {

    @Serdeable
    record Probe(String name, int count) {
    }

    @Post("/echo")
    Map<String, Object> echo(@Body Probe probe) {
        return Map.of("name", probe.name(), "count", probe.count());
    }
}
