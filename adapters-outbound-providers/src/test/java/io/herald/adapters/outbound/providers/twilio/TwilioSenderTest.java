package io.herald.adapters.outbound.providers.twilio;

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
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class TwilioSenderTest {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    private static final String AUTH_TOKEN = "test-auth-token";
    private static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    private static final String MESSAGE_SID = "SM0123456789abcdef0123456789abcdef";
    private static final MessageId MESSAGE_ID = new MessageId("1-019a2b3c4d5e-0011223344556677");

    @RegisterExtension
    static WireMockExtension twilioApi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<TwilioSender> senders = new ArrayList<>();

    @AfterEach
    void closeSenders() throws IOException {
        for (TwilioSender sender : senders) {
            sender.close();
        }
    }

    @Test
    void createsTheMessageWithBasicAuthTheSenderAndAStatusCallbackNamingTheMessage() {
        twilioApi.stubFor(post(MESSAGES_PATH).willReturn(created()));

        DeliveryResult result = sender(settings(twilioApi.baseUrl())).send(sms(Map.of("validityPeriod", 600)));

        assertThat(result).isEqualTo(new DeliveryResult.Sent(MESSAGE_SID));
        twilioApi.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(ACCOUNT_SID, AUTH_TOKEN))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded; charset=UTF-8"))
                .withFormParam("To", equalTo("+15555550100"))
                .withFormParam("From", equalTo("+15555550199"))
                .withFormParam("Body", equalTo("Your code is 123456"))
                .withFormParam("StatusCallback", equalTo(
                        "https://herald.example.com/webhooks/twilio/status?herald_message_id=1-019a2b3c4d5e-0011223344556677"))
                .withFormParam("ValidityPeriod", equalTo("600"))
                .withFormParam("MessagingServiceSid", absent()));
    }

    @Test
    void sendsThroughAMessagingServiceWhenNoNumberIsConfigured() {
        twilioApi.stubFor(post(MESSAGES_PATH).willReturn(created()));
        TwilioSettings settings = new TwilioSettings(ACCOUNT_SID, AUTH_TOKEN, null, "MG00000000000000000000000000000002",
                twilioApi.baseUrl(), null, Duration.ofSeconds(30));

        DeliveryResult result = sender(settings).send(sms(Map.of()));

        assertThat(result).isEqualTo(new DeliveryResult.Sent(MESSAGE_SID));
        twilioApi.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH))
                .withFormParam("MessagingServiceSid", equalTo("MG00000000000000000000000000000002"))
                .withFormParam("From", absent())
                .withFormParam("StatusCallback", absent()));
    }

    @Test
    void theOverrideReachesTwilioInCourierShapeWithTwiliosParameterNames() {
        twilioApi.stubFor(post(MESSAGES_PATH).willReturn(created()));
        Map<String, Object> override = Map.of("body", Map.of(
                "StatusCallback", "https://hooks.example.com/sms-status",
                "MaxPrice", "0.05",
                "SmartEncoded", true,
                "From", "+15555550123",
                "MessagingServiceSid", "MG00000000000000000000000000000003"));

        DeliveryResult result = sender(settings(twilioApi.baseUrl())).send(sms(override));

        assertThat(result).isEqualTo(new DeliveryResult.Sent(MESSAGE_SID));
        twilioApi.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH))
                .withFormParam("StatusCallback", equalTo("https://hooks.example.com/sms-status"))
                .withFormParam("MaxPrice", equalTo("0.05"))
                .withFormParam("SmartEncoded", equalTo("true"))
                .withFormParam("From", equalTo("+15555550123"))
                .withFormParam("MessagingServiceSid", equalTo("MG00000000000000000000000000000003")));
    }

    @Test
    void anOverrideFieldTwilioCannotBeGivenFailsForGoodWithoutCallingTwilio() {
        DeliveryResult result = sender(settings(twilioApi.baseUrl())).send(sms(Map.of("validityPeriod", 600, "maxprice", 1)));

        assertThat(result).isEqualTo(new DeliveryResult.PermanentFailure("twilio: override [maxprice] is not supported "
                + "(supported: from, messagingServiceSid, statusCallback, validityPeriod, maxPrice, smartEncoded)"));
        twilioApi.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aValidityPeriodThatIsNotAWholeNumberFailsForGood() {
        DeliveryResult result = sender(settings(twilioApi.baseUrl())).send(sms(Map.of("validityPeriod", "an hour")));

        assertThat(result).isEqualTo(new DeliveryResult.PermanentFailure(
                "twilio: override validityPeriod must be a whole number, not an hour"));
    }

    @Test
    void anInvalidToNumberFailsForGoodWithTwiliosCodeAndMessage() {
        twilioApi.stubFor(post(MESSAGES_PATH).willReturn(twilioError(400, 21211, "The 'To' number +1555 is not a valid phone number.")));

        DeliveryResult result = sender(settings(twilioApi.baseUrl())).send(sms(Map.of()));

        assertThat(result).isEqualTo(new DeliveryResult.PermanentFailure("twilio 21211: The 'To' number +1555 is not a valid phone number.", 400));
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
            "400, 21610, PermanentFailure",
            "400, 21614, PermanentFailure",
            "401, 20003, PermanentFailure",
            "404, 20404, PermanentFailure",
            "429, 20429, TransientFailure",
            "400, 21611, TransientFailure",
            "500, 20500, TransientFailure",
            "503, 20503, TransientFailure",
    })
    void classifiesTwilioErrorsByCodeAndStatus(int status, int code, String expected) {
        twilioApi.stubFor(post(MESSAGES_PATH).willReturn(twilioError(status, code, "refused for the test")));

        DeliveryResult result = sender(settings(twilioApi.baseUrl())).send(sms(Map.of()));

        assertThat(result.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(DeliveryResults.error(result)).isEqualTo("twilio " + code + ": refused for the test");
    }

    @Test
    void aServerErrorIsTriedOnceSoThatAMessageTwilioMayHaveSentIsNotRepeatedAtOnce() {
        twilioApi.stubFor(post(MESSAGES_PATH).willReturn(twilioError(503, 20503, "Service unavailable")));

        DeliveryResult result = sender(settings(twilioApi.baseUrl())).send(sms(Map.of()));

        assertThat(result).isInstanceOf(DeliveryResult.TransientFailure.class);
        twilioApi.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)));
    }

    @Test
    void anUnreadableServerErrorMayPass() {
        twilioApi.stubFor(post(MESSAGES_PATH).willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

        DeliveryResult result = sender(settings(twilioApi.baseUrl())).send(sms(Map.of()));

        assertThat(result).isInstanceOf(DeliveryResult.TransientFailure.class);
        assertThat(DeliveryResults.error(result)).startsWith("twilio: unreadable answer");
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutMayPass() {
        twilioApi.stubFor(post(MESSAGES_PATH).willReturn(created().withFixedDelay(2_000)));
        TwilioSettings settings = settings(twilioApi.baseUrl(), Duration.ofMillis(300));

        DeliveryResult result = sender(settings).send(sms(Map.of()));

        assertThat(result).isInstanceOf(DeliveryResult.TransientFailure.class);
        assertThat(DeliveryResults.error(result)).startsWith("twilio: no answer in time");
    }

    @Test
    void aRefusedConnectionMayPass() {
        DeliveryResult result = sender(settings(ClosedPort.baseUrl())).send(sms(Map.of()));

        assertThat(result).isInstanceOf(DeliveryResult.TransientFailure.class);
        assertThat(DeliveryResults.error(result)).startsWith("twilio: request failed").doesNotContain(AUTH_TOKEN);
    }

    @Test
    void aBaseUrlWithAPathSendsThroughThatPrefix() {
        twilioApi.stubFor(post("/proxy/twilio" + MESSAGES_PATH).willReturn(created()));

        DeliveryResult result = sender(settings(twilioApi.baseUrl() + "/proxy/twilio/")).send(sms(Map.of()));

        assertThat(result).isEqualTo(new DeliveryResult.Sent(MESSAGE_SID));
    }

    private TwilioSender sender(TwilioSettings settings) {
        TwilioSender sender = new TwilioSender(settings);
        senders.add(sender);
        return sender;
    }

    private static TwilioSettings settings(String baseUrl) {
        return settings(baseUrl, Duration.ofSeconds(30));
    }

    private static TwilioSettings settings(String baseUrl, Duration readTimeout) {
        return new TwilioSettings(ACCOUNT_SID, AUTH_TOKEN, "+15555550199", null, baseUrl,
                "https://herald.example.com/webhooks/twilio/status", readTimeout);
    }

    private static Delivery sms(Map<String, Object> override) {
        return new Delivery(MESSAGE_ID, Channel.SMS, "+15555550100", List.of(), Map.of("body", "Your code is 123456"), override, Map.of());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                {"sid": "%s", "account_sid": "%s", "to": "+15555550100", "from": "+15555550199",
                 "body": "Your code is 123456", "status": "queued", "num_segments": "1"}""".formatted(MESSAGE_SID, ACCOUNT_SID));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder twilioError(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}"""
                .formatted(code, message, code, status));
    }
}
