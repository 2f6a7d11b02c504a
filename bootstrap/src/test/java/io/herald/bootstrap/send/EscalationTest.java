package io.herald.bootstrap.send;

import io.herald.application.port.in.RecordEngagementUseCase;
import io.herald.application.port.in.RecordEngagementUseCase.EngagementReport;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.MutableTestClock;
import io.herald.bootstrap.support.TestProviders;
import io.herald.domain.message.MessageId;
import io.herald.persistence.durable.DurableWork;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Escalation: an email not opened within the timeout gives way to the next channel (history ESCALATED).
 * Time moves by hand: two hours pass in a millisecond.
 */
@MicronautTest(transactional = false)
class EscalationTest implements HeraldTest {

    @Inject
    EmbeddedServer server;

    @Inject
    MutableTestClock clock;

    @Inject
    DurableWork durableWork;

    @Inject
    RecordEngagementUseCase engagement;

    private Api api;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of(
                "herald.test.clock", "mutable",
                "herald.test.providers", "true",
                "herald.channels.email.providers", "counting",
                "herald.channels.sms.providers", "counting");
    }

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        TestProviders.reset();
        api = new Api(server.getURI(), API_KEY);
        api.put("/templates/welcome", """
                {"channels": {"email": {"subject": "Welcome", "text": "Hi"}, "sms": {"body": "Did you see our email?"}},
                 "routing": {"method": "single", "channels": ["email", "sms"]}}""");
        api.post("/profiles/alex", "{\"profile\": {\"email\": \"alex@example.org\", \"phone_number\": \"+15550100\"}}");
    }

    private String sendWithEscalation() {
        String id = api.send("""
                {"to": {"user_id": "alex"}, "template": "welcome", "timeout": {"escalation": 7200000, "criteria": "viewed"}}""");
        api.awaitStatus(id, "SENT");
        return id;
    }

    private void twoHoursPass() {
        clock.advance(Duration.ofHours(2).plusSeconds(1));
        durableWork.runDueWorkNow();
    }

    @Test
    void anEmailNotOpenedInTimeEscalatesToSms() {
        String id = sendWithEscalation();
        assertThat(TestProviders.DELIVERIES).extracting(d -> d.channel().wireName()).containsExactly("email");

        twoHoursPass();

        await().atMost(Duration.ofSeconds(10)).until(() -> TestProviders.DELIVERIES.size() == 2);
        assertThat(TestProviders.DELIVERIES.get(1).channel().wireName()).isEqualTo("sms");
        assertThat(TestProviders.DELIVERIES.get(1).address()).isEqualTo("+15550100");
        await().atMost(Duration.ofSeconds(5)).until(() -> Http.texts(api.history(id), "type").stream().filter("SENT"::equals).count() == 2);
        var history = api.history(id);
        assertThat(Http.texts(history, "type")).containsSubsequence("SENT", "ESCALATED", "RENDERED", "SENT");
        var escalated = history.get(Http.texts(history, "type").indexOf("ESCALATED"));
        assertThat(escalated.path("channel").asText()).isEqualTo("email");
        assertThat(escalated.path("next_channel").asText()).isEqualTo("sms");
        assertThat(escalated.path("criteria").asText()).isEqualTo("viewed");
    }

    @Test
    void anEmailOpenedInTimeDoesNotEscalate() {
        String id = sendWithEscalation();
        clock.advance(Duration.ofMinutes(30));
        assertThat(engagement.record(new EngagementReport("counting", Optional.of(new MessageId(id)), Optional.empty(),
                RecordEngagementUseCase.Kind.OPENED, clock.now(), Optional.empty()))).isTrue();
        assertThat(api.history(id).toString()).contains("OPENED");
        assertThat(api.message(id).path("status").asText()).isEqualTo("OPENED");

        twoHoursPass();

        assertThat(api.awaitStatus(id, "OPENED").path("opened").asLong()).isEqualTo(clock.now().minus(Duration.ofHours(2).plusSeconds(1)).toEpochMilli());
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> TestProviders.DELIVERIES.size() == 1);
        assertThat(Http.texts(api.history(id), "type")).doesNotContain("ESCALATED");
    }

    @Test
    void beforeTheTimeoutNothingEscalates() {
        String id = sendWithEscalation();

        clock.advance(Duration.ofMinutes(119));
        durableWork.runDueWorkNow();

        await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(2)).until(() -> TestProviders.DELIVERIES.size() == 1);
        assertThat(Http.texts(api.history(id), "type")).doesNotContain("ESCALATED");
    }
}
