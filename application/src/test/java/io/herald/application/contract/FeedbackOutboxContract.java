package io.herald.application.contract;

import io.herald.application.port.out.FeedbackOutbox;
import io.herald.application.port.out.FeedbackOutbox.Pending;
import io.herald.application.port.out.FeedbackOutbox.Status;
import io.herald.domain.feedback.FeedbackEvent;
import io.herald.domain.message.MessageId;
import io.herald.domain.profile.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link FeedbackOutbox} must do; run against the in-memory fake and PostgreSQL. */
public abstract class FeedbackOutboxContract {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00.123456Z");

    protected abstract FeedbackOutbox emptyOutbox();

    private static FeedbackEvent event(String message, String status) {
        return new FeedbackEvent(message + "/" + status, new MessageId(message), "Message " + status, UserId.of("alex"),
                Map.of("messageId", message, "channel", "email", "attempt", 1), NOW);
    }

    private static List<String> keys(List<Pending> pending) {
        return pending.stream().map(p -> p.event().segmentMessageId()).toList();
    }

    @Test
    void eventsAreDueOldestFirstAsRecorded_andRecordingOneAgainDoesNotDuplicateIt() {
        FeedbackOutbox outbox = emptyOutbox();
        outbox.append(List.of(event("m-1", "sent"), event("m-1", "delivered")));
        outbox.append(List.of(event("m-1", "sent"), event("m-2", "sent")));
        outbox.append(List.of());

        List<Pending> due = outbox.due(10, NOW);

        assertThat(keys(due)).containsExactly("m-1/sent", "m-1/delivered", "m-2/sent");
        assertThat(due.get(0).event()).isEqualTo(event("m-1", "sent"));
        assertThat(due.get(0).attempts()).isZero();
        assertThat(keys(outbox.due(2, NOW))).containsExactly("m-1/sent", "m-1/delivered");
        assertThat(outbox.status().pending()).isEqualTo(3);
    }

    @Test
    void aFailedEventWaitsForItsNextAttemptAndCountsItsAttempts() {
        FeedbackOutbox outbox = emptyOutbox();
        outbox.append(List.of(event("m-1", "sent"), event("m-2", "sent")));
        long first = outbox.due(10, NOW).get(0).id();

        outbox.markFailed(List.of(first), "Segment answered 503", NOW.plusSeconds(5));

        assertThat(keys(outbox.due(10, NOW))).containsExactly("m-2/sent");
        List<Pending> later = outbox.due(10, NOW.plusSeconds(5));
        assertThat(keys(later)).containsExactly("m-1/sent", "m-2/sent");
        assertThat(later.get(0).attempts()).isEqualTo(1);
        assertThat(later.get(1).attempts()).isZero();

        outbox.markFailed(List.of(first), "Segment answered 503", NOW.plusSeconds(15));
        assertThat(outbox.due(10, NOW.plusSeconds(15)).get(0).attempts()).isEqualTo(2);
        assertThat(outbox.status()).extracting(Status::pending, Status::failing).containsExactly(2L, 1L);
    }

    @Test
    void aDeliveredEventIsNoLongerDueNorPending() {
        FeedbackOutbox outbox = emptyOutbox();
        outbox.append(List.of(event("m-1", "sent"), event("m-2", "sent")));
        List<Pending> due = outbox.due(10, NOW);
        outbox.markFailed(List.of(due.get(0).id()), "timeout", NOW);

        outbox.markDelivered(List.of(due.get(0).id(), due.get(1).id()), NOW.plusSeconds(1));

        assertThat(outbox.due(10, NOW.plusSeconds(60))).isEmpty();
        assertThat(outbox.status()).isEqualTo(new Status(0, 0, Duration.ZERO));
    }

    @Test
    void theLagIsHowLongTheOldestUndeliveredEventHasWaited() throws InterruptedException {
        FeedbackOutbox outbox = emptyOutbox();
        assertThat(outbox.status().lag()).isZero();
        outbox.append(List.of(event("m-1", "sent")));

        Thread.sleep(200);

        assertThat(outbox.status().lag()).isBetween(Duration.ofMillis(150), Duration.ofMinutes(1));
    }
}
