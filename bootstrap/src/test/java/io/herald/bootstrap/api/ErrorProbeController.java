package io.herald.bootstrap.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** Test-only endpoints that make the server produce each kind of error the API must render as JSON. */
@Requires(env = Environment.TEST)
@Controller("/test-probe")
class ErrorProbeController {

    @Serdeable
    record Probe(String name, int count) {
    }

    @Post("/echo")
    Map<String, Object> echo(@Body Probe probe) {
        return Map.of("name", probe.name(), "count", probe.count());
    }

    @Get("/boom")
    String boom() {
        throw new IllegalStateException("database password is hunter2");
    }
}
