package io.herald.application.port.in;

import io.herald.application.port.Page;
import io.herald.application.port.out.MessageRepository.MessageQuery;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Courier's Messages API reads. Unknown ids are a NotFoundException. */
public interface QueryMessagesUseCase {

    Message find(MessageId id);

    Page<Message> list(MessageQuery query);

    List<HistoryEntry> history(MessageId id);

    /** How many messages enqueued since {@code since} stand at each status now: the console's overview. */
    Map<MessageStatus, Long> countByStatusSince(Instant since);

    Map<Channel, Map<String, Object>> output(MessageId id);

    /** Every channel and provider the message was tried on, in the order first tried, with where each ended. */
    List<Leg> legs(MessageId id);

    /** @param outcome the last attempt's: SENT, TRANSIENT, PERMANENT or IN_FLIGHT */
    record Leg(Channel channel, String provider, int attempts, String outcome, Instant lastAttemptAt) {
    }
}
