package io.herald.application.port.out;

import io.herald.application.port.Page;
import io.herald.application.port.in.RedriveUseCase;
import io.herald.domain.delivery.AttemptOutcome;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Messages with their history, their rendered output, and the log of delivery attempts made by providers.
 * Saving a message appends the history entries it recorded since it was loaded.
 */
public interface MessageRepository {

    void insertAll(List<Message> messages);

    /** Which of these users already have a message of the request (a page of a list send that runs again). */
    Set<UserId> recipientsOf(String requestId, List<UserId> users);

    /** The message, locked until the current transaction ends. */
    Optional<Message> lock(MessageId id);

    /** Several messages, locked in id order. */
    List<Message> lockAll(List<MessageId> ids);

    Optional<Message> find(MessageId id);

    void save(Message message);

    /** Saves several messages (state and new history) with a few statements. */
    void saveAll(List<Message> messages);

    /** Newest first; the messages of archived requests only when the query includes them. */
    Page<Message> list(MessageQuery query);

    /** Archives a request (Courier's {@code PUT /requests/{id}/archive}): its messages leave the default listing. False when it has no message. */
    boolean archiveRequest(String requestId, Instant at);

    /** How many messages enqueued since {@code since} stand at each status now (statuses with none are absent). */
    Map<MessageStatus, Long> countByStatusSince(Instant since);

    /**
     * The messages enqueued in {@code [from, to)} by how far they got, per day of enqueue (UTC, only days with messages)
     * and per value of one dimension (the {@code groups} most used values, most messages first). A day counted by
     * {@link FunnelRollups} is read as it was last counted; the rest as the messages stand now.
     */
    Funnel funnel(FunnelQuery query);

    /**
     * Courier's notification metrics: the template's messages enqueued in {@code [from, to)} that were routed to a
     * channel, per {@code bucket} of enqueue time ({@link ChronoUnit#HOURS} or {@link ChronoUnit#DAYS}, UTC), channel
     * and provider, ordered by period, channel and provider. Read from the messages as they stand.
     */
    List<MetricsRow> templateMetrics(String templateId, Instant from, Instant to, ChronoUnit bucket);

    List<HistoryEntry> history(MessageId id);

    void saveOutputs(List<Output> outputs);

    Map<Channel, Map<String, Object>> outputs(MessageId id);

    List<DeliveryAttempt> attempts(MessageId id);

    /** The attempts of several messages, each message's in leaf, provider and attempt order. */
    Map<MessageId, List<DeliveryAttempt>> attempts(List<MessageId> ids);

    /** Inserts the attempts, or updates those already recorded (an in-flight attempt getting its outcome). */
    void recordAttempts(List<DeliveryAttempt> attempts);

    /** Where a provider callback names its message by the provider's own id. */
    Optional<DeliveryAttempt> findAttempt(String provider, String providerMessageId);

    /** The engagement a delivery reached (SENT, DELIVERED, OPENED, CLICKED), kept per attempt for escalation. */
    void recordEngagement(MessageId id, String leafId, MessageStatus engagement, Instant at);

    /**
     * Up to {@code limit} ids of messages matching the re-drive filter, in id order after {@code after}.
     * {@code provider} and {@code channel} match a message that was tried on them.
     */
    List<MessageId> findForRedrive(RedriveUseCase.MessageFilter filter, Optional<MessageId> after, int limit);

    /** Forgets the attempts and rendered output of messages that start over (their history stays). */
    void forgetDeliveries(List<MessageId> ids);

    record Output(MessageId messageId, Channel channel, Map<String, Object> content, Instant renderedAt) {
    }

