package io.herald.adapters.inbound.web.session;

import io.herald.application.port.in.AuditWritesUseCase;
import io.herald.application.port.in.OpenConsoleSessionUseCase.ConsoleSession;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator does in the console joins the API's writes in the audit trail (source {@code console}), named by the
 * admin key the session was opened with: a form the console accepted (a 2xx, or the 303 that follows a form) is
 * recorded before the answer leaves. Rendering a template's preview changes nothing and is left out; signing in is
 * recorded by the login page itself, since no session exists before it.
 */
@ServerFilter(ConsolePaths.CONSOLE + "/**")
final class ConsoleAuditFilter {

    static final String SOURCE = "console";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAuditFilter.class);

    private final AuditWritesUseCase audit;

    ConsoleAuditFilter(AuditWritesUseCase audit) {
        this.audit = audit;
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getMethod() != HttpMethod.POST || response.code() < 200 || response.code() >= 400 || request.getPath().endsWith("/preview")) {
            return;
        }
        request.getAttribute(ConsolePaths.SESSION_ATTRIBUTE, ConsoleSession.class).ifPresent(session -> {
            String route = RouteAttributes.getRouteInfo(request).filter(UriRouteInfo.class::isInstance)
                    .map(info -> ((UriRouteInfo<?, ?>) info).getUriMatchTemplate().toString()).orElse(request.getPath());
            String type = "POST " + route;
            try {
                audit.record(session.actor(), SOURCE, type, request.getPath());
            } catch (RuntimeException e) {
                LOG.error("Could not record the audit event for {} (the change itself stands): {}", type, e.toString());
            }
        });
    }
}
