package io.herald.application.delivery;

import io.herald.application.fakes.InMemoryDeliveryLooks;
import io.herald.application.fakes.MutableClock;
import io.herald.application.fakes.RecordingDurableScheduler;
import io.herald.application.port.out.DeliveryLooks;
import io.herald.application.port.out.OperationalMetrics;
import io.herald.domain.delivery.Backoff;
import io.herald.domain.message.MessageId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Turns of the delivery queue ({@link DeliveryDriver#deliverDue}): what a turn takes, and what a failed one does. */
class DeliveryTurnsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final MessageId FIRST = new MessageId("m-1");
    private static final MessageId SECOND = new MessageId("m-2");
    private static final MessageId BROKEN = new MessageId("m-broken");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryDeliveryLooks looks = new InMemoryDeliveryLooks();
    private final List<List<MessageId>> advanced = new CopyOnWriteArrayList<>();
    private final DeliveryPipeline pipeline = new DeliveryPipeline() {
        @Override
        public Progress advance(List<MessageId> messageIds) {
            advanced.add(messageIds);
            if (messageIds.contains(BROKEN)) {
                throw new IllegalStateException("this message cannot be delivered");
            }
            return new Progress(List.of());
        }

        @Override
        public Progress record(List<CallResult> results) {
            throw new UnsupportedOperationException("no remote calls here");
        }
    };
    private final DeliveryDriver driver = new DeliveryDriver(pipeline,
            new ProviderCalls(new Providers(Map.of(), List.of()), new ProviderHealth(3, Duration.ofSeconds(30)), OperationalMetrics.NONE,
                    new RecordingDurableScheduler(), clock, name -> 1, 10, name -> Optional.empty()),
            Runnable::run, looks, looks.transactions(), clock);

    @Test
    void aTurnTakesWhatIsDueInDueOrderAndLeavesWhatIsNot() {
        looks.schedule(SECOND, NOW.minusSeconds(1));
        looks.schedule(FIRST, NOW.minusSeconds(2));
        looks.schedule(new MessageId("m-later"), NOW.plusSeconds(10));

        assertThat(driver.deliverDue(10)).isEqualTo(2);

        assertThat(advanced).containsExactly(List.of(FIRST, SECOND));
        assertThat(looks.remaining()).containsOnlyKeys(new MessageId("m-later"));
    }

    @Test
    void aTurnTakesNoMoreThanItsLimitAndSaysSo() {
        looks.schedule(FIRST, NOW.minusSeconds(3));
        looks.schedule(SECOND, NOW.minusSeconds(2));
        looks.schedule(new MessageId("m-3"), NOW.minusSeconds(1));

        assertThat(driver.deliverDue(2)).as("a full turn: more may be due").isEqualTo(2);
        assertThat(driver.deliverDue(2)).isEqualTo(1);
        assertThat(driver.deliverDue(2)).isZero();
        assertThat(advanced).containsExactly(List.of(FIRST, SECOND), List.of(new MessageId("m-3")));
    }

    @Test
    void severalLooksAtOneMessageAreOneLook() {
        looks.schedule(FIRST, NOW.minusSeconds(2));
        looks.schedule(FIRST, NOW.minusSeconds(1));

        assertThat(driver.deliverDue(10)).isEqualTo(2);
        assertThat(advanced).containsExactly(List.of(FIRST));
    }

    @Test
    void aFailedTurnIsTakenAgainOneByOneAndOnlyTheFailingMessageWaitsWithGrowingBackoff() {
        looks.schedule(FIRST, NOW.minusSeconds(3));
        looks.schedule(BROKEN, NOW.minusSeconds(2));
        looks.schedule(SECOND, NOW.minusSeconds(1));

        driver.deliverDue(10);

        assertThat(advanced).containsExactly(List.of(FIRST, BROKEN, SECOND), List.of(FIRST), List.of(BROKEN), List.of(SECOND));
        assertThat(looks.remaining()).containsOnlyKeys(BROKEN);
        assertThat(looks.failures(BROKEN)).isEqualTo(1);
        Instant retry = looks.remaining().get(BROKEN).get(0);
        assertThat(retry).isBetween(NOW, NOW.plusSeconds(1));

        advanced.clear();
        clock.set(retry);
        driver.deliverDue(10);

        assertThat(advanced).containsExactly(List.of(BROKEN), List.of(BROKEN));
        assertThat(looks.failures(BROKEN)).isEqualTo(2);
        assertThat(looks.remaining().get(BROKEN)).singleElement().satisfies(at -> assertThat(at).isBetween(retry, retry.plusSeconds(2)));
    }

    @Test
    void aQueueThatCannotBeReadFailsTheTurnForTheCallerToWait() {
        DeliveryLooks down = new DeliveryLooks() {
            @Override
            public Taken takeDue(Instant now, int limit) {
                throw new IllegalStateException("the database does not answer");
            }

            @Override
            public Taken takeDue(MessageId message, Instant now) {
                throw new IllegalStateException("the database does not answer");
            }

            @Override
            public int postpone(MessageId message, Instant now, Backoff backoff) {
                throw new IllegalStateException("the database does not answer");
            }
        };
        DeliveryDriver unreadable = new DeliveryDriver(pipeline, null, Runnable::run, down, looks.transactions(), clock);

        assertThatThrownBy(() -> unreadable.deliverDue(10)).hasMessage("the database does not answer");
        assertThat(advanced).isEmpty();
    }
}
