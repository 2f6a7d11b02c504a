package io.herald.adapters.inbound.rest.operations;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.RecordingFake.Call;
import io.herald.adapters.inbound.rest.fakes.RecordingRedrive;
import io.herald.adapters.inbound.rest.support.Json;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.application.port.in.RedriveUseCase.MessageFilter;
import io.herald.application.port.in.RedriveUseCase.Window;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.herald.adapters.inbound.rest.support.Api.asAdmin;
import static io.herald.adapters.inbound.rest.support.ApiErrors.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class RedriveControllerTest extends ApiTest {

    private static final Window ANY_TIME = new Window(Optional.empty(), Optional.empty());

    @Inject
    RecordingRedrive redrive;

    @Test
    void withoutABodyEveryUndeliverableMessageIsRedriven() {
        Reply reply = api.send(asAdmin(HttpRequest.POST("/messages/redrive", "")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Json.parse("{\"redriven\": " + RecordingRedrive.REDRIVEN + "}"));
        assertThat(redrive.onlyCall("redriveMessages").arguments()).containsExactly(
                new MessageFilter(MessageStatus.UNDELIVERABLE, Optional.empty(), Optional.empty(), Optional.empty(), ANY_TIME));
    }

    @Test
    void everyMessageFilterIsPassedOnWithTimesInEitherForm() {
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        Instant to = Instant.parse("2026-03-02T00:00:00Z");

        api.post("/messages/redrive", """
                {"status": "unroutable", "provider": "sendgrid", "channel": "EMAIL", "template": "welcome",
                 "from": "2026-03-01T00:00:00Z", "to": %d}""".formatted(to.toEpochMilli()));

        assertThat(redrive.onlyCall("redriveMessages").arguments()).containsExactly(new MessageFilter(MessageStatus.UNROUTABLE,
                Optional.of("sendgrid"), Optional.of(Channel.EMAIL), Optional.of("welcome"), new Window(Optional.of(from), Optional.of(to))));
    }

    @Test
    void onlyMessagesThatGaveUpCanBeRedriven() {
        assertBadRequest(api.post("/messages/redrive", "{\"status\": \"SENT\"}"), "status must be UNDELIVERABLE or UNROUTABLE");
        assertBadRequest(api.post("/messages/redrive", "{\"status\": \"lost\"}"), "status must be UNDELIVERABLE or UNROUTABLE");
        assertThat(redrive.calls()).isEmpty();
    }

    @Test
    void badFiltersAreRefused() {
        assertBadRequest(api.post("/messages/redrive", "{\"channel\": \"fax\"}"), "channel must be one of [email, sms, push, inbox]");
        assertBadRequest(api.post("/messages/redrive", "{\"from\": \"yesterday\"}"),
                "from must be an ISO-8601 time (2026-12-01T09:00:00Z) or epoch milliseconds");
        assertBadRequest(api.post("/inbound/events/redrive", "{\"from\": \"2026-03-02T00:00:00Z\", \"to\": \"2026-03-01T00:00:00Z\"}"),
                "from must be before to");
        assertThat(redrive.calls()).isEmpty();
    }

    @Test
    void failedInboundEventsAreRedrivenByType() {
        Reply reply = api.post("/inbound/events/redrive", "{\"type\": \"track\", \"from\": 1772409600000}");

        assertThat(reply.json()).isEqualTo(Json.parse("{\"redriven\": " + RecordingRedrive.REDRIVEN + "}"));
        assertThat(redrive.onlyCall("redriveInboundEvents").arguments()).containsExactly(
                new Window(Optional.of(Instant.ofEpochMilli(1772409600000L)), Optional.empty()), Optional.of("track"));
    }

    @Test
    void failedAutomationRunsAreRedrivenByAutomation() {
        Reply withBody = api.post("/automations/runs/redrive", "{\"automation_id\": \"welcome-series\"}");
        Reply bare = api.send(asAdmin(HttpRequest.POST("/automations/runs/redrive", "")));

        assertThat(withBody.status()).isEqualTo(200);
        assertThat(bare.status()).isEqualTo(200);
        assertThat(redrive.calls()).extracting(Call::arguments).containsExactly(
                List.of(ANY_TIME, Optional.of("welcome-series")), List.of(ANY_TIME, Optional.empty()));
    }
}
