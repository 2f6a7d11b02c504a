package io.herald.adapters.inbound.web.overview;

import io.herald.adapters.inbound.web.message.MessageRow;
import io.herald.adapters.inbound.web.operations.OperationsPages.ProviderRow;
import io.herald.adapters.inbound.web.page.Shell;

import java.util.List;

/**
 * The first page an operator sees: the last 24 hours' outcomes, whether work is waiting, how providers are doing, and
 * the latest messages.
 *
 * @param backlog the due work no instance has started, in words ("none" when nothing waits)
 */
public record OverviewPage(Shell shell, List<Tile> tiles, String backlog, boolean backlogWarning, List<ProviderRow> providers,
                           List<MessageRow> latest) {

    /** @param tone ok, bad, warn or plain */
    public record Tile(String label, long count, String status, String tone) {
    }
}
