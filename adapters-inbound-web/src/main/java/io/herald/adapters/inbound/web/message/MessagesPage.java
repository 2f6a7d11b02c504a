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

    /** Rows a full page holds. */
    public int pageSize() {
        return MessagePagesController.PAGE_SIZE;
    }

    /** How many messages a page with a channel or provider filter looks through, as shown. */
    public String siftedPerPage() {
        return String.format(java.util.Locale.ENGLISH, "%,d", io.herald.application.port.out.MessageRepository.MessageQuery.SIFTED);
    }
}
