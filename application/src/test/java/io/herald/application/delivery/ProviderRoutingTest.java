package io.herald.application.delivery;

import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageReason;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provider names in {@code routing.channels}, as Courier allows: a leaf naming {@code sendgrid} is email through SendGrid
 * only, ahead of the channel's configured order and without failing over to the channel's other providers; a leaf whose
 * provider is not configured for its channel is left out of the routing like a channel without providers.
 */
class ProviderRoutingTest {

    private final ScriptedSender console = ScriptedSender.local("console", Channel.EMAIL, Channel.SMS);
    private final ScriptedSender sendgrid = ScriptedSender.local("sendgrid", Channel.EMAIL);
    private final DeliveryFixture herald = DeliveryFixture.builder()
            .channel(Channel.EMAIL, console, sendgrid)
            .channel(Channel.SMS, console)
            .build();

    ProviderRoutingTest() {
        herald.profile("alex", Map.of("email", "alex@example.org", "phone_number", "+15550100"));
        herald.template("welcome", Map.of("channels", Map.of("email", Map.of("subject", "Hi", "text", "Hello"), "sms", Map.of("body", "Hello"))));
    }

    @AfterEach
    void stop() {
        herald.close();
    }

    private MessageId send(Object... channels) {
        return herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome",
                "routing", Map.of("method", "single", "channels", List.of(channels))));
    }

    @Test
    void aLeafNamingAProviderIsSentThroughThatProvider_notTheChannelsFirst() {
        MessageId id = send("sendgrid");
        herald.runDueJobs();

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(herald.message(id).provider()).contains("sendgrid");
        assertThat(console.calls()).isZero();
    }

    @Test
    void aPinnedProviderThatFailsDoesNotFailOverWithinTheChannel_theRoutingMovesOn() {
        sendgrid.answers(new DeliveryResult.PermanentFailure("400 does not contain a valid address", 400));
        MessageId id = send("sendgrid", "sms");
        herald.runDueJobs();

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(herald.message(id).channel()).contains(Channel.SMS);
        assertThat(console.deliveries()).extracting(delivery -> delivery.channel()).containsExactly(Channel.SMS);
    }

    @Test
    void aProviderNotConfiguredForItsChannelIsLeftOut_andWithNothingLeftTheMessageHasNoProvider() {
        MessageId fallsThrough = send("twilio", "email");
        herald.runDueJobs();
        assertThat(herald.message(fallsThrough).status()).isEqualTo(MessageStatus.SENT);
        assertThat(herald.message(fallsThrough).provider()).contains("console");

        MessageId nowhere = send("twilio");
        herald.runDueJobs();
        assertThat(herald.message(nowhere).status()).isEqualTo(MessageStatus.UNROUTABLE);
        assertThat(herald.message(nowhere).reason()).contains(MessageReason.NO_PROVIDERS);
    }
}
