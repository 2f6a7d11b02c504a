package io.herald.application.port.in;

import io.herald.application.port.out.InboxRepository.InboxEntry;
import io.herald.application.port.out.InboxRepository.InboxEvent;
import io.herald.domain.profile.UserId;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A user's inbox as a stream (DESIGN §13): a {@code ready} event at once, then each change as it commits on any
 * instance, and a heartbeat every {@link #HEARTBEAT}. A stream opened with the id of the last event a client had
 * resumes after it, for as long as events are kept.
 */
public interface StreamInboxUseCase {

    Duration HEARTBEAT = Duration.ofSeconds(15);

    /**
     * Starts streaming to {@code out}, which is called from the stream's worker threads, one call at a time per stream.
     * @param lastEventId the {@code Last-Event-ID} the client reconnected with
     */
    InboxStream open(UserId userId, Optional<Long> lastEventId, Consumer<StreamedEvent> out);

    /** Streams open on this instance, and whether they hear changes as they commit: for the operator's metrics. */
    StreamsStatus status();

    /** @param listening false while the listener is reconnecting: streams then catch up at their next heartbeat */
    record StreamsStatus(int open, boolean listening) {
    }

    interface InboxStream extends AutoCloseable {
        /** Stops the stream: nothing more is sent to it. */
        @Override
        void close();
    }

    /**
     * What a stream sends. {@code ready} and {@code heartbeat} carry no event; the others carry theirs, with the entry
     * for {@code message} (and every change of an entry), and the unread count after it. {@code error} is the last: the
     * inbox could not be read, and the stream ends so that the client reconnects.
     */
    record StreamedEvent(String type, Optional<InboxEvent> event, Optional<InboxEntry> entry, long unreadCount) {
    }
}
