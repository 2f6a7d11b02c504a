package io.herald.application.feedback;

import io.herald.application.fakes.InMemoryFeedbackOutbox;
import io.herald.application.fakes.MutableClock;
import io.herald.application.port.out.EngagementFeedback;
import io.herald.domain.feedback.FeedbackEvent;
import io.herald.domain.message.MessageId;
import io.herald.domain.profile.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reporting recorded events to Segment: in batches, marked once Segment accepted them; a batch Segment refuses stays
 * in the outbox and is tried again after a backoff counted on Herald's clock (far from the machine's, so that mixing
 * the two shows), for as long as it takes.
 */
class FeedbackDriverTest {

    private static final Instant START = Instant.parse("2031-03-01T09:00:00Z");
    private static final Duration FIRST_RETRY = Duration.ofHours(1);

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryFeedbackOutbox outbox = new InMemoryFeedbackOutbox();
    private final Segment segment = new Segment();
    private final FeedbackDriver driver = new FeedbackDriver(outbox, Optional.of(segment), FIRST_RETRY, clock);

    /** Segment's tracking API, which accepts batches or refuses them as told. */
    private static final class Segment implements EngagementFeedback {

        final List<List<String>> accepted = new ArrayList<>();
        int refusals;
        int calls;

        @Override
        public void send(List<FeedbackEvent> events) {
            calls++;
            if (refusals > 0) {
                refusals--;
                throw new IllegalStateException("Segment answered 503");
            }
            accepted.add(events.stream().map(FeedbackEvent::segmentMessageId).toList());
        }
    }

    private static FeedbackEvent sent(int message) {
        return new FeedbackEvent("m" + message + "-SENT", new MessageId("m" + message), "Message Sent", UserId.of("alex"),
                Map.of("messageId", "m" + message, "status", "SENT"), START);
    }

    @Test
    void dueEventsAreReportedOnceAndMarkedDelivered() {
        outbox.append(List.of(sent(1), sent(2)));

        driver.deliverAllDue();
        driver.deliverAllDue();

        assertThat(segment.accepted).containsExactly(List.of("m1-SENT", "m2-SENT"));
        assertThat(driver.status().pending()).isZero();
        assertThat(driver.status().failing()).isZero();
    }

    @Test
    void aBacklogIsReportedInBatchesOfAHundred() {
        outbox.append(IntStream.rangeClosed(1, 150).mapToObj(FeedbackDriverTest::sent).toList());

        driver.deliverAllDue();

        assertThat(segment.accepted).extracting(List::size).containsExactly(100, 50);
        assertThat(driver.status().pending()).isZero();
    }

    @Test
    void aBatchSegmentRefusesIsRetriedAfterItsBackoffOnHeraldsClockThenDelivered() {
        outbox.append(List.of(sent(1), sent(2)));
        segment.refusals = 1;

        driver.deliverAllDue();

        assertThat(segment.accepted).isEmpty();
        assertThat(driver.status().pending()).isEqualTo(2);
        assertThat(driver.status().failing()).isEqualTo(2);

        driver.deliverAllDue();
        assertThat(segment.calls).as("not again before its backoff").isEqualTo(1);

        clock.advance(FIRST_RETRY);
        driver.deliverAllDue();

        assertThat(segment.calls).isEqualTo(2);
        assertThat(segment.accepted).containsExactly(List.of("m1-SENT", "m2-SENT"));
        assertThat(driver.status().pending()).isZero();
    }

    @Test
    void refusalsAreRetriedForAsLongAsItTakes() {
        outbox.append(List.of(sent(1)));
        segment.refusals = 3;

        driver.deliverAllDue();
        clock.advance(FIRST_RETRY);
        driver.deliverAllDue();
        clock.advance(FIRST_RETRY.multipliedBy(2));
        driver.deliverAllDue();
        assertThat(segment.calls).isEqualTo(3);
        assertThat(segment.accepted).isEmpty();

        clock.advance(FIRST_RETRY.multipliedBy(4));
        driver.deliverAllDue();

        assertThat(segment.accepted).containsExactly(List.of("m1-SENT"));
    }

    @Test
    void withoutSegmentConfiguredEventsStayInTheOutbox() {
        outbox.append(List.of(sent(1)));

        new FeedbackDriver(outbox, Optional.empty(), FIRST_RETRY, clock).deliverAllDue();

        assertThat(outbox.status().pending()).isEqualTo(1);
        assertThat(outbox.status().failing()).isZero();
    }
}
