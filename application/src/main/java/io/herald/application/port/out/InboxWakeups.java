package io.herald.application.port.out;

import io.herald.domain.profile.UserId;

/**
 * Word that a user's inbox changed, from whichever instance changed it: what wakes the inbox streams (DESIGN §13).
 * A wake-up carries no content; the stream reads the user's {@link InboxRepository#eventsAfter events} itself, so a
 * wake-up lost (a connection dropped) is made good by the stream's next read, and a spurious one costs a read.
 */
public interface InboxWakeups {

    /**
     * Calls {@code wake} each time a change to the user's inbox commits, until the handle is closed. {@code wake} runs
     * on the listener's thread: it must only hand the work on. After the listener lost its connection, every watcher is
     * woken once it is back.
     */
    Watch watch(UserId userId, Runnable wake);

    /** Whether changes are being heard: false while the listener's connection is lost (streams then catch up by heartbeat). */
    boolean listening();

    /** A watch that ends when closed. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }
}
