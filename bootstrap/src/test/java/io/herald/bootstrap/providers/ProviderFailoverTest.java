package io.herald.bootstrap.providers;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.ProviderStubs;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover with the real SendGrid and Twilio SDKs against stubs of their APIs: retries, then the next provider
 * of the channel; a permanent error, then the next channel. Each stub's request count shows nothing was sent twice.
 */
@MicronautTest(transactional = false)
class ProviderFailoverTest implements HeraldTest {

    private static final ProviderStubs PROVIDERS = new ProviderStubs();

    @Inject
    EmbeddedServer server;

    private Api api;

    @Override
    public Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(PROVIDERS.heraldProperties());
        properties.put("herald.delivery.attempts-per-provider", "3");
        properties.put("herald.delivery.first-retry-delay", "50ms");
        // Circuits have tests of their own; here a provider failing across tests must not open one.
        properties.put("herald.delivery.circuit.failures", "1000");
        properties.put("herald.scheduler.polling-interval", "100ms");
        return properties;
    }

    @AfterAll
    void stopStubs() {
        PROVIDERS.close();
    }

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        PROVIDERS.reset();
        api = new Api(server.getURI(), API_KEY);
        api.put("/templates/alert", """
                {"channels": {"email": {"subject": "Alert", "text": "Something happened"}, "sms": {"body": "Something happened"}}}""");
        api.post("/profiles/alex", "{\"profile\": {\"email\": \"alex@example.org\", \"phone_number\": \"+15550100\"}}");
    }

    @Test
    void sendGridAnsweringServerErrorsIsRetriedThenFailedOverToTheSecondEmailProvider() {
        PROVIDERS.sendGridAnswers(aResponse().withStatus(500).withBody("{\"errors\": [{\"message\": \"internal\"}]}"));

        String id = api.send("{\"to\": {\"user_id\": \"alex\"}, \"template\": \"alert\"}");

        JsonNode message = api.awaitStatus(id, "SENT");
        assertThat(message.path("provider").asText()).isEqualTo("console");
        assertThat(PROVIDERS.sendGridRequests()).hasSize(3);
        assertThat(PROVIDERS.twilioRequests()).isEmpty();
    }

    @Test
    void aProviderThatTimesOutIsRetriedThenFailedOver() {
        PROVIDERS.sendGridAnswers(aResponse().withStatus(202).withHeader("X-Message-Id", "slow").withFixedDelay(2_000));

        String id = api.send("{\"to\": {\"user_id\": \"alex\"}, \"template\": \"alert\"}");

        assertThat(api.awaitStatus(id, "SENT").path("provider").asText()).isEqualTo("console");
        assertThat(PROVIDERS.sendGridRequests()).hasSize(3);
    }

    @Test
    void aPermanentTwilioErrorFailsOverToTheNextChannel() {
        PROVIDERS.twilioRefuses(400, 21211, "The 'To' number +15550100 is not a valid phone number.");

        String id = api.send("""
                {"to": {"user_id": "alex"}, "template": "alert", "routing": {"method": "single", "channels": ["sms", "email"]}}""");

        JsonNode message = api.awaitStatus(id, "SENT");
        assertThat(message.path("channel").asText()).isEqualTo("email");
        assertThat(message.path("provider").asText()).isEqualTo("sendgrid");
        assertThat(PROVIDERS.twilioRequests()).as("a permanent error is not retried").hasSize(1);
        assertThat(PROVIDERS.sendGridRequests()).hasSize(1);
        JsonNode mail = ProviderStubs.json(PROVIDERS.sendGridRequests().get(0));
        assertThat(mail.path("personalizations").get(0).path("to").get(0).path("email").asText()).isEqualTo("alex@example.org");
        assertThat(mail.path("custom_args").path("herald_message_id").asText()).isEqualTo(id);
    }

    @Test
    void twilioGetsTheStatusCallbackCarryingTheMessageIdAndTheSendsOverrides() {
        String id = api.send("""
                {"to": {"user_id": "alex"}, "template": "alert", "routing": {"method": "single", "channels": ["sms"]},
                 "providers": {"twilio": {"override": {"validityPeriod": 600}}}}""");

        assertThat(api.awaitStatus(id, "SENT").path("provider").asText()).isEqualTo("twilio");
        Map<String, String> form = ProviderStubs.form(PROVIDERS.twilioRequests().get(0));
        assertThat(form).containsEntry("To", "+15550100").containsEntry("Body", "Something happened")
                .containsEntry("StatusCallback", ProviderStubs.TWILIO_CALLBACK_URL + "?herald_message_id=" + id)
                .containsEntry("ValidityPeriod", "600");
    }

    @Test
    void whenEveryProviderAndChannelFailsTheMessageIsUndeliverableWithTheLastError() {
        PROVIDERS.twilioRefuses(400, 21614, "'To' number is not a valid mobile number");

        String id = api.send("""
                {"to": {"user_id": "alex"}, "template": "alert", "routing": {"method": "single", "channels": ["sms"]}}""");

        JsonNode message = api.awaitStatus(id, "UNDELIVERABLE");
        assertThat(message.path("reason").asText()).isEqualTo("PROVIDER_ERROR");
        assertThat(message.path("error").asText()).contains("21614");
    }
}
