package io.herald.adapters.outbound.providers.twilio;

import io.herald.domain.message.MessageId;
import io.micronaut.http.HttpRequest;
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

    @Test
    void readsHeraldsMessageIdBackFromTheCallbackItBuilt() {
        String url = TwilioStatusCallback.url("https://herald.example.com/webhooks/twilio/status?tenant=acme", "1-019a2b3c4d5e-0011223344556677");

        assertThat(TwilioStatusCallback.messageId(HttpRequest.POST(url, "")))
                .contains(new MessageId("1-019a2b3c4d5e-0011223344556677"));
        assertThat(TwilioStatusCallback.messageId(HttpRequest.POST("/webhooks/twilio/status", ""))).isEmpty();
    }

    @Test
    void theSignedUrlIsTheConfiguredOneWithTheQueryTwilioCalled() {
        HttpRequest<?> callback = HttpRequest.POST("/webhooks/twilio/status?herald_message_id=1-abc", "").header("Host", "10.0.0.7:8080");

        assertThat(TwilioStatusCallback.signedUrl("https://herald.example.com/webhooks/twilio/status", callback))
                .isEqualTo(TwilioStatusCallback.url("https://herald.example.com/webhooks/twilio/status", "1-abc"));
    }

    @Test
    void aConfiguredUrlWithAQueryOfItsOwnIsSignedAsTwilioCalledIt() {
        String configured = "https://herald.example.com/webhooks/twilio/status?tenant=acme";
        String called = TwilioStatusCallback.url(configured, "1-abc");
        HttpRequest<?> callback = HttpRequest.POST(called.substring("https://herald.example.com".length()), "").header("Host", "10.0.0.7:8080");

        assertThat(TwilioStatusCallback.signedUrl(configured, callback)).isEqualTo(called);
    }

    @Test
    void withoutAConfiguredUrlTheSignedUrlIsTheOneTheRequestNames() {
        HttpRequest<?> callback = HttpRequest.POST("/webhooks/twilio/status?herald_message_id=1-abc", "")
                .header("Host", "herald.example.com").header("X-Forwarded-Proto", "https");

        assertThat(TwilioStatusCallback.signedUrl(null, callback))
                .isEqualTo("https://herald.example.com/webhooks/twilio/status?herald_message_id=1-abc");
        assertThat(TwilioStatusCallback.signedUrl(" ", HttpRequest.POST("/webhooks/twilio/status", "").header("Host", "h:8080")))
                .isEqualTo("http://h:8080/webhooks/twilio/status");
    }
}
