package io.herald.adapters.inbound.web.message;

import io.herald.adapters.inbound.web.page.Shell;

import java.util.List;

/**
 * The message log: the filters, one page of rows (newest first) and the link to the next page.
 *
 * @param nextPage null on the last page
 * @param firstPage whether this is the newest page, the one the live stream refreshes
 * @param version   what the rows show, for the live stream to compare with
 */
public record MessagesPage(Shell shell, MessageFilters filters, List<MessageRow> rows, String nextPage, boolean firstPage,
                           String version) {
}
