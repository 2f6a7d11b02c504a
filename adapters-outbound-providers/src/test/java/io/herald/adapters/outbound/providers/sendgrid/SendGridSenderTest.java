package io.herald.adapters.outbound.providers.sendgrid;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.herald.adapters.outbound.providers.ClosedPort;
import io.herald.adapters.outbound.providers.DeliveryResults;
import io.herald.application.port.out.ChannelSender.Delivery;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.message.MessageId;
import io.herald.domain.routing.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendGridSenderTest {

    private static final String API_KEY = "SG.test-api-key";
    private static final MessageId MESSAGE_ID = new MessageId("1-019a2b3c4d5e-0011223344556677");

    @RegisterExtension
    static WireMockExtension sendGridApi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<SendGridSender> senders = new ArrayList<>();

    @AfterEach
    void closeSenders() throws IOException {
        for (SendGridSender sender : senders) {
            sender.close();
        }
    }

    @Test
    void postsTheRenderedEmailToMailSendWithTheApiKeyAndHeraldsMessageId() {
        sendGridApi.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-4f1c")));

        DeliveryResult result = sender(sendGridApi.baseUrl()).send(email(Map.of()));

        assertThat(result).isEqualTo(new DeliveryResult.Sent("sg-4f1c"));
        sendGridApi.verify(1, postRequestedFor(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {
                          "personalizations": [{"to": [{"email": "ada@example.com"}]}],
                          "from": {"email": "noreply@herald.example", "name": "Herald Team"},
                          "subject": "Welcome, Ada",
                          "content": [
                            {"type": "text/plain", "value": "Hi Ada"},
                            {"type": "text/html", "value": "<p>Hi Ada</p>"}
                          ],
                          "custom_args": {"herald_message_id": "1-019a2b3c4d5e-0011223344556677"}
                        }
                        """)));
    }

    @Test
    void anEmailOfferingOneClickUnsubscribeCarriesBothHeaders() {
        sendGridApi.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-5")));
        Delivery delivery = new Delivery(MESSAGE_ID, Channel.EMAIL, "ada@example.com", List.of(), Map.of("subject", "News", "text", "Hi",
                "headers", Map.of("List-Unsubscribe", "<https://herald.example/unsubscribe?u=ada&t=news&s=x>",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")), Map.of(), Map.of());

        assertThat(sender(sendGridApi.baseUrl()).send(delivery)).isEqualTo(new DeliveryResult.Sent("sg-5"));

        sendGridApi.verify(postRequestedFor(urlEqualTo("/v3/mail/send"))
                .withRequestBody(matchingJsonPath("$.headers.List-Unsubscribe", equalTo("<https://herald.example/unsubscribe?u=ada&t=news&s=x>")))
                .withRequestBody(matchingJsonPath("$.headers.List-Unsubscribe-Post", equalTo("List-Unsubscribe=One-Click"))));
    }

    @Test
    void mergesTheOverrideIntoTheMailButKeepsHeraldsMessageIdForTheEventWebhook() {
        sendGridApi.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-77")));
        Map<String, Object> override = Map.of(
                "ip_pool_name", "transactional",
                "categories", List.of("onboarding"),
                "custom_args", Map.of("campaign", "welcome", "herald_message_id", "forged"),
                // Courier's shape: the provider's request fields under "body".
                "body", Map.of(
                        "reply_to", Map.of("email", "support@herald.example"),
                        "tracking_settings", Map.of("click_tracking", Map.of("enable", false))));

        DeliveryResult result = sender(sendGridApi.baseUrl()).send(email(override));

        assertThat(result).isEqualTo(new DeliveryResult.Sent("sg-77"));
        sendGridApi.verify(postRequestedFor(urlEqualTo("/v3/mail/send"))
                .withRequestBody(matchingJsonPath("$.ip_pool_name", equalTo("transactional")))
                .withRequestBody(matchingJsonPath("$.categories[0]", equalTo("onboarding")))
                .withRequestBody(matchingJsonPath("$.reply_to.email", equalTo("support@herald.example")))
                .withRequestBody(matchingJsonPath("$.tracking_settings.click_tracking.enable", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.custom_args.campaign", equalTo("welcome")))
                .withRequestBody(matchingJsonPath("$.custom_args.herald_message_id", equalTo(MESSAGE_ID.value())))
                .withRequestBody(matchingJsonPath("$.subject", equalTo("Welcome, Ada")))
                .withRequestBody(matchingJsonPath("$.body", absent())));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "500, TransientFailure",
            "503, TransientFailure",
            "429, TransientFailure",
            "400, PermanentFailure",
            "401, PermanentFailure",
            "403, PermanentFailure",
    })
    void classifiesSendGridRefusalsByStatus(int status, String expected) {
        sendGridApi.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"message\":\"refused for the test\",\"field\":null,\"help\":null}]}")));

        DeliveryResult result = sender(sendGridApi.baseUrl()).send(email(Map.of()));

        assertThat(result.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(error(result)).isEqualTo("sendgrid " + status + ": refused for the test");
    }

    @Test
    void explainsAnInvalidRecipientWithSendGridsMessageAndField() {
        sendGridApi.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(400).withBody("""
                {"errors":[{"message":"Does not contain a valid address.","field":"personalizations.0.to.0.email","help":null}]}""")));

        DeliveryResult result = sender(sendGridApi.baseUrl()).send(email(Map.of()));

        assertThat(result).isEqualTo(new DeliveryResult.PermanentFailure(
                "sendgrid 400: Does not contain a valid address. (personalizations.0.to.0.email)", 400));
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutMayPass() {
        sendGridApi.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202).withFixedDelay(2_000)));
        SendGridSettings settings = settings(sendGridApi.baseUrl(), "Herald Team <noreply@herald.example>", Duration.ofMillis(300));

        DeliveryResult result = sender(settings).send(email(Map.of()));

        assertThat(result).isInstanceOf(DeliveryResult.TransientFailure.class);
        assertThat(error(result)).startsWith("sendgrid: no answer in time");
    }

    @Test
    void aRefusedConnectionMayPass() {
        DeliveryResult result = sender(ClosedPort.baseUrl()).send(email(Map.of()));

        assertThat(result).isInstanceOf(DeliveryResult.TransientFailure.class);
        assertThat(error(result)).startsWith("sendgrid: request failed").contains("Connection refused").doesNotContain(API_KEY);
    }

    @Test
    void aBaseUrlWithAPathSendsThroughThatPrefix() {
        sendGridApi.stubFor(post("/proxy/sendgrid/v3/mail/send").willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-9")));

        DeliveryResult result = sender(sendGridApi.baseUrl() + "/proxy/sendgrid/").send(email(Map.of()));

        assertThat(result).isEqualTo(new DeliveryResult.Sent("sg-9"));
    }

    @Test
    void refusesAFromThatIsNotAnEmailAddressAtStartup() {
        SendGridSettings settings = settings(sendGridApi.baseUrl(), "Herald Team", Duration.ofSeconds(30));

        assertThatThrownBy(() -> new SendGridSender(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("herald.providers.sendgrid.from");
    }

    private SendGridSender sender(String baseUrl) {
        return sender(settings(baseUrl));
    }

    private SendGridSender sender(SendGridSettings settings) {
        SendGridSender sender = new SendGridSender(settings);
        senders.add(sender);
        return sender;
    }

    private static SendGridSettings settings(String baseUrl) {
        return settings(baseUrl, "Herald Team <noreply@herald.example>", Duration.ofSeconds(30));
    }

    private static SendGridSettings settings(String baseUrl, String from, Duration readTimeout) {
        return new SendGridSettings(API_KEY, from, baseUrl, Duration.ofSeconds(10), readTimeout, null, Duration.ofMinutes(10));
    }

    private static Delivery email(Map<String, Object> override) {
        return new Delivery(MESSAGE_ID, Channel.EMAIL, "ada@example.com", List.of(),
                Map.of("subject", "Welcome, Ada", "html", "<p>Hi Ada</p>", "text", "Hi Ada"), override, Map.of());
    }

    private static String error(DeliveryResult result) {
        return DeliveryResults.error(result);
    }
}
