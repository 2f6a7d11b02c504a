package io.herald.bootstrap.hostile;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** A test-only route that fails with a message no caller or log may see ({@link HostileTextTest}). */
@Requires(env = Environment.TEST)
@Controller("/test-probe")
class ErrorProbeController {

    @Get("/boom")
    String boom() {
        throw new IllegalStateException("database password is hunter2");
    }
}
