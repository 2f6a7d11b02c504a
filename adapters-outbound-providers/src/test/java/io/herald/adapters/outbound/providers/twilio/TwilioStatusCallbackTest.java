package io.herald.adapters.outbound.providers.twilio;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioStatusCallbackTest {

    @Test
    void addsHeraldsMessageIdAsTheOnlyQueryParameter() {
        assertThat(TwilioStatusCallback.url("https://herald.example.com/webhooks/twilio/status", "1-019a2b3c4d5e-0011223344556677"))
                .isEqualTo("https://herald.example.com/webhooks/twilio/status?herald_message_id=1-019a2b3c4d5e-0011223344556677");
    }

    @Test
    void appendsToAQueryTheOperatorConfigured() {
        assertThat(TwilioStatusCallback.url("https://herald.example.com/webhooks/twilio/status?tenant=acme", "1-abc"))
                .isEqualTo("https://herald.example.com/webhooks/twilio/status?tenant=acme&herald_message_id=1-abc");
    }

    @Test
    void encodesAnIdThatIsNotUrlSafe() {
        assertThat(TwilioStatusCallback.url("https://herald.example.com/s", "a b&c"))
                .isEqualTo("https://herald.example.com/s?herald_message_id=a+b%26c");
    }
}
