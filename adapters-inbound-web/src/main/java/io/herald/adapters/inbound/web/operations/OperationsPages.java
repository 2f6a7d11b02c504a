package io.herald.adapters.inbound.web.operations;

import io.herald.adapters.inbound.web.page.Shell;
import io.herald.adapters.inbound.web.page.Times;
import io.herald.application.port.in.QueryHealthUseCase;
import io.herald.domain.delivery.CircuitBreaker;
import io.herald.domain.routing.Channel;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The view models of the inbound events page and the providers page. */
public final class OperationsPages {

    private OperationsPages() {
    }

    /** @param status the filter, empty for every status */
    public record EventsPage(Shell shell, String status, List<String> statuses, List<EventRow> rows, String nextPage) {
    }

    public record EventRow(long id, String received, String receivedAt, String source, String type, String name, String userId,
                           String status, List<String> messages, List<String> runs, String error, int attempts) {
    }

    public record ProvidersPage(Shell shell, boolean schedulerEnabled, String backlog, List<ProviderRow> providers) {
    }

    /** @param tone ok (closed, no failures), warn (closed, some failures) or bad (open or half open) */
    /** @param settings what the provider was configured with, never a credential's value */
    public record ProviderRow(String name, String channels, String circuit, String tone, long attempts, long failures,
                              int consecutiveFailures, String lastSuccess, String lastFailure, String lastError,
                              Map<String, String> settings) {

        public static ProviderRow of(QueryHealthUseCase.Provider provider, Instant now) {
            QueryHealthUseCase.ProviderStatus status = provider.status();
            String tone = status.circuit() == CircuitBreaker.State.CLOSED ? (status.failures() > 0 ? "warn" : "ok") : "bad";
            return new ProviderRow(status.provider(), provider.channels().stream().map(Channel::wireName).sorted().collect(Collectors.joining(", ")),
                    status.circuit().name().toLowerCase(Locale.ROOT).replace('_', ' '), tone, status.attempts(), status.failures(),
                    status.consecutiveFailures(), status.lastSuccess().map(at -> Times.ago(at, now)).orElse("never"),
                    status.lastFailure().map(at -> Times.ago(at, now)).orElse("never"), status.lastError().orElse(""),
                    provider.settings());
        }
    }

    /** The due work no instance has started, in words. */
    public static String backlog(QueryHealthUseCase.Report report) {
        return report.backlog().map(due -> due.due() == 0 ? "none" : due.due() + " due, the oldest for " + due.oldestDueAge().toSeconds() + " s")
                .orElse("unknown: the database does not answer");
    }
}
