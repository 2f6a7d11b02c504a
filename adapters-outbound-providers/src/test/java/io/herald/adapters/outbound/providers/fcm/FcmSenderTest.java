package io.herald.adapters.outbound.providers.fcm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.herald.adapters.outbound.providers.ClosedPort;
import io.herald.adapters.outbound.providers.DeliveryResults;
import io.herald.application.port.out.ChannelSender.Delivery;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.message.MessageId;
import io.herald.domain.routing.Channel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class FcmSenderTest {

    private static final String PROJECT_ID = "herald-test";
    private static final String SEND_PATH = "/v1/projects/" + PROJECT_ID + "/messages:send";
    private static final String CLIENT_EMAIL = "herald@herald-test.iam.gserviceaccount.com";
    private static final String ACCESS_TOKEN = "ya29.test-access-token";
    private static final MessageId MESSAGE_ID = new MessageId("1-019a2b3c4d5e-0011223344556677");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension google = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    static Path keys;

    private static KeyPair serviceAccountKey;

    @BeforeAll
    static void generateServiceAccountKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        serviceAccountKey = generator.generateKeyPair();
    }

    @Test
    void obtainsAnAccessTokenForTheServiceAccountAndPostsTheMessageToTheDevice() throws Exception {
        google.stubFor(post("/token").willReturn(accessToken()));
        google.stubFor(post(SEND_PATH).willReturn(accepted("projects/herald-test/messages/0:1700000000000001")));

        DeliveryResult result = sender(settings()).send(push(List.of("device-token-1"), Map.of()));

        assertThat(result).isEqualTo(new DeliveryResult.Sent("projects/herald-test/messages/0:1700000000000001"));
        google.verify(1, postRequestedFor(urlEqualTo(SEND_PATH))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withRequestBody(equalToJson("""
                        {"message": {
                          "token": "device-token-1",
                          "notification": {"title": "Your order shipped", "body": "Order 42 is on its way"},
                          "data": {"order_id": "42", "tracking": "{\\"carrier\\":\\"UPS\\"}",
                                   "herald_message_id": "1-019a2b3c4d5e-0011223344556677"}
                        }}""")));
        assertSignedJwtBearerGrant(google.findAll(postRequestedFor(urlEqualTo("/token"))));
    }

    @Test
    void reusesTheAccessTokenUntilItExpires() {
        google.stubFor(post("/token").willReturn(accessToken()));
        google.stubFor(post(SEND_PATH).willReturn(accepted("projects/herald-test/messages/1")));
        FcmSender sender = sender(settings());

        sender.send(push(List.of("device-token-1"), Map.of()));
        sender.send(push(List.of("device-token-1"), Map.of()));

        google.verify(1, postRequestedFor(urlEqualTo("/token")));
        google.verify(2, postRequestedFor(urlEqualTo(SEND_PATH)));
    }

    @Test
    void mergesTheOverrideIntoTheMessageButKeepsTheDeviceToken() {
        google.stubFor(post("/token").willReturn(accessToken()));
        google.stubFor(post(SEND_PATH).willReturn(accepted("projects/herald-test/messages/2")));
        Map<String, Object> override = Map.of(
                "token", "someone-elses-device",
                "android", Map.of("priority", "HIGH"),
                "body", Map.of("notification", Map.of("image", "https://cdn.example.com/box.png")));

        sender(settings()).send(push(List.of("device-token-1"), override));

        google.verify(1, postRequestedFor(urlEqualTo(SEND_PATH))
                .withRequestBody(matchingJsonPath("$.message.token", equalTo("device-token-1")))
                .withRequestBody(matchingJsonPath("$.message.android.priority", equalTo("HIGH")))
                .withRequestBody(matchingJsonPath("$.message.notification.image", equalTo("https://cdn.example.com/box.png")))
                .withRequestBody(matchingJsonPath("$.message.notification.title", equalTo("Your order shipped"))));
    }

    @Test
    void anUnregisteredDeviceFailsForGood() {
        google.stubFor(post("/token").willReturn(accessToken()));
        google.stubFor(post(SEND_PATH).willReturn(fcmError(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found.")));

        DeliveryResult result = sender(settings()).send(push(List.of("device-token-1"), Map.of()));

        assertThat(result).isEqualTo(new DeliveryResult.PermanentFailure("fcm 404 UNREGISTERED: Requested entity was not found.", 404));
    }

    @ParameterizedTest(name = "{0} {2} -> {3}")
    @CsvSource({
            "400, INVALID_ARGUMENT, INVALID_ARGUMENT, PermanentFailure",
            "403, PERMISSION_DENIED, SENDER_ID_MISMATCH, PermanentFailure",
            "401, UNAUTHENTICATED, THIRD_PARTY_AUTH_ERROR, PermanentFailure",
            "429, RESOURCE_EXHAUSTED, QUOTA_EXCEEDED, TransientFailure",
            "500, INTERNAL, INTERNAL, TransientFailure",
            "503, UNAVAILABLE, UNAVAILABLE, TransientFailure",
    })
    void classifiesFcmErrorsByStatus(int status, String apiStatus, String fcmErrorCode, String expected) {
        google.stubFor(post("/token").willReturn(accessToken()));
        google.stubFor(post(SEND_PATH).willReturn(fcmError(status, apiStatus, fcmErrorCode, "refused for the test")));

        DeliveryResult result = sender(settings()).send(push(List.of("device-token-1"), Map.of()));

        assertThat(result.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(DeliveryResults.error(result)).isEqualTo("fcm " + status + " " + fcmErrorCode + ": refused for the test");
    }

    @Test
    void isSentWhenOneOfTheRecipientsDevicesAcceptsIt() {
        google.stubFor(post("/token").willReturn(accessToken()));
        google.stubFor(post(SEND_PATH).withRequestBody(matchingJsonPath("$.message.token", equalTo("stale-device")))
                .willReturn(fcmError(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found.")));
        google.stubFor(post(SEND_PATH).withRequestBody(matchingJsonPath("$.message.token", equalTo("current-device")))
                .willReturn(accepted("projects/herald-test/messages/3")));

        DeliveryResult result = sender(settings()).send(push(List.of("stale-device", "current-device"), Map.of()));

        assertThat(result).isEqualTo(new DeliveryResult.Sent("projects/herald-test/messages/3"));
        google.verify(2, postRequestedFor(urlEqualTo(SEND_PATH)));
    }

    @Test
    void whenNoDeviceAcceptsItAFailureThatMayPassWins() {
        google.stubFor(post("/token").willReturn(accessToken()));
        google.stubFor(post(SEND_PATH).withRequestBody(matchingJsonPath("$.message.token", equalTo("stale-device")))
                .willReturn(fcmError(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found.")));
        google.stubFor(post(SEND_PATH).withRequestBody(matchingJsonPath("$.message.token", equalTo("busy-device")))
                .willReturn(fcmError(503, "UNAVAILABLE", "UNAVAILABLE", "The service is currently unavailable.")));

        DeliveryResult result = sender(settings()).send(push(List.of("stale-device", "busy-device"), Map.of()));

        assertThat(result).isEqualTo(DeliveryResult.TransientFailure.status(503,
                "fcm 503 UNAVAILABLE: The service is currently unavailable. (all 2 devices failed)"));
    }

    @Test
    void aTokenEndpointThatRefusesTheServiceAccountFailsForGoodWithoutCallingFcm() {
        google.stubFor(post("/token").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"The OAuth client was not found.\"}")));

        DeliveryResult result = sender(settings()).send(push(List.of("device-token-1"), Map.of()));

        assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
        assertThat(DeliveryResults.error(result)).startsWith("fcm: access token refused, token endpoint answered 401");
        google.verify(0, postRequestedFor(urlEqualTo(SEND_PATH)));
    }

    @Test
    void aRejectedServiceAccountKeyFailsForGoodWithTheOAuthError() {
        google.stubFor(post("/token").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}")));

        DeliveryResult result = sender(settings()).send(push(List.of("device-token-1"), Map.of()));

        assertThat(result).isEqualTo(new DeliveryResult.PermanentFailure(
                "fcm: access token refused, token endpoint answered 400: invalid_grant (Invalid JWT Signature.)", 400));
    }

    @Test
    void aTokenEndpointThatIsDownMayPass() {
        google.stubFor(post("/token").willReturn(aResponse().withStatus(503)));

        DeliveryResult result = sender(settings()).send(push(List.of("device-token-1"), Map.of()));

        assertThat(result).isInstanceOf(DeliveryResult.TransientFailure.class);
        assertThat(DeliveryResults.error(result)).startsWith("fcm: access token refused, token endpoint answered 503");
        google.verify(1, postRequestedFor(urlEqualTo("/token")));
    }

    @Test
    void aRefusedConnectionToFcmMayPass() {
        google.stubFor(post("/token").willReturn(accessToken()));

        DeliveryResult result = sender(settings(ClosedPort.baseUrl())).send(push(List.of("device-token-1"), Map.of()));

        assertThat(result).isInstanceOf(DeliveryResult.TransientFailure.class);
        assertThat(DeliveryResults.error(result)).startsWith("fcm: request failed (ConnectException").doesNotContain(ACCESS_TOKEN);
    }

    @Test
    void aRecipientWithoutDevicesFailsForGood() {
        DeliveryResult result = sender(settings()).send(push(List.of(), Map.of()));

        assertThat(result).isEqualTo(new DeliveryResult.PermanentFailure("fcm: the recipient has no push token"));
    }

    private static FcmSender sender(FcmSettings settings) {
        return new FcmSender(settings);
    }

    private static FcmSettings settings() {
        return settings(google.baseUrl());
    }

    /** No project-id: the service-account file's project_id is the project. */
    private static FcmSettings settings(String baseUrl) {
        return new FcmSettings(null, serviceAccountFile(google.baseUrl() + "/token").toString(), baseUrl, Duration.ofSeconds(10),
                Duration.ofSeconds(30));
    }

    private static Path serviceAccountFile(String tokenUri) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(serviceAccountKey.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "service_account");
        json.put("project_id", PROJECT_ID);
        json.put("private_key_id", "test-key-1");
        json.put("private_key", pem);
        json.put("client_email", CLIENT_EMAIL);
        json.put("client_id", "100000000000000000001");
        json.put("token_uri", tokenUri);
        try {
            Path file = keys.resolve("service-account.json");
            Files.writeString(file, JSON.writeValueAsString(json));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token request is an OAuth2 JWT-bearer grant, signed with the service account's key, for FCM's scope. */
    private static void assertSignedJwtBearerGrant(List<LoggedRequest> tokenRequests) throws Exception {
        assertThat(tokenRequests).hasSize(1);
        Map<String, String> form = Arrays.stream(tokenRequests.get(0).getBodyAsString().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
        String[] jwt = form.get("assertion").split("\\.", -1);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(serviceAccountKey.getPublic());
        rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))).as("signed with the service account's key").isTrue();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(claims.path("iss").asText()).isEqualTo(CLIENT_EMAIL);
        // The request went to the file's token_uri (the stub); the audience stays Google's token endpoint.
        assertThat(claims.path("aud").asText()).isEqualTo("https://oauth2.googleapis.com/token");
        assertThat(claims.path("scope").asText()).isEqualTo("https://www.googleapis.com/auth/firebase.messaging");
    }

    private static Delivery push(List<String> deviceTokens, Map<String, Object> override) {
        Map<String, Object> content = Map.of(
                "title", "Your order shipped",
                "body", "Order 42 is on its way",
                "data", Map.of("order_id", 42, "tracking", Map.of("carrier", "UPS")));
        return new Delivery(MESSAGE_ID, Channel.PUSH, "user-42", deviceTokens, content, override, Map.of());
    }

    private static ResponseDefinitionBuilder accessToken() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
    }

    private static ResponseDefinitionBuilder accepted(String name) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"name\":\"" + name + "\"}");
    }

    private static ResponseDefinitionBuilder fcmError(int status, String apiStatus, String fcmErrorCode, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"error": {"code": %d, "message": "%s", "status": "%s", "details": [
                  {"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "%s"}]}}"""
                .formatted(status, message, apiStatus, fcmErrorCode));
    }
}
