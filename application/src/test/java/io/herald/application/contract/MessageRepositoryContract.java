package io.herald.application.contract;

import io.herald.application.port.Page;
import io.herald.application.port.in.RedriveUseCase.MessageFilter;
import io.herald.application.port.in.RedriveUseCase.Window;
import io.herald.application.port.out.FunnelRollups;
import io.herald.application.port.out.MessageRepository.DeliveryAttempt;
import io.herald.application.port.out.MessageRepository.Funnel;
import io.herald.application.port.out.MessageRepository.FunnelCounts;
import io.herald.application.port.out.MessageRepository.FunnelDay;
import io.herald.application.port.out.MessageRepository.FunnelDimension;
import io.herald.application.port.out.MessageRepository.FunnelGroup;
import io.herald.application.port.out.MessageRepository.FunnelQuery;
import io.herald.application.port.out.MessageRepository.MetricsRow;
import io.herald.application.port.out.MessageRepository.MessageQuery;
import io.herald.application.port.out.MessageRepository.Output;
import io.herald.application.port.out.MessageRepository;
import io.herald.domain.delivery.AttemptOutcome;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.HistoryType;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageEvent;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageReason;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.routing.RoutingDecision;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static io.herald.application.contract.MessageExamples.id;
import static io.herald.application.contract.MessageExamples.routed;
import static io.herald.application.contract.MessageExamples.state;
import static io.herald.application.contract.MessageExamples.toAddress;
import static io.herald.application.contract.MessageExamples.toUser;
import static io.herald.application.contract.MessageExamples.withTemplate;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link MessageRepository} must do; run against the in-memory fake and PostgreSQL. */
public abstract class MessageRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00.123456Z");
    private static final Instant LATER = NOW.plusSeconds(5);

    protected abstract MessageRepository emptyRepository();

    /** The funnel's counted days kept beside {@code messages}. */
    protected abstract FunnelRollups rollupsOf(MessageRepository messages);

    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    private static List<String> ids(List<Message> messages) {
        return messages.stream().map(message -> message.id().value()).toList();
    }

    private static List<String> values(List<MessageId> ids) {
        return ids.stream().map(MessageId::value).toList();
    }

    private static DeliveryAttempt attempt(String message, String leaf, String provider, int number, AttemptOutcome outcome) {
        return new DeliveryAttempt(id(message), leaf, leaf.equals("0") ? Channel.EMAIL : Channel.SMS, provider, number, outcome,
                outcome == AttemptOutcome.SENT ? provider + "-" + message + "-" + number : null,
                outcome == AttemptOutcome.TRANSIENT ? "timeout" : null, outcome == AttemptOutcome.SENT ? MessageStatus.SENT : null,
                NOW.plusSeconds(number));
    }

    private static MessageQuery query(Optional<String> recipient, Optional<MessageStatus> status, Optional<String> notification,
                                      Optional<String> requestId, Optional<String> cursor, int limit) {
        return new MessageQuery(recipient, status, notification, requestId, cursor, limit);
    }

    private static MessageQuery all(Optional<String> cursor, int limit) {
        return query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), cursor, limit);
    }

    @Test
    void countsByStatusTheMessagesEnqueuedSinceAMomentAsTheyStandNow() {
        MessageRepository messages = emptyRepository();
        Message old = toAddress("m-1", "old@example.org", NOW.minus(Duration.ofHours(25)));
        Message canceled = toAddress("m-2", "a@example.org", NOW);
        Message routedOne = routed(toAddress("m-3", "b@example.org", NOW.plusSeconds(1)), NOW.plusSeconds(1));
        Message pending = toAddress("m-4", "c@example.org", NOW.plusSeconds(2));
        messages.insertAll(List.of(old, canceled, routedOne, pending));
        inTransaction(() -> {
            List<Message> locked = messages.lockAll(List.of(id("m-2")));
            locked.get(0).cancel(LATER);
            messages.saveAll(locked);
            return null;
        });

        assertThat(messages.countByStatusSince(NOW.minus(Duration.ofHours(24))))
                .containsExactlyInAnyOrderEntriesOf(Map.of(MessageStatus.CANCELED, 1L, MessageStatus.ROUTED, 1L, MessageStatus.ENQUEUED, 1L));
        assertThat(messages.countByStatusSince(NOW.plusSeconds(2))).containsExactlyInAnyOrderEntriesOf(Map.of(MessageStatus.ENQUEUED, 1L));
        assertThat(messages.countByStatusSince(LATER)).isEmpty();
    }

    @Test
    void messagesAreListedByTheChannelAndProviderTheyWentOutOnAndByWhenTheyWereEnqueued() {
        MessageRepository messages = emptyRepository();
        Instant hourLater = NOW.plus(Duration.ofHours(1));
        Instant twoHoursLater = NOW.plus(Duration.ofHours(2));
        Message bySendgrid = withTemplate(at(NOW), "alex", "welcome", "q-1", NOW);
        Message byConsole = withTemplate(at(hourLater), "kim", "welcome", "q-2", hourLater);
        Message notSent = withTemplate(at(hourLater.plusMillis(1)), "alex", "welcome", "q-3", hourLater.plusMillis(1));
        Message laterBySendgrid = withTemplate(at(twoHoursLater), "alex", "digest", "q-4", twoHoursLater);
        messages.insertAll(List.of(bySendgrid, byConsole, notSent, laterBySendgrid));
        inTransaction(() -> {
            List<Message> locked = messages.lockAll(List.of(bySendgrid.id(), byConsole.id(), notSent.id(), laterBySendgrid.id()));
            locked.forEach(message -> routed(message, message.enqueuedAt()));
            locked.get(0).sent("0", "sendgrid", "sg-1", NOW);
            locked.get(1).sent("0", "console", "console-1", hourLater);
            locked.get(3).sent("0", "sendgrid", "sg-2", twoHoursLater);
            messages.saveAll(locked);
            return null;
        });
        String first = bySendgrid.id().value();
        String second = byConsole.id().value();
        String third = notSent.id().value();
        String fourth = laterBySendgrid.id().value();

        assertThat(ids(messages.list(sifted(Optional.of(Channel.EMAIL), Optional.empty(), Optional.empty(), Optional.empty(), 10)).items()))
                .containsExactly(fourth, second, first);
        Page<Message> bySms = messages.list(sifted(Optional.of(Channel.SMS), Optional.empty(), Optional.empty(), Optional.empty(), 10));
        assertThat(bySms.items()).isEmpty();
        assertThat(bySms.hasMore()).isFalse();
        Page<Message> sendgrid = messages.list(sifted(Optional.empty(), Optional.of("sendgrid"), Optional.empty(), Optional.empty(), 1));
        assertThat(ids(sendgrid.items())).containsExactly(fourth);
        MessageQuery sendgridAfter = new MessageQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("sendgrid"), Optional.empty(), Optional.empty(), sendgrid.cursor(), 1);
        assertThat(ids(messages.list(sendgridAfter).items())).containsExactly(first);
        assertThat(ids(messages.list(sifted(Optional.empty(), Optional.empty(), Optional.of(hourLater), Optional.empty(), 10)).items()))
                .containsExactly(fourth, third, second);
        assertThat(ids(messages.list(sifted(Optional.empty(), Optional.empty(), Optional.of(hourLater), Optional.of(twoHoursLater), 10))
                .items())).containsExactly(third, second);
        MessageQuery alexBySendgridBefore = new MessageQuery(Optional.of("alex"), Optional.empty(), Optional.of("welcome"), Optional.empty(),
                Optional.of(Channel.EMAIL), Optional.of("sendgrid"), Optional.empty(), Optional.of(hourLater), Optional.empty(), 10);
        assertThat(ids(messages.list(alexBySendgridBefore).items())).containsExactly(first);
    }

    @Test
    void messagesAreListedByWhatTheirSendCarried_anyOfItsTags_itsTraceId_tenantAndEvent() {
        MessageRepository messages = emptyRepository();
        Message billing = carrying(at(NOW), Map.of("tags", List.of("billing", "eu"), "trace_id", "trace-1"), Map.of("tenant_id", "acme"),
                Optional.of("Invoice Paid"));
        Message onboarding = carrying(at(NOW.plusSeconds(1)), Map.of("tags", List.of("onboarding")), Map.of(), Optional.of("Signed Up"));
        Message plain = carrying(at(NOW.plusSeconds(2)), Map.of(), Map.of("tenant_id", "globex"), Optional.empty());
        messages.insertAll(List.of(billing, onboarding, plain));

        assertThat(ids(messages.list(sentWith(List.of("eu"), Optional.empty(), Optional.empty(), Optional.empty())).items()))
                .containsExactly(billing.id().value());
        assertThat(ids(messages.list(sentWith(List.of("onboarding", "billing"), Optional.empty(), Optional.empty(), Optional.empty())).items()))
                .as("any of the tags").containsExactly(onboarding.id().value(), billing.id().value());
        assertThat(ids(messages.list(sentWith(List.of(), Optional.of("trace-1"), Optional.empty(), Optional.empty())).items()))
                .containsExactly(billing.id().value());
        assertThat(ids(messages.list(sentWith(List.of(), Optional.empty(), Optional.of("globex"), Optional.empty())).items()))
                .containsExactly(plain.id().value());
        assertThat(ids(messages.list(sentWith(List.of(), Optional.empty(), Optional.empty(), Optional.of("Signed Up"))).items()))
                .containsExactly(onboarding.id().value());
        assertThat(messages.list(sentWith(List.of("billing"), Optional.of("trace-2"), Optional.empty(), Optional.empty())).items())
                .as("every filter applies").isEmpty();
    }

    private static Message carrying(String id, Map<String, Object> metadata, Map<String, Object> context, Optional<String> event) {
        Map<String, Object> spec = new java.util.LinkedHashMap<>(Map.of("to", Map.of("user_id", "alex"), "template", "welcome",
                "metadata", metadata));
        if (!context.isEmpty()) {
            spec.put("context", context);
        }
        return Message.enqueue(new MessageId(id), id, MessageSpec.parse(spec), event, Optional.empty(), NOW);
    }

    private static MessageQuery sentWith(List<String> tags, Optional<String> traceId, Optional<String> tenantId, Optional<String> event) {
        return new MessageQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 10)
                .sentWith(new MessageQuery.SentWith(tags, traceId, tenantId, event));
    }

    @Test
    void anArchivedRequestsMessagesLeaveTheListing_unlessItAsksForThem() {
        MessageRepository messages = emptyRepository();
        Message kept = withTemplate(at(NOW), "alex", "welcome", "req-kept", NOW);
        Message archived = withTemplate(at(NOW.plusSeconds(1)), "alex", "welcome", "req-archived", NOW.plusSeconds(1));
        messages.insertAll(List.of(kept, archived));

        assertThat(messages.archiveRequest("req-archived", NOW)).isTrue();
        assertThat(messages.archiveRequest("req-archived", NOW)).as("twice changes nothing").isTrue();
        assertThat(messages.archiveRequest("req-none", NOW)).isFalse();

        MessageQuery alex = new MessageQuery(Optional.of("alex"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 10);
        assertThat(ids(messages.list(alex).items())).containsExactly(kept.id().value());
        assertThat(ids(messages.list(alex.withArchived(true)).items())).containsExactly(archived.id().value(), kept.id().value());
        MessageQuery sifted = alex.sentWith(new MessageQuery.SentWith(List.of(), Optional.empty(), Optional.empty(), Optional.of("nothing")));
        assertThat(messages.list(sifted).items()).isEmpty();
    }

    /** An id as Herald makes them, carrying its enqueue time. */
    private static String at(Instant enqueuedAt) {
        return MessageId.firstAt(enqueuedAt).value() + "-00";
    }

    private static MessageQuery sifted(Optional<Channel> channel, Optional<String> provider, Optional<Instant> from, Optional<Instant> until,
                                       int limit) {
        return new MessageQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), channel, provider, from, until,
                Optional.empty(), limit);
    }

    /** Day one (2026-03-01): two welcomes sent (one delivered and opened, one opened), one message to an address not sent;
     * day two: a receipt bounced; two days before: a welcome sent. */
    private void sendTheFunnelsMessages(MessageRepository messages) {
        Instant nextDay = NOW.plus(Duration.ofDays(1));
        messages.insertAll(List.of(withTemplate("m-1", "alex", "welcome", "r-1", NOW), withTemplate("m-2", "kim", "welcome", "r-2", NOW),
                withTemplate("m-3", "sam", "receipt", "r-3", nextDay), toAddress("m-4", "jo@example.org", NOW),
                withTemplate("m-5", "lee", "welcome", "r-5", NOW.minus(Duration.ofDays(2)))));
        inTransaction(() -> {
            List<Message> locked = messages.lockAll(List.of(id("m-1"), id("m-2"), id("m-3"), id("m-5")));
            for (Message message : locked) {
                message.mapped(message.spec().template().orElseThrow(), LATER);
                routed(message, LATER);
                message.rendered(Channel.EMAIL, LATER);
                message.sent("0", "sendgrid", "sg-" + message.id().value(), LATER);
            }
            locked.get(0).engaged(MessageStatus.DELIVERED, Channel.EMAIL, "sendgrid", LATER);
            locked.get(0).engaged(MessageStatus.OPENED, Channel.EMAIL, "sendgrid", LATER);
            locked.get(1).engaged(MessageStatus.OPENED, Channel.EMAIL, "sendgrid", LATER);
            locked.get(2).bounced(MessageReason.BOUNCED, "mailbox full", Channel.EMAIL, "sendgrid", LATER);
            messages.saveAll(locked);
            return null;
        });
    }

    @Test
    void aCountedDayIsReadAsItWasCountedUntilItIsCountedAgainAndTheOtherDaysAsTheyStand() {
        MessageRepository messages = emptyRepository();
        FunnelRollups rollups = rollupsOf(messages);
        sendTheFunnelsMessages(messages);
        LocalDate dayOne = LocalDate.parse("2026-03-01");
        Instant firstDay = Instant.parse("2026-03-01T00:00:00Z");
        Instant afterSecondDay = Instant.parse("2026-03-03T00:00:00Z");
        List<FunnelQuery> queries = List.of(new FunnelQuery(firstDay, afterSecondDay, FunnelDimension.TEMPLATE, Optional.empty(), 10),
                new FunnelQuery(firstDay, afterSecondDay, FunnelDimension.CHANNEL, Optional.empty(), 10),
                new FunnelQuery(firstDay, afterSecondDay, FunnelDimension.PROVIDER, Optional.of("sendgrid"), 10),
                new FunnelQuery(firstDay, afterSecondDay, FunnelDimension.TEMPLATE, Optional.of("welcome"), 1));
        List<Funnel> asTheyStand = queries.stream().map(messages::funnel).toList();

        inTransaction(() -> {
            rollups.count(dayOne, LATER);
            rollups.count(dayOne.minusDays(5), LATER);
            return null;
        });

        assertThat(queries.stream().map(messages::funnel).toList()).isEqualTo(asTheyStand);
        assertThat(inTransaction(() -> rollups.countedBetween(dayOne.minusDays(10), dayOne)))
                .containsExactly(Map.entry(dayOne.minusDays(5), LATER), Map.entry(dayOne, LATER));

        messages.insertAll(List.of(toAddress("m-6", "late@example.org", NOW.plusSeconds(60)),
                withTemplate("m-7", "sam", "receipt", "r-7", NOW.plus(Duration.ofDays(1)))));
        Funnel meanwhile = messages.funnel(queries.get(0));

        assertThat(meanwhile.days()).extracting(day -> day.counts().enqueued()).containsExactly(3L, 2L);
        assertThat(messages.funnel(new FunnelQuery(firstDay.plusSeconds(3600), afterSecondDay, FunnelDimension.TEMPLATE,
                Optional.empty(), 10)).days()).extracting(day -> day.counts().enqueued()).containsExactly(4L, 2L);
        assertThat(meanwhile.groups()).containsExactly(
                new FunnelGroup(Optional.of("receipt"), new FunnelCounts(2, 1, 0, 0, 0, 1)),
                new FunnelGroup(Optional.of("welcome"), new FunnelCounts(2, 2, 1, 2, 0, 0)),
                new FunnelGroup(Optional.empty(), new FunnelCounts(1, 0, 0, 0, 0, 0)));

        inTransaction(() -> {
            rollups.count(dayOne, LATER.plusSeconds(60));
            return null;
        });

        assertThat(messages.funnel(queries.get(0)).days()).extracting(day -> day.counts().enqueued()).containsExactly(4L, 2L);
        assertThat(inTransaction(() -> rollups.forgetBefore(dayOne))).isEqualTo(1);
        assertThat(inTransaction(() -> rollups.countedBetween(dayOne.minusDays(10), dayOne))).containsOnlyKeys(dayOne);
    }

    @Test
    void theFunnelCountsEachMilestoneAsTheApiReportsItPerDayOfEnqueueAndPerTemplateChannelOrProvider() {
        MessageRepository messages = emptyRepository();
        sendTheFunnelsMessages(messages);
        Instant firstDay = Instant.parse("2026-03-01T00:00:00Z");
        Instant afterSecondDay = Instant.parse("2026-03-03T00:00:00Z");

        Funnel byTemplate = messages.funnel(new FunnelQuery(firstDay, afterSecondDay, FunnelDimension.TEMPLATE, Optional.empty(), 10));

        assertThat(byTemplate.days()).containsExactly(
                new FunnelDay(LocalDate.parse("2026-03-01"), new FunnelCounts(3, 2, 1, 2, 0, 0)),
                new FunnelDay(LocalDate.parse("2026-03-02"), new FunnelCounts(1, 1, 0, 0, 0, 1)));
        assertThat(byTemplate.groups()).containsExactly(
                new FunnelGroup(Optional.of("welcome"), new FunnelCounts(2, 2, 1, 2, 0, 0)),
                new FunnelGroup(Optional.of("receipt"), new FunnelCounts(1, 1, 0, 0, 0, 1)),
                new FunnelGroup(Optional.empty(), new FunnelCounts(1, 0, 0, 0, 0, 0)));
        assertThat(messages.funnel(new FunnelQuery(firstDay, afterSecondDay, FunnelDimension.TEMPLATE, Optional.empty(), 1)).groups())
                .extracting(FunnelGroup::value).containsExactly(Optional.of("welcome"));
        Funnel sendgrid = messages.funnel(new FunnelQuery(firstDay, afterSecondDay, FunnelDimension.PROVIDER, Optional.of("sendgrid"), 10));
        assertThat(sendgrid.days()).extracting(day -> day.counts().enqueued()).containsExactly(2L, 1L);
        assertThat(sendgrid.groups()).containsExactly(new FunnelGroup(Optional.of("sendgrid"), new FunnelCounts(3, 3, 1, 2, 0, 1)));
        assertThat(messages.funnel(new FunnelQuery(firstDay, afterSecondDay, FunnelDimension.CHANNEL, Optional.empty(), 10)).groups())
                .containsExactly(new FunnelGroup(Optional.of("email"), new FunnelCounts(3, 3, 1, 2, 0, 1)),
                        new FunnelGroup(Optional.empty(), new FunnelCounts(1, 0, 0, 0, 0, 0)));
        assertThat(messages.funnel(new FunnelQuery(afterSecondDay, afterSecondDay.plus(Duration.ofDays(1)), FunnelDimension.TEMPLATE,
                Optional.empty(), 10))).isEqualTo(new Funnel(List.of(), List.of()));
    }

    @Test
    void aTemplatesMetricsNestTheFunnelPerBucketChannelAndProvider_andCountFailedAttemptsAsErrors() {
        MessageRepository messages = emptyRepository();
        sendTheFunnelsMessages(messages);
        messages.insertAll(List.of(withTemplate("m-6", "jo", "welcome", "r-6", NOW)));
        messages.recordAttempts(List.of(attempt("m-2", "0", "sendgrid", 1, AttemptOutcome.TRANSIENT),
                attempt("m-2", "0", "sendgrid", 2, AttemptOutcome.SENT), attempt("m-1", "0", "sendgrid", 1, AttemptOutcome.SENT)));
        Instant dayOne = Instant.parse("2026-03-01T00:00:00Z");

        assertThat(messages.templateMetrics("welcome", dayOne.minus(Duration.ofDays(3)), dayOne.plus(Duration.ofDays(1)), ChronoUnit.DAYS))
                .containsExactly(new MetricsRow(Instant.parse("2026-02-27T00:00:00Z"), "email", "sendgrid", 1, 0, 0, 0, 0, 0),
                        new MetricsRow(dayOne, "email", "sendgrid", 2, 2, 2, 0, 1, 0));
        assertThat(messages.templateMetrics("welcome", NOW.truncatedTo(ChronoUnit.HOURS), NOW.plus(Duration.ofHours(1)), ChronoUnit.HOURS))
                .containsExactly(new MetricsRow(Instant.parse("2026-03-01T09:00:00Z"), "email", "sendgrid", 2, 2, 2, 0, 1, 0));
        assertThat(messages.templateMetrics("receipt", dayOne, dayOne.plus(Duration.ofDays(2)), ChronoUnit.DAYS))
                .containsExactly(new MetricsRow(dayOne.plus(Duration.ofDays(1)), "email", "sendgrid", 1, 0, 0, 0, 0, 1));
        assertThat(messages.templateMetrics("welcome", dayOne.plus(Duration.ofDays(1)), dayOne.plus(Duration.ofDays(2)), ChronoUnit.DAYS))
                .isEmpty();
    }

    @Test
    void insertedMessagesAreReadBackWithAllTheirStateAndHistory() {
        MessageRepository messages = emptyRepository();
        Message delayed = Message.enqueue(id("m-1"), "r-1", MessageSpec.parse(Map.of(
                        "to", Map.of("user_id", "alex", "email", "alex@example.org"), "template", "welcome",
                        "data", Map.of("order", 42, "total", 149.99, "items", List.of("socks", Map.of("sku", "h-1"))),
                        "delay", Map.of("duration", 60_000), "expiry", Map.of("expires_in", 3_600_000),
                        "routing", Map.of("method", "all", "channels", List.of("email", "push")))),
                Optional.of("Order Completed"), Optional.of("run-1"), NOW);
        Message plain = toAddress("m-2", "kim@example.org", NOW);
        List<HistoryEntry> delayedHistory = delayed.newEvents().stream().map(MessageEvent::toHistory).toList();

        messages.insertAll(List.of(delayed, plain));

        assertThat(state(messages.find(id("m-1")).orElseThrow())).isEqualTo(state(delayed));
        assertThat(state(messages.find(id("m-2")).orElseThrow())).isEqualTo(state(plain));
        assertThat(delayed.status()).isEqualTo(MessageStatus.DELAYED);
        assertThat(messages.history(id("m-1"))).isEqualTo(delayedHistory).extracting(HistoryEntry::type)
                .containsExactly(HistoryType.ENQUEUED, HistoryType.DELAYED);
        assertThat(messages.find(id("m-3"))).isEmpty();
        assertThat(messages.history(id("m-3"))).isEmpty();
    }

    @Test
    void savingAMessageKeepsItsStateAndAppendsOnlyTheHistoryItRecordedSinceItWasLoaded() {
        MessageRepository messages = emptyRepository();
        messages.insertAll(List.of(withTemplate("m-1", "alex", "welcome", "r-1", NOW)));
        List<HistoryEntry> enqueued = messages.history(id("m-1"));

        Message sent = inTransaction(() -> {
            Message locked = messages.lock(id("m-1")).orElseThrow();
            locked.mapped("welcome", LATER);
            routed(locked, LATER);
            locked.rendered(Channel.EMAIL, LATER);
            locked.sent("0", "sendgrid", "sg-1", LATER);
            messages.save(locked);
            return locked;
        });

        Message stored = messages.find(id("m-1")).orElseThrow();
        assertThat(state(stored)).isEqualTo(state(sent));
        assertThat(stored.status()).isEqualTo(MessageStatus.SENT);
        assertThat(stored.reachedAt(MessageStatus.SENT)).contains(LATER);
        assertThat(stored.plan().orElseThrow().sent()).extracting(target -> target.leafId()).containsExactly("0");
        List<HistoryEntry> history = messages.history(id("m-1"));
        assertThat(history).startsWith(enqueued.toArray(HistoryEntry[]::new)).extracting(HistoryEntry::type).containsExactly(
                HistoryType.ENQUEUED, HistoryType.MAPPED, HistoryType.ROUTED, HistoryType.RENDERED, HistoryType.SENT);
        assertThat(history.get(4).details()).isEqualTo(Map.of("channel", "email", "provider", "sendgrid", "provider_message_id", "sg-1"));

        inTransaction(() -> {
            messages.save(sent);
            messages.save(stored);
            return null;
        });
        assertThat(messages.history(id("m-1"))).hasSize(5);
    }

    @Test
    void aMessageChangedButNotSavedIsUnchanged() {
        MessageRepository messages = emptyRepository();
        messages.insertAll(List.of(toUser("m-1", "alex", NOW)));

        inTransaction(() -> messages.lock(id("m-1")).orElseThrow().cancel(LATER));
        messages.find(id("m-1")).orElseThrow().cancel(LATER);

        assertThat(messages.find(id("m-1")).orElseThrow().status()).isEqualTo(MessageStatus.ENQUEUED);
        assertThat(messages.history(id("m-1"))).extracting(HistoryEntry::type).containsExactly(HistoryType.ENQUEUED);
    }

    @Test
    void severalMessagesAreLockedInIdOrder_andSavedTogether() {
        MessageRepository messages = emptyRepository();
        messages.insertAll(List.of(toUser("m-3", "alex", NOW), toUser("m-1", "alex", NOW), toUser("m-2", "kim", NOW)));

        List<Message> locked = inTransaction(() -> messages.lockAll(List.of(id("m-2"), id("unknown"), id("m-3"), id("m-1"))));
        assertThat(ids(locked)).containsExactly("m-1", "m-2", "m-3");
        locked.get(0).cancel(LATER);
        locked.get(1).fail(MessageReason.FAILED, "template 'welcome' has no email content", LATER);
        inTransaction(() -> {
            messages.saveAll(locked);
            return null;
        });

        for (Message message : locked) {
            assertThat(state(messages.find(message.id()).orElseThrow())).isEqualTo(state(message));
        }
        assertThat(messages.find(id("m-2")).orElseThrow().error()).contains("template 'welcome' has no email content");
        assertThat(messages.history(id("m-1"))).extracting(HistoryEntry::type).containsExactly(HistoryType.ENQUEUED, HistoryType.CANCELED);
        assertThat(messages.history(id("m-3"))).extracting(HistoryEntry::type).containsExactly(HistoryType.ENQUEUED);
        assertThat(inTransaction(() -> messages.lockAll(List.of()))).isEmpty();
        assertThat(inTransaction(() -> messages.lock(id("unknown")))).isEmpty();
    }

    @Test
    void theRecipientsARequestHasMessagesForAreFound() {
        MessageRepository messages = emptyRepository();
        messages.insertAll(List.of(withTemplate("m-1", "alex", "welcome", "r-1", NOW), withTemplate("m-2", "kim", "welcome", "r-1", NOW),
                withTemplate("m-3", "lee", "welcome", "r-2", NOW)));

        assertThat(messages.recipientsOf("r-1", List.of(UserId.of("alex"), UserId.of("lee"), UserId.of("sam"))))
                .containsExactly(UserId.of("alex"));
        assertThat(messages.recipientsOf("r-1", List.of())).isEmpty();
    }

    @Test
    void messagesAreListedNewestFirstAPageAtATime_byRecipientStatusTemplateAndRequest() {
        MessageRepository messages = emptyRepository();
        Message canceled = withTemplate("m-5", "alex", "welcome", "r-5", NOW);
        canceled.cancel(NOW);
        Message alsoCanceled = withTemplate("m-2", "kim", "welcome", "r-1", NOW);
        alsoCanceled.cancel(NOW);
        messages.insertAll(List.of(withTemplate("m-1", "alex", "welcome", "r-1", NOW), alsoCanceled,
                withTemplate("m-3", "alex", "digest", "r-3", NOW), toAddress("m-4", "lee@example.org", NOW), canceled));

        Page<Message> first = messages.list(all(Optional.empty(), 2));
        Page<Message> second = messages.list(all(first.cursor(), 2));
        Page<Message> last = messages.list(all(second.cursor(), 2));
        assertThat(ids(first.items())).containsExactly("m-5", "m-4");
        assertThat(ids(second.items())).containsExactly("m-3", "m-2");
        assertThat(second.hasMore()).isTrue();
        assertThat(ids(last.items())).containsExactly("m-1");
        assertThat(last.hasMore()).isFalse();
        assertThat(messages.list(all(Optional.empty(), 5)).hasMore()).isFalse();

        Optional<String> none = Optional.empty();
        assertThat(ids(messages.list(query(Optional.of("alex"), Optional.empty(), none, none, none, 10)).items()))
                .containsExactly("m-5", "m-3", "m-1");
        assertThat(ids(messages.list(query(Optional.of("lee@example.org"), Optional.empty(), none, none, none, 10)).items()))
                .containsExactly("m-4");
        assertThat(ids(messages.list(query(none, Optional.of(MessageStatus.CANCELED), none, none, none, 10)).items()))
                .containsExactly("m-5", "m-2");
        assertThat(ids(messages.list(query(none, Optional.empty(), Optional.of("welcome"), none, none, 10)).items()))
                .containsExactly("m-5", "m-2", "m-1");
        assertThat(ids(messages.list(query(none, Optional.empty(), none, Optional.of("r-1"), none, 10)).items()))
                .containsExactly("m-2", "m-1");
        Page<Message> alexWelcome = messages.list(query(Optional.of("alex"), Optional.empty(), Optional.of("welcome"), none, none, 1));
        assertThat(ids(alexWelcome.items())).containsExactly("m-5");
        assertThat(ids(messages.list(query(Optional.of("alex"), Optional.empty(), Optional.of("welcome"), none, alexWelcome.cursor(), 1))
                .items())).containsExactly("m-1");
    }

    @Test
    void eachChannelKeepsItsLastRenderedOutput() {
        MessageRepository messages = emptyRepository();
        messages.insertAll(List.of(toUser("m-1", "alex", NOW), toUser("m-2", "kim", NOW)));

        messages.saveOutputs(List.of(new Output(id("m-1"), Channel.EMAIL, Map.of("subject", "Hi", "html", "<p>Hi</p>"), NOW),
                new Output(id("m-1"), Channel.PUSH, Map.of("title", "Hi", "data", Map.of("n", 1)), NOW),
                new Output(id("m-2"), Channel.EMAIL, Map.of("subject", "Hello"), NOW)));
        messages.saveOutputs(List.of(new Output(id("m-1"), Channel.EMAIL, Map.of("subject", "Hi again"), LATER)));
        messages.saveOutputs(List.of());

        assertThat(messages.outputs(id("m-1"))).isEqualTo(Map.of(Channel.EMAIL, Map.of("subject", "Hi again"),
                Channel.PUSH, Map.of("title", "Hi", "data", Map.of("n", 1))));
        assertThat(messages.outputs(id("m-2"))).isEqualTo(Map.of(Channel.EMAIL, Map.of("subject", "Hello")));
        assertThat(messages.outputs(id("m-3"))).isEmpty();
    }

    @Test
    void attemptsAreListedInLeafProviderAndAttemptOrder_andRecordingOneAgainUpdatesIt() {
        MessageRepository messages = emptyRepository();
        messages.insertAll(List.of(routed(toUser("m-1", "alex", NOW), NOW), routed(toUser("m-2", "kim", NOW), NOW),
                routed(toUser("m-3", "lee", NOW), NOW)));

        messages.recordAttempts(List.of(attempt("m-1", "1", "twilio", 1, AttemptOutcome.TRANSIENT),
                attempt("m-1", "0", "sendgrid", 10, AttemptOutcome.IN_FLIGHT), attempt("m-1", "0", "sendgrid", 2, AttemptOutcome.TRANSIENT),
                attempt("m-1", "0", "sendgrid", 1, AttemptOutcome.TRANSIENT), attempt("m-1", "0", "console", 1, AttemptOutcome.PERMANENT),
                attempt("m-2", "0", "sendgrid", 1, AttemptOutcome.SENT)));
        messages.recordAttempts(List.of(attempt("m-1", "0", "sendgrid", 10, AttemptOutcome.SENT),
                attempt("m-1", "1", "twilio", 2, AttemptOutcome.IN_FLIGHT), attempt("m-1", "1", "twilio", 2, AttemptOutcome.PERMANENT)));
        messages.recordAttempts(List.of());

        List<DeliveryAttempt> expected = List.of(attempt("m-1", "0", "console", 1, AttemptOutcome.PERMANENT),
                attempt("m-1", "0", "sendgrid", 1, AttemptOutcome.TRANSIENT), attempt("m-1", "0", "sendgrid", 2, AttemptOutcome.TRANSIENT),
                attempt("m-1", "0", "sendgrid", 10, AttemptOutcome.SENT), attempt("m-1", "1", "twilio", 1, AttemptOutcome.TRANSIENT),
                attempt("m-1", "1", "twilio", 2, AttemptOutcome.PERMANENT));
        assertThat(messages.attempts(id("m-1"))).isEqualTo(expected);
        Map<MessageId, List<DeliveryAttempt>> byMessage = messages.attempts(List.of(id("m-1"), id("m-2"), id("m-3")));
        assertThat(byMessage).containsOnlyKeys(id("m-1"), id("m-2"));
        assertThat(byMessage.get(id("m-1"))).isEqualTo(expected);
        assertThat(byMessage.get(id("m-2"))).containsExactly(attempt("m-2", "0", "sendgrid", 1, AttemptOutcome.SENT));
        assertThat(messages.attempts(id("m-3"))).isEmpty();
    }

    @Test
    void anAttemptIsFoundByItsProvidersMessageId() {
        MessageRepository messages = emptyRepository();
        messages.insertAll(List.of(routed(toUser("m-1", "alex", NOW), NOW), routed(toUser("m-2", "kim", NOW), NOW)));
        messages.recordAttempts(List.of(attempt("m-1", "0", "sendgrid", 1, AttemptOutcome.TRANSIENT),
                attempt("m-1", "0", "sendgrid", 2, AttemptOutcome.SENT), attempt("m-2", "1", "twilio", 1, AttemptOutcome.SENT)));

        assertThat(messages.findAttempt("sendgrid", "sendgrid-m-1-2")).contains(attempt("m-1", "0", "sendgrid", 2, AttemptOutcome.SENT));
        assertThat(messages.findAttempt("twilio", "twilio-m-2-1")).contains(attempt("m-2", "1", "twilio", 1, AttemptOutcome.SENT));
        assertThat(messages.findAttempt("twilio", "sendgrid-m-1-2")).isEmpty();
        assertThat(messages.findAttempt("sendgrid", "unknown")).isEmpty();
    }

    @Test
    void theEngagementOfTheSentAttemptOfALeafOnlyMovesForward() {
        MessageRepository messages = emptyRepository();
        messages.insertAll(List.of(routed(toUser("m-1", "alex", NOW), NOW)));
        messages.recordAttempts(List.of(attempt("m-1", "0", "console", 1, AttemptOutcome.TRANSIENT),
                attempt("m-1", "0", "sendgrid", 1, AttemptOutcome.SENT), attempt("m-1", "1", "twilio", 1, AttemptOutcome.SENT)));

        List<MessageStatus> reached = new ArrayList<>();
        for (MessageStatus engagement : List.of(MessageStatus.DELIVERED, MessageStatus.OPENED, MessageStatus.DELIVERED,
                MessageStatus.SENT, MessageStatus.CLICKED, MessageStatus.OPENED)) {
            messages.recordEngagement(id("m-1"), "0", engagement, LATER);
            reached.add(messages.findAttempt("sendgrid", "sendgrid-m-1-1").orElseThrow().engagement());
        }

        assertThat(reached).containsExactly(MessageStatus.DELIVERED, MessageStatus.OPENED, MessageStatus.OPENED, MessageStatus.OPENED,
                MessageStatus.CLICKED, MessageStatus.CLICKED);
        List<DeliveryAttempt> attempts = messages.attempts(id("m-1"));
        assertThat(attempts.get(0)).isEqualTo(attempt("m-1", "0", "console", 1, AttemptOutcome.TRANSIENT));
        assertThat(attempts.get(1).at()).isEqualTo(attempt("m-1", "0", "sendgrid", 1, AttemptOutcome.SENT).at());
        assertThat(attempts.get(2)).isEqualTo(attempt("m-1", "1", "twilio", 1, AttemptOutcome.SENT));
    }

    @Test
    void messagesToRedriveAreFoundInIdOrderByStatusTemplateTimeAndWhereTheyWereTried() {
        MessageRepository messages = emptyRepository();
        Instant hourLater = NOW.plus(Duration.ofHours(1));
        Instant twoHoursLater = NOW.plus(Duration.ofHours(2));
        Message emailFailed = routed(withTemplate("r-01", "alex", "welcome", "q-1", NOW), NOW);
        Message smsFailed = routed(withTemplate("r-02", "kim", "digest", "q-2", hourLater), hourLater);
        Message unroutable = withTemplate("r-03", "lee", "welcome", "q-3", NOW);
        unroutable.route(new RoutingDecision.Unroutable(RoutingDecision.Why.NO_CHANNELS, "no email address"), NOW);
        Message waiting = withTemplate("r-04", "sam", "welcome", "q-4", NOW);
        Message lateFailed = routed(withTemplate("r-05", "eve", "welcome", "q-5", twoHoursLater), twoHoursLater);
        for (Message failed : List.of(emailFailed, smsFailed, lateFailed)) {
            failed.fail(MessageReason.PROVIDER_ERROR, "gave up", failed.enqueuedAt());
        }
        messages.insertAll(List.of(lateFailed, waiting, unroutable, smsFailed, emailFailed));
        messages.recordAttempts(List.of(attempt("r-01", "0", "sendgrid", 1, AttemptOutcome.PERMANENT),
                attempt("r-02", "1", "twilio", 1, AttemptOutcome.PERMANENT), attempt("r-05", "1", "twilio", 1, AttemptOutcome.TRANSIENT)));
        Window always = new Window(Optional.empty(), Optional.empty());
        MessageStatus undeliverable = MessageStatus.UNDELIVERABLE;

        assertThat(values(messages.findForRedrive(new MessageFilter(undeliverable, Optional.empty(), Optional.empty(), Optional.empty(), always),
                Optional.empty(), 10))).containsExactly("r-01", "r-02", "r-05");
        assertThat(values(messages.findForRedrive(new MessageFilter(undeliverable, Optional.empty(), Optional.empty(), Optional.empty(), always),
                Optional.of(id("r-01")), 1))).containsExactly("r-02");
        assertThat(values(messages.findForRedrive(new MessageFilter(undeliverable, Optional.empty(), Optional.empty(), Optional.of("welcome"),
                always), Optional.empty(), 10))).containsExactly("r-01", "r-05");
        assertThat(values(messages.findForRedrive(new MessageFilter(undeliverable, Optional.of("twilio"), Optional.empty(), Optional.empty(),
                always), Optional.empty(), 10))).containsExactly("r-02", "r-05");
        assertThat(values(messages.findForRedrive(new MessageFilter(undeliverable, Optional.empty(), Optional.of(Channel.EMAIL),
                Optional.empty(), always), Optional.empty(), 10))).containsExactly("r-01");
        assertThat(values(messages.findForRedrive(new MessageFilter(undeliverable, Optional.empty(), Optional.empty(), Optional.empty(),
                new Window(Optional.of(hourLater), Optional.of(twoHoursLater))), Optional.empty(), 10))).containsExactly("r-02");
        assertThat(values(messages.findForRedrive(new MessageFilter(MessageStatus.UNROUTABLE, Optional.empty(), Optional.empty(),
                Optional.empty(), always), Optional.empty(), 10))).containsExactly("r-03");
    }

    @Test
    void forgettingDeliveriesTakesAttemptsAndOutputsAndKeepsTheHistory() {
        MessageRepository messages = emptyRepository();
        messages.insertAll(List.of(routed(toUser("m-1", "alex", NOW), NOW), routed(toUser("m-2", "kim", NOW), NOW)));
        for (String message : List.of("m-1", "m-2")) {
            messages.recordAttempts(List.of(attempt(message, "0", "sendgrid", 1, AttemptOutcome.PERMANENT)));
            messages.saveOutputs(List.of(new Output(id(message), Channel.EMAIL, Map.of("subject", "Hi"), NOW)));
        }
        List<HistoryEntry> history = messages.history(id("m-1"));

        messages.forgetDeliveries(List.of(id("m-1")));
        messages.forgetDeliveries(List.of());

        assertThat(messages.attempts(id("m-1"))).isEmpty();
        assertThat(messages.outputs(id("m-1"))).isEmpty();
        assertThat(messages.history(id("m-1"))).isEqualTo(history).isNotEmpty();
        assertThat(messages.attempts(id("m-2"))).hasSize(1);
        assertThat(messages.outputs(id("m-2"))).containsOnlyKeys(Channel.EMAIL);
    }
}
