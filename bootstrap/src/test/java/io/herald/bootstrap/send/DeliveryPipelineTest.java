package io.herald.bootstrap.send;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.Sql;
import io.herald.bootstrap.support.TestProviders;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries, provider failover and channel fall-through, with remote test providers that fail on purpose:
 * email goes to {@code flaky} then {@code rejecting} then {@code counting}; SMS to {@code rejecting}.
 */
@MicronautTest(transactional = false)
class DeliveryPipelineTest implements HeraldTest {

    @Inject
    EmbeddedServer server;

    private Api api;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of(
                "herald.test.providers", "true",
                "herald.channels.email.providers", "flaky,rejecting,counting",
                "herald.channels.sms.providers", "rejecting",
                "herald.channels.push.providers", "counting",
                "herald.delivery.attempts-per-provider", "3",
                "herald.delivery.first-retry-delay", "50ms",
                // Circuits have tests of their own; here a provider failing across tests must not open one.
                "herald.delivery.circuit.failures", "1000",
                "herald.scheduler.polling-interval", "100ms");
    }

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        TestProviders.reset();
        api = new Api(server.getURI(), API_KEY);
    }

    private String sendEmail(String extra) {
        return api.send("{\"to\": {\"email\": \"pat@example.org\", \"phone_number\": \"+15550123\"}, "
                + "\"content\": {\"title\": \"Hi\", \"body\": \"Hello\"}" + extra + "}");
    }

    @Test
    void transientFailuresAreRetriedWithBackoffThenTheProviderSucceeds() {
        String id = sendEmail("");

        JsonNode message = api.awaitStatus(id, "SENT");
        assertThat(message.path("provider").asText()).isEqualTo("flaky");
        assertThat(TestProviders.calls("flaky", id)).isEqualTo(3);
        assertThat(TestProviders.calls("rejecting", id)).isZero();
        assertThat(Sql.count("SELECT count(*) FROM delivery_attempts WHERE message_id = ? AND outcome = 'TRANSIENT'", id)).isEqualTo(2);
    }

    @Test
    void aProviderThatKeepsFailingIsFailedOverPastAPermanentRejectionToTheNext() {
        TestProviders.FLAKY_FAILURES_BEFORE_SUCCESS.set(100);

        String id = sendEmail("");

        JsonNode message = api.awaitStatus(id, "SENT");
        assertThat(message.path("provider").asText()).isEqualTo("counting");
        assertThat(TestProviders.calls("flaky", id)).isEqualTo(3);
        assertThat(TestProviders.calls("rejecting", id)).isEqualTo(1);
        assertThat(TestProviders.calls("counting", id)).isEqualTo(1);
    }

    @Test
    void aChannelWhoseProvidersAllFailFallsThroughToTheNextChannel() {
        String id = sendEmail(", \"routing\": {\"method\": \"single\", \"channels\": [\"sms\", \"email\"]}");

        JsonNode message = api.awaitStatus(id, "SENT");
        assertThat(message.path("channel").asText()).isEqualTo("email");
        assertThat(TestProviders.calls("rejecting", id)).as("sms tried once: a permanent error is not retried").isEqualTo(1);
        assertThat(Http.texts(api.history(id), "type")).contains("SENT").doesNotContain("UNDELIVERABLE");
    }

    @Test
    void whenEveryChannelAndProviderIsExhaustedTheMessageIsUndeliverableWithTheLastError() {
        String id = sendEmail(", \"routing\": {\"method\": \"single\", \"channels\": [\"sms\"]}");

        JsonNode message = api.awaitStatus(id, "UNDELIVERABLE");
        assertThat(message.path("reason").asText()).isEqualTo("PROVIDER_ERROR");
        assertThat(message.path("error").asText()).isEqualTo("rejecting: 400 invalid address");
    }

    @Test
    void theSendCanNarrowAChannelToSomeOfItsProvidersAndPassProviderFields() {
        String id = sendEmail(", \"channels\": {\"email\": {\"providers\": [\"counting\"]}}, "
                + "\"providers\": {\"counting\": {\"override\": {\"ip_pool\": \"transactional\"}}}");

        assertThat(api.awaitStatus(id, "SENT").path("provider").asText()).isEqualTo("counting");
        assertThat(TestProviders.calls("flaky", id)).isZero();
        assertThat(TestProviders.DELIVERIES).filteredOn(d -> d.messageId().value().equals(id))
                .singleElement().satisfies(delivery -> {
                    assertThat(delivery.override()).containsEntry("ip_pool", "transactional");
                    assertThat(delivery.address()).isEqualTo("pat@example.org");
                    assertThat(delivery.content()).containsEntry("subject", "Hi");
                });
    }

    @Test
    void pushGoesToTheUsersUsableTokens() {
        api.put("/users/pat/tokens/fcm-1", "{\"provider_key\": \"firebase-fcm\"}");
        api.put("/users/pat/tokens/fcm-old", "{\"provider_key\": \"firebase-fcm\", \"expiry_date\": \"2020-01-01T00:00:00Z\"}");

        String id = api.send("{\"to\": {\"user_id\": \"pat\"}, \"content\": {\"title\": \"Hi\", \"body\": \"Hello\"}, "
                + "\"routing\": {\"method\": \"single\", \"channels\": [\"push\"]}}");

        assertThat(api.awaitStatus(id, "SENT").path("channel").asText()).isEqualTo("push");
        assertThat(TestProviders.DELIVERIES).filteredOn(d -> d.messageId().value().equals(id))
                .singleElement().satisfies(delivery -> assertThat(delivery.pushTokens()).containsExactly("fcm-1"));
    }
}
