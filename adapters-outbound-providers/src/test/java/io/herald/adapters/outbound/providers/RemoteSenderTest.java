package io.herald.adapters.outbound.providers;

import io.herald.application.port.out.ChannelSender.Delivery;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.message.MessageId;
import io.herald.domain.routing.Channel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline calls remote providers outside a transaction and relies on them never throwing. */
class RemoteSenderTest {

    private static final Delivery DELIVERY = new Delivery(new MessageId("1-019a2b3c4d5e-0011223344556677"),
            Channel.SMS, "+15555550100", List.of(), Map.of("body", "hi"), Map.of(), Map.of());

    @Test
    void describesItselfAsOneRemoteChannel() {
        RemoteSender sender = sender(delivery -> new DeliveryResult.Sent("SM1"));

        assertThat(sender.name()).isEqualTo("stub");
        assertThat(sender.channels()).containsExactly(Channel.SMS);
        assertThat(sender.local()).isFalse();
    }

    @Test
    void returnsWhatTheAttemptDecided() {
        DeliveryResult permanent = new DeliveryResult.PermanentFailure("stub: invalid number");

        assertThat(sender(delivery -> new DeliveryResult.Sent("SM1")).send(DELIVERY)).isEqualTo(new DeliveryResult.Sent("SM1"));
        assertThat(sender(delivery -> permanent).send(DELIVERY)).isEqualTo(permanent);
    }

    @Test
    void anUnforeseenExceptionBecomesATransientFailureNamingTheProvider() {
        DeliveryResult result = sender(delivery -> {
            throw new IllegalStateException("connection pool shut down");
        }).send(DELIVERY);

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.TransientFailure.class,
                failure -> assertThat(failure.error()).startsWith("stub: ").contains("connection pool shut down"));
    }

    private static RemoteSender sender(Function<Delivery, DeliveryResult> attempt) {
        return new RemoteSender("stub", Channel.SMS) {
            @Override
            protected DeliveryResult attempt(Delivery delivery) {
                return attempt.apply(delivery);
            }
        };
    }
}
