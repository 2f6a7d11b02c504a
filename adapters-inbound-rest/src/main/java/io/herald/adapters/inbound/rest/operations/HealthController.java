package io.herald.adapters.inbound.rest.operations;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.herald.application.port.in.AuthenticateCallerUseCase;
import io.herald.application.port.in.AuthenticateCallerUseCase.Scheme;
import io.herald.application.port.in.QueryHealthUseCase;
import io.herald.application.port.in.QueryHealthUseCase.ProviderStatus;
import io.herald.application.port.in.QueryHealthUseCase.Report;
import io.herald.domain.routing.Channel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /health} (DESIGN §10): open and minimal ({@code {"status":"UP"}}, or 503 DOWN when the database does
 * not answer) for load balancers; with an admin key it also says what the instance is struggling with.
 */
@Tag(name = "Operations")
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
class HealthController {

    private final QueryHealthUseCase health;
    private final AuthenticateCallerUseCase callers;

    HealthController(QueryHealthUseCase health, AuthenticateCallerUseCase callers) {
        this.health = health;
        this.callers = callers;
    }

    @Get
    HttpResponse<Map<String, Object>> health(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!isAdmin(authorization)) {
            boolean up = health.isUp();
            return respond(up, Map.of("status", up ? "UP" : "DOWN"));
        }
        Report report = health.report();
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("db", Map.of("status", report.up() ? "UP" : "DOWN"));
        Map<String, Object> scheduler = new LinkedHashMap<>();
        scheduler.put("enabled", report.schedulerEnabled());
        report.backlog().ifPresent(backlog -> {
            scheduler.put("due", backlog.due());
            scheduler.put("oldest_due_seconds", backlog.oldestDueAge().toMillis() / 1000.0);
        });
        components.put("scheduler", scheduler);
        Map<String, Object> feedback = new LinkedHashMap<>();
        feedback.put("enabled", report.feedback().isPresent());
        report.feedback().ifPresent(status -> {
            feedback.put("pending", status.pending());
            feedback.put("failing", status.failing());
            feedback.put("lag_seconds", status.lag().toMillis() / 1000.0);
        });
        components.put("feedback", feedback);
        Map<String, Object> providers = new LinkedHashMap<>();
        report.providers().forEach(provider -> providers.put(provider.status().provider(), provider(provider)));
        components.put("providers", providers);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.up() ? "UP" : "DOWN");
        body.put("components", components);
        return respond(report.up(), body);
    }

    private static Map<String, Object> provider(QueryHealthUseCase.Provider provider) {
        ProviderStatus status = provider.status();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("channels", provider.channels().stream().map(Channel::wireName).toList());
        view.put("state", status.circuit().name());
        view.put("attempts", status.attempts());
        view.put("failures", status.failures());
        view.put("consecutive_failures", status.consecutiveFailures());
        status.lastSuccess().ifPresent(at -> view.put("last_success", at.toEpochMilli()));
        status.lastFailure().ifPresent(at -> {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("at", at.toEpochMilli());
            status.lastError().ifPresent(error -> failure.put("error", error));
            view.put("last_failure", failure);
        });
        return view;
    }

    private boolean isAdmin(String authorization) {
        return callers.authenticateHeader(authorization, Set.of(Scheme.BEARER))
                .filter(AuthenticateCallerUseCase.Admin.class::isInstance).isPresent();
    }

    private static HttpResponse<Map<String, Object>> respond(boolean up, Map<String, Object> body) {
        return HttpResponse.<Map<String, Object>>status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }
}
