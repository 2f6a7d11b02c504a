package io.herald.adapters.inbound.rest.audit;

import io.herald.adapters.inbound.rest.auth.Callers;
import io.herald.application.port.in.AuditWritesUseCase;
import io.herald.application.port.in.AuthenticateCallerUseCase.Caller;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

/**
 * Records each write the API completed (a 2xx answer to POST, PUT, PATCH or DELETE) as an audit event, before the
 * answer leaves, so a caller that has its answer finds the event. Writes that are the data plane rather than changes
 * to the workspace are left out, because each is already recorded as what it made and recording them again would cost
 * every one of them a statement: sends and automation invocations (messages and runs have their own history), events
 * in ({@code /inbound}, Segment), provider callbacks, client tokens issued, and a user's own inbox actions. A failed
 * recording does not undo the write: it is logged as an error, naming the route, for the operator.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class AuditFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final List<String> DATA_PLANE_PREFIXES = List.of("/send", "/inbound/", "/v1/", "/segment", "/webhooks/", "/auth/",
            "/console", "/health");
    private static final Pattern DATA_PLANE = Pattern.compile("^/automations/(invoke|[^/]+/invoke)$|^/users/[^/]+/inbox(/.*)?$");

    private final AuditWritesUseCase audit;
    private final ExecutorService blocking;

    AuditFilter(AuditWritesUseCase audit, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.audit = audit;
        this.blocking = blocking;
    }

    /**
     * Decided on the event loop, so the reads, the Segment events and the sends that make up most requests answer
     * without a thread hop; only a write to record waits for the database, on the blocking executor.
     */
    @ResponseFilter
    CompletionStage<MutableHttpResponse<?>> record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        Optional<Caller> caller = Callers.of(request);
        if (!WRITES.contains(request.getMethod()) || response.code() < 200 || response.code() >= 300 || isDataPlane(path)
                || caller.isEmpty()) {
            return CompletableFuture.completedFuture(response);
        }
        String route = RouteAttributes.getRouteInfo(request).filter(UriRouteInfo.class::isInstance)
                .map(info -> ((UriRouteInfo<?, ?>) info).getUriMatchTemplate().toString()).orElse(path);
        String type = request.getMethod().name() + " " + route;
        return CompletableFuture.supplyAsync(() -> {
            try {
                audit.record(Callers.actor(caller.get()), "api", type, path);
            } catch (RuntimeException e) {
                LOG.error("Could not record the audit event for {} (the write itself stands): {}", type, e.toString());
            }
            return response;
        }, blocking);
    }

    static boolean isDataPlane(String path) {
        return DATA_PLANE_PREFIXES.stream().anyMatch(path::startsWith) || DATA_PLANE.matcher(path).matches();
    }
}
