package io.herald.adapters.inbound.rest.profile;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.RecordingManagePushTokens;
import io.herald.adapters.inbound.rest.fakes.TestClock;
import io.herald.adapters.inbound.rest.support.Json;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.domain.profile.PushToken;
import io.herald.domain.profile.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.herald.adapters.inbound.rest.support.ApiErrors.assertApiError;
import static io.herald.adapters.inbound.rest.support.ApiErrors.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class PushTokensControllerTest extends ApiTest {

    private static final UserId ALEX = UserId.of("user_123");

    @Inject
    RecordingManagePushTokens tokens;

    @Test
    void aTokenIsRegisteredWithEverythingTheAppSaid() {
        Reply reply = api.put("/users/user_123/tokens/fcm-token-1", """
                {"provider_key": "firebase-fcm", "device": {"app_id": "io.herald.demo", "platform": "android"},
                 "tracking": {"os_version": "14"}, "properties": {"locale": "nb-NO"}, "expiry_date": "2026-06-01T00:00:00Z"}""");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(tokens.onlyPut()).isEqualTo(new PushToken(ALEX, "fcm-token-1", "firebase-fcm",
                Map.of("app_id", "io.herald.demo", "platform", "android"), Map.of("os_version", "14"), Map.of("locale", "nb-NO"),
                Instant.parse("2026-06-01T00:00:00Z"), PushToken.ACTIVE, null));
    }

    @Test
    void aTokenWithoutExpiryLastsCouriersSixtyDays() {
        api.put("/users/user_123/tokens/apn-1", "{\"provider_key\": \"apn\"}");

        assertThat(tokens.onlyPut().expiresAt()).isEqualTo(TestClock.NOW.plus(Duration.ofDays(60)));
    }

    @Test
    void expiryDateFalseMeansTheTokenNeverExpires() {
        api.put("/users/user_123/tokens/apn-1", "{\"provider_key\": \"apn\", \"expiry_date\": false}");

        assertThat(tokens.onlyPut().expiresAt()).isNull();
    }

    @Test
    void theTokenInTheBodyMayRepeatThePath() {
        assertThat(api.put("/users/user_123/tokens/apn-1", "{\"provider_key\": \"apn\", \"token\": \"apn-1\"}").status()).isEqualTo(204);
    }

    @Test
    void aTokenInTheBodyThatContradictsThePathIsRefused() {
        assertBadRequest(api.put("/users/user_123/tokens/apn-1", "{\"provider_key\": \"apn\", \"token\": \"apn-2\"}"),
                "token in the body must match the token in the path");
        assertThat(tokens.calls()).isEmpty();
    }

    @Test
    void aTokenWithoutAKnownProviderIsRefused() {
        assertBadRequest(api.put("/users/user_123/tokens/t1", "{\"device\": {}}"), "provider_key is required and must be a string");
        assertBadRequest(api.put("/users/user_123/tokens/t1", "{\"provider_key\": \"gcm\"}"),
                "provider_key must be one of firebase-fcm, apn, expo, onesignal");
        assertThat(tokens.calls()).isEmpty();
    }

    @Test
    void anExpiryThatIsNoDateIsRefused() {
        assertBadRequest(api.put("/users/user_123/tokens/t1", "{\"provider_key\": \"expo\", \"expiry_date\": \"next week\"}"),
                "expiry_date 'next week' is not an ISO-8601 date-time");
        assertBadRequest(api.put("/users/user_123/tokens/t1", "{\"provider_key\": \"expo\", \"expiry_date\": 1767225600}"),
                "expiry_date must be an ISO-8601 date-time or false");
        assertThat(tokens.calls()).isEmpty();
    }

    @Test
    void aTokenIsReadInCouriersShape() {
        tokens.know(new PushToken(ALEX, "fcm-token-1", "firebase-fcm", Map.of("platform", "android"), null, null,
                Instant.parse("2026-06-01T00:00:00Z"), PushToken.ACTIVE, null));

        Reply reply = api.get("/users/user_123/tokens/fcm-token-1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"token": "fcm-token-1", "provider_key": "firebase-fcm", "device": {"platform": "android"}, "tracking": null,
                 "properties": null, "expiry_date": "2026-06-01T00:00:00Z", "status": "active", "status_reason": null}"""));
    }

    @Test
    void aUsersTokensAreListedAndOneThatNeverExpiresSaysFalse() {
        tokens.know(new PushToken(ALEX, "expo-1", "expo", null, null, null, null, "failed", "DeviceNotRegistered"));

        Reply reply = api.get("/users/user_123/tokens");

        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"tokens": [{"token": "expo-1", "provider_key": "expo", "device": null, "tracking": null, "properties": null,
                             "expiry_date": false, "status": "failed", "status_reason": "DeviceNotRegistered"}]}"""));
    }

    @Test
    void anUnknownTokenIsANotFound() {
        assertApiError(api.get("/users/user_123/tokens/nope"), 404, "not_found", "User 'user_123' has no token 'nope'");
    }

    @Test
    void deleteAnswersNoContent() {
        Reply reply = api.delete("/users/user_123/tokens/fcm-token-1");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(tokens.onlyCall("delete").arguments()).containsExactly(ALEX, "fcm-token-1");
    }

    @Test
    void aPatchCarriesCouriersOperationsToTheUseCase() {
        Reply reply = api.patch("/users/user_123/tokens/fcm-token-1",
                "{\"patch\": [{\"op\": \"replace\", \"path\": \"/status\", \"value\": \"revoked\"}, {\"op\": \"remove\", \"path\": \"/properties\"}]}");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(tokens.onlyCall("patch").arguments()).containsExactly(ALEX, "fcm-token-1",
                List.of(new PushToken.Patch("replace", "/status", "revoked"), new PushToken.Patch("remove", "/properties", null)));
    }

    @Test
    void aPatchWithoutOperationsOrWithAMalformedOneIsABadRequest() {
        assertBadRequest(api.patch("/users/user_123/tokens/fcm-token-1", "{}"), "patch is required");
        assertBadRequest(api.patch("/users/user_123/tokens/fcm-token-1", "{\"patch\": [\"replace\"]}"), "patch[0] must be an object");
        assertBadRequest(api.patch("/users/user_123/tokens/fcm-token-1", "{\"patch\": [{\"path\": \"/status\"}]}"), "op");

        assertThat(tokens.calls()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void severalTokensArePutAtOnce_andTheBodylessCallOfTheSdkPutsNone() {
        Reply reply = api.put("/users/user_123/tokens", """
                {"tokens": [{"token": "apn-1", "provider_key": "apn", "expiry_date": false},
                            {"token": "fcm-1", "provider_key": "firebase-fcm", "device": {"platform": "android"}}]}""");

        assertThat(reply.status()).isEqualTo(204);
        List<PushToken> put = (List<PushToken>) tokens.onlyCall("putAll").arguments().get(0);
        assertThat(put).extracting(PushToken::token).containsExactly("apn-1", "fcm-1");
        assertThat(put.get(0).expiresAt()).isNull();
        assertThat(put.get(1).device()).isEqualTo(Map.of("platform", "android"));

        tokens.reset();
        assertThat(api.put("/users/user_123/tokens", "").status()).isEqualTo(204);
        assertThat(tokens.onlyCall("putAll").arguments().get(0)).isEqualTo(List.of());
    }

    @Test
    void oneBadOrRepeatedTokenPutsNone() {
        assertBadRequest(api.put("/users/user_123/tokens", "{\"tokens\": [{\"token\": \"a\", \"provider_key\": \"apn\"}, {\"token\": \"b\"}]}"),
                "tokens[1].provider_key is required and must be a string");
        assertBadRequest(api.put("/users/user_123/tokens", "{\"tokens\": [{\"token\": \"a\", \"provider_key\": \"apn\"}, {\"token\": \"a\", \"provider_key\": \"apn\"}]}"),
                "tokens[1].token is given twice");
        assertThat(tokens.calls()).isEmpty();
    }
}