    /**
     * One page of the message list, newest first. {@code recipient}, {@code status}, {@code notification} and
     * {@code requestId} are read through their indexes; {@code channel} and {@code provider} are not indexed, so they
     * sift at most {@link #SIFTED} messages of those the other filters select per page: a page may then hold fewer
     * than {@code limit} messages and still have a cursor, from which the search goes on.
     *
     * @param enqueuedFrom only messages enqueued at or after it
     * @param enqueuedUntil only messages enqueued before it
     */
    record MessageQuery(Optional<String> recipient, Optional<MessageStatus> status, Optional<String> notification,
                        Optional<String> requestId, Optional<Channel> channel, Optional<String> provider,
                        Optional<Instant> enqueuedFrom, Optional<Instant> enqueuedUntil, Optional<String> cursor, int limit,
                        SentWith sentWith, boolean includeArchived) {

        /** How many messages one page looks through for its channel, provider and {@link SentWith} filters. */
        public static final int SIFTED = 10_000;

        /**
         * What the send carried, as Courier's list filters read it: any of the {@code metadata.tags}, the
         * {@code metadata.trace_id}, the {@code context.tenant_id}, the triggering event.
         */
        public record SentWith(List<String> anyTag, Optional<String> traceId, Optional<String> tenantId, Optional<String> event) {
            public static final SentWith ANY = new SentWith(List.of(), Optional.empty(), Optional.empty(), Optional.empty());

            public SentWith {
                anyTag = List.copyOf(anyTag);
            }

            public boolean any() {
                return anyTag.isEmpty() && traceId.isEmpty() && tenantId.isEmpty() && event.isEmpty();
            }
        }

        public MessageQuery(Optional<String> recipient, Optional<MessageStatus> status, Optional<String> notification,
                            Optional<String> requestId, Optional<Channel> channel, Optional<String> provider,
                            Optional<Instant> enqueuedFrom, Optional<Instant> enqueuedUntil, Optional<String> cursor, int limit) {
            this(recipient, status, notification, requestId, channel, provider, enqueuedFrom, enqueuedUntil, cursor, limit, SentWith.ANY, false);
        }

        public MessageQuery(Optional<String> recipient, Optional<MessageStatus> status, Optional<String> notification,
                            Optional<String> requestId, Optional<String> cursor, int limit) {
            this(recipient, status, notification, requestId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    cursor, limit);
        }

        public boolean sifts() {
            return channel.isPresent() || provider.isPresent() || !sentWith.any();
        }

        public MessageQuery sentWith(SentWith filter) {
            return new MessageQuery(recipient, status, notification, requestId, channel, provider, enqueuedFrom, enqueuedUntil,
                    cursor, limit, filter, includeArchived);
        }

        /** With the messages of archived requests too (Courier's {@code archived=true}); they are left out otherwise. */
        public MessageQuery withArchived(boolean include) {
            return new MessageQuery(recipient, status, notification, requestId, channel, provider, enqueuedFrom, enqueuedUntil,
                    cursor, limit, sentWith, include);
        }
    }

    /**
     * @param value only the messages with this value of {@code by} (the template, channel or provider), when given
     * @param groups at most this many values of {@code by}
     */
    record FunnelQuery(Instant from, Instant to, FunnelDimension by, Optional<String> value, int groups) {
    }

    enum FunnelDimension {
        TEMPLATE, CHANNEL, PROVIDER
    }

    /**
     * How many messages reached each milestone, each counted on its own as the Messages API reports its time: a message
     * opened without a delivery receipt counts as opened and not as delivered.
     */
    record FunnelCounts(long enqueued, long sent, long delivered, long opened, long clicked, long undeliverable) {

        public static final FunnelCounts NONE = new FunnelCounts(0, 0, 0, 0, 0, 0);

        public FunnelCounts plus(FunnelCounts other) {
            return new FunnelCounts(enqueued + other.enqueued, sent + other.sent, delivered + other.delivered,
                    opened + other.opened, clicked + other.clicked, undeliverable + other.undeliverable);
        }
    }

    record FunnelDay(LocalDate day, FunnelCounts counts) {
    }

    /** @param value empty for the messages without one (not yet routed, or sent without a template) */
    record FunnelGroup(Optional<String> value, FunnelCounts counts) {
    }

    record Funnel(List<FunnelDay> days, List<FunnelGroup> groups) {
    }

    /**
     * The funnel nested as Courier counts it: a delivered message counts as sent, an opened one as delivered and a
     * clicked one as opened, so {@code sent >= delivered >= opened >= clicked}. {@code errors}: messages with a failed
     * attempt, even if a later one went out; {@code undeliverable}: messages that ended UNDELIVERABLE.
     */
    record MetricsRow(Instant period, String channel, String provider, long sent, long delivered, long opened, long clicked,
                      long errors, long undeliverable) {
    }

    /** One call to a provider for one leaf of a message's routing. */
    record DeliveryAttempt(MessageId messageId, String leafId, Channel channel, String provider, int attempt, AttemptOutcome outcome,
                           String providerMessageId, String error, MessageStatus engagement, Instant at) {
    }
}
