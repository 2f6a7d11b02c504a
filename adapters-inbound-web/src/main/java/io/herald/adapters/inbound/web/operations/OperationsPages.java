package io.herald.adapters.inbound.web.operations;

import io.herald.adapters.inbound.web.page.Shell;

import java.util.List;

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

    public record ProviderRow(String name, String channels, String circuit, String tone, long attempts, long failures,
                              int consecutiveFailures, String lastSuccess, String lastFailure, String lastError) {
    }
}
