package io.herald.domain.message;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.herald.domain.message.MessageStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

class MessageStatusTest {

    private static final List<MessageStatus> PROGRESS = List.of(ENQUEUED, DELAYED, ROUTED, SENT, DELIVERED, OPENED, CLICKED);
    private static final Set<MessageStatus> ENDS = EnumSet.of(UNDELIVERABLE, UNROUTABLE, UNMAPPED, CANCELED, FILTERED);

    @Test
    void progressOnlyMovesForward() {
        for (int from = 0; from < PROGRESS.size(); from++) {
            for (int to = 0; to < PROGRESS.size(); to++) {
                assertThat(PROGRESS.get(from).canMoveTo(PROGRESS.get(to)))
                        .as("%s -> %s", PROGRESS.get(from), PROGRESS.get(to))
                        .isEqualTo(to > from);
            }
        }
    }

    @Test
    void unroutableUnmappedCanceledAndFilteredOnlyHappenBeforeSending() {
        for (MessageStatus end : List.of(UNROUTABLE, UNMAPPED, CANCELED, FILTERED)) {
            assertThat(ENQUEUED.canMoveTo(end)).as("ENQUEUED -> %s", end).isTrue();
            assertThat(DELAYED.canMoveTo(end)).as("DELAYED -> %s", end).isTrue();
            assertThat(ROUTED.canMoveTo(end)).as("ROUTED -> %s", end).isTrue();
            assertThat(SENT.canMoveTo(end)).as("SENT -> %s", end).isFalse();
            assertThat(DELIVERED.canMoveTo(end)).as("DELIVERED -> %s", end).isFalse();
        }
    }

    @Test
    void undeliverableOnlyHappensBeforeDelivery() {
        assertThat(List.of(ENQUEUED, DELAYED, ROUTED, SENT)).allMatch(status -> status.canMoveTo(UNDELIVERABLE));
        assertThat(List.of(DELIVERED, OPENED, CLICKED)).noneMatch(status -> status.canMoveTo(UNDELIVERABLE));
    }

    @Test
    void endStatesMoveNowhere() {
        for (MessageStatus end : ENDS) {
            assertThat(end.isEnd()).isTrue();
            assertThat(MessageStatus.values()).noneMatch(end::canMoveTo);
        }
    }

    @Test
    void noStatusMovesToItself() {
        assertThat(MessageStatus.values()).noneMatch(status -> status.canMoveTo(status));
    }

    @Test
    void onlyEnqueuedDelayedAndRoutedAreBeforeSending() {
        assertThat(EnumSet.allOf(MessageStatus.class).stream().filter(MessageStatus::isBeforeSending))
                .containsExactlyInAnyOrder(ENQUEUED, DELAYED, ROUTED);
    }
}
