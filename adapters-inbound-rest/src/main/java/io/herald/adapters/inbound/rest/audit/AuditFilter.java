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
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    AuditFilter(AuditWritesUseCase audit) {
        this.audit = audit;
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        if (!WRITES.contains(request.getMethod()) || response.code() < 200 || response.code() >= 300 || isDataPlane(path)) {
            return;
        }
        Optional<Caller> caller = Callers.of(request);
        if (caller.isEmpty()) {
            return;
        }
        String route = RouteAttributes.getRouteInfo(request).filter(UriRouteInfo.class::isInstance)
                .map(info -> ((UriRouteInfo<?, ?>) info).getUriMatchTemplate().toString()).orElse(path);
        String type = request.getMethod().name() + " " + route;
        try {
            audit.record(Callers.actor(caller.get()), "api", type, path);
        } catch (RuntimeException e) {
            LOG.error("Could not record the audit event for {} (the write itself stands): {}", type, e.toString());
        }
    }

    static boolean isDataPlane(String path) {
        return DATA_PLANE_PREFIXES.stream().anyMatch(path::startsWith) || DATA_PLANE.matcher(path).matches();
    }
}
