package io.herald.application.port.in;

import io.herald.application.port.Page;
import io.herald.application.port.out.MessageRepository.FunnelCounts;
import io.herald.application.port.out.MessageRepository.FunnelDay;
import io.herald.application.port.out.MessageRepository.FunnelDimension;
import io.herald.application.port.out.MessageRepository.FunnelGroup;
import io.herald.application.port.out.MessageRepository.MessageQuery;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Courier's Messages API reads. Unknown ids are a NotFoundException. */
public interface QueryMessagesUseCase {

    Message find(MessageId id);

    Page<Message> list(MessageQuery query);

    List<HistoryEntry> history(MessageId id);

    /** How many messages enqueued since {@code since} stand at each status now: the console's overview. */
    Map<MessageStatus, Long> countByStatusSince(Instant since);

    Map<Channel, Map<String, Object>> output(MessageId id);

    /**
     * Sent → delivered → opened → clicked for the messages enqueued on the last {@code days} days (UTC, today
     * included; 1 to {@value #MAX_FUNNEL_DAYS}), every day listed, with the {@value #FUNNEL_GROUPS} most used values of
     * {@code by}; only the messages with {@code value} of it when one is given.
     */
    FunnelReport funnel(int days, FunnelDimension by, Optional<String> value);

    int MAX_FUNNEL_DAYS = 90;
    int FUNNEL_GROUPS = 25;

    /** @param total every day's counts added up */
    record FunnelReport(LocalDate firstDay, LocalDate lastDay, List<FunnelDay> days, List<FunnelGroup> groups, FunnelCounts total) {
    }

    /** Every channel and provider the message was tried on, in the order first tried, with where each ended. */
    List<Leg> legs(MessageId id);

    /** @param outcome the last attempt's: SENT, TRANSIENT, PERMANENT or IN_FLIGHT */
    record Leg(Channel channel, String provider, int attempts, String outcome, Instant lastAttemptAt) {
    }
}
