package io.herald.application.port.in;

import io.herald.application.port.out.DurableScheduler.ListPage;

/** Durable work: one page of a send to a list becomes its messages, and the next page is scheduled. */
public interface ExpandListSendUseCase {

    /** Creates the page's messages (once, if the page runs again) and schedules the next page; returns how many it created. */
    int expand(ListPage page);
}
