package io.herald.adapters.inbound.rest.auth;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.FakeCallers;
import io.herald.adapters.inbound.rest.fakes.RecordingFake.Call;
import io.herald.adapters.inbound.rest.fakes.RecordingIssueClientToken;
import io.herald.adapters.inbound.rest.fakes.RecordingManageInbox;
import io.herald.adapters.inbound.rest.fakes.RecordingManagePreferences;
import io.herald.adapters.inbound.rest.fakes.RecordingManageProfiles;
import io.herald.adapters.inbound.rest.fakes.RecordingManagePushTokens;
import io.herald.adapters.inbound.rest.fakes.RecordingQueryMessages;
import io.herald.adapters.inbound.rest.fakes.RecordingSendMessage;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.profile.UserId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.herald.adapters.inbound.rest.support.ApiErrors.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may call what (DESIGN §11), decided before routing by {@code AccessFilter} with {@code AccessRules}. */
@MicronautTest
class AccessFilterTest extends ApiTest {

    private static final String CLIENT_TOKEN = "client.token.of-u1";

    @Inject
    FakeCallers callers;

    @Inject
    RecordingQueryMessages messages;

    @Inject
    RecordingSendMessage send;

    @Inject
    RecordingManageInbox inbox;

    @Inject
    RecordingManagePreferences preferences;

    @Inject
    RecordingManagePushTokens tokens;

    @Inject
    RecordingManageProfiles profiles;

    @Inject
    RecordingIssueClientToken issue;

    private static MutableHttpRequest<?> withAuthorization(MutableHttpRequest<?> request, String authorization) {
        return request.header("Authorization", authorization);
    }

    private static MutableHttpRequest<String> sendRequest() {
        return HttpRequest.POST("/send", "{\"message\": {\"to\": {\"user_id\": \"u1\"}, \"template\": \"welcome\"}}")
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Test
    void withoutACredentialTheCallerIsToldHowToSendOne() {
        Reply reply = api.send(HttpRequest.GET("/messages"));

        assertApiError(reply, 401, "authentication_error", "Missing API key: send Authorization: Bearer <key>");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(messages.calls()).isEmpty();
    }

    @Test
    void theMetricsEndpointNeedsAnAdminKeyLikeEveryOtherPath() {
        // /prometheus is Micronaut's management endpoint, present only in the whole application; the filter decides
        // before routing, so its answer is the same here. That the key then reads the metrics is bootstrap's to test.
        Reply anonymous = api.send(HttpRequest.GET("/prometheus"));
        Reply wrongKey = api.send(HttpRequest.GET("/prometheus").bearerAuth("not-the-key"));
        Reply writeKey = api.send(HttpRequest.GET("/prometheus").bearerAuth(FakeCallers.WRITE_KEY));

        assertApiError(anonymous, 401, "authentication_error", "Missing API key: send Authorization: Bearer <key>");
        assertApiError(wrongKey, 401, "authentication_error", "Invalid API key");
        assertApiError(writeKey, 403, "authentication_error", "This is a Segment write key");
    }

    @Test
    void basicAuthIsNotAnApiCredential() {
        Reply reply = api.send(withAuthorization(HttpRequest.GET("/messages"), "Basic YWRtaW4ta2V5LTE6"));

        assertApiError(reply, 401, "authentication_error", "Missing API key");
        assertThat(callers.calls()).isEmpty();
    }

    @Test
    void anUnknownKeyIsRefused() {
        Reply reply = api.send(withAuthorization(sendRequest(), "Bearer not-a-key"));

        assertApiError(reply, 401, "authentication_error", "Invalid API key");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(callers.onlyCall("authenticate").arguments()).containsExactly("not-a-key");
        assertThat(send.calls()).isEmpty();
    }

    @Test
    void anUnknownTokenIsCalledAnInvalidOrExpiredToken() {
        Reply reply = api.send(withAuthorization(HttpRequest.GET("/users/u1/inbox"), "Bearer aaa.bbb.ccc"));

        assertApiError(reply, 401, "authentication_error", "Invalid or expired token");
        assertThat(inbox.calls()).isEmpty();
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        Reply reply = api.send(withAuthorization(HttpRequest.GET("/messages"), "bearer " + FakeCallers.ADMIN_KEY));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(callers.onlyCall("authenticate").arguments()).containsExactly(FakeCallers.ADMIN_KEY);
    }

    @Test
    void anAnonymousCallerLearnsNothingAboutWhichPathsExist() {
        assertApiError(api.send(HttpRequest.GET("/no/such/path")), 401, "authentication_error", "Missing API key");
        assertApiError(api.get("/no/such/path"), 404, "not_found", "");
    }

    @Test
    void aSegmentWriteKeyCannotSendMessages() {
        Reply reply = api.send(sendRequest().bearerAuth(FakeCallers.WRITE_KEY));

        assertApiError(reply, 403, "authentication_error", "This is a Segment write key: it can only send events (POST /segment, /v1/*)");
        assertThat(send.calls()).isEmpty();
    }

    @Test
    void aSegmentWriteKeyCannotReadAUsersArea() {
        Reply reply = api.send(HttpRequest.GET("/users/u1/preferences").bearerAuth(FakeCallers.WRITE_KEY));

        assertApiError(reply, 403, "authentication_error", "This is a Segment write key");
        assertThat(preferences.calls()).isEmpty();
    }

    @Test
    void aSegmentWriteKeyReachesNothingButTheSegmentPaths() {
        Reply[] refused = {
            api.send(HttpRequest.GET("/profiles/u1").bearerAuth(FakeCallers.WRITE_KEY)),
            api.send(HttpRequest.GET("/messages").bearerAuth(FakeCallers.WRITE_KEY)),
            api.send(HttpRequest.GET("/users/u1/inbox").bearerAuth(FakeCallers.WRITE_KEY)),
            api.send(HttpRequest.POST("/auth/issue-token", "{\"scope\": \"user_id:u1 read:preferences\"}")
                    .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(FakeCallers.WRITE_KEY))};

        for (Reply reply : refused) {
            assertApiError(reply, 403, "authentication_error", "This is a Segment write key: it can only send events (POST /segment, /v1/*)");
        }
        assertThat(profiles.calls()).isEmpty();
        assertThat(messages.calls()).isEmpty();
        assertThat(inbox.calls()).isEmpty();
        assertThat(issue.calls()).isEmpty();
    }

    @Test
    void aClientTokenWithReadScopesReadsItsUserAndNothingMore() {
        callers.knowClientToken(CLIENT_TOKEN, "u1", "inbox:read:messages", "read:preferences");

        assertThat(api.send(HttpRequest.GET("/users/u1/inbox").bearerAuth(CLIENT_TOKEN)).status()).isEqualTo(200);
        assertThat(api.send(HttpRequest.GET("/users/u1/preferences").bearerAuth(CLIENT_TOKEN)).status()).isEqualTo(200);
        assertApiError(api.send(HttpRequest.GET("/users/u2/inbox").bearerAuth(CLIENT_TOKEN)), 403, "authentication_error",
                "This token is for user 'u1' only");
        assertApiError(api.send(HttpRequest.PUT("/users/u1/preferences/marketing", "{\"topic\": {\"status\": \"OPTED_OUT\"}}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(CLIENT_TOKEN)), 403, "authentication_error",
                "This token lacks the scope write:preferences");
        assertApiError(api.send(HttpRequest.GET("/users/u1/tokens").bearerAuth(CLIENT_TOKEN)), 403, "authentication_error",
                "This token lacks the scope read:user-tokens");
        for (Reply outside : new Reply[] {api.send(HttpRequest.GET("/profiles/u1").bearerAuth(CLIENT_TOKEN)),
                api.send(HttpRequest.GET("/messages").bearerAuth(CLIENT_TOKEN)),
                api.send(HttpRequest.POST("/auth/issue-token", "{\"scope\": \"user_id:u1 write:preferences\"}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(CLIENT_TOKEN))}) {
            assertApiError(outside, 403, "authentication_error", "A client token reaches only its user's inbox, preferences and push tokens");
        }

        assertThat(inbox.calls()).extracting(Call::method).containsExactly("list", "unreadCount");
        assertThat(preferences.calls()).extracting(Call::method).as("read, never written").containsExactly("list");
        assertThat(tokens.calls()).isEmpty();
        assertThat(profiles.calls()).isEmpty();
        assertThat(messages.calls()).isEmpty();
        assertThat(issue.calls()).isEmpty();
    }

    @Test
    void aClientTokenReadsItsUsersInbox() {
        callers.knowClientToken(CLIENT_TOKEN, "u1", "inbox:read:messages");

        Reply reply = api.send(HttpRequest.GET("/users/u1/inbox").bearerAuth(CLIENT_TOKEN));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(inbox.calls().get(0).argument(0, UserId.class)).isEqualTo(UserId.of("u1"));
    }

    @Test
    void readMessagesIsTheOtherScopeThatReadsAnInbox() {
        callers.knowClientToken(CLIENT_TOKEN, "u1", "read:messages");

        assertThat(api.send(HttpRequest.GET("/users/u1/inbox").bearerAuth(CLIENT_TOKEN)).status()).isEqualTo(200);
    }

    @Test
    void aClientTokenCannotReachAnotherUser() {
        callers.knowClientToken(CLIENT_TOKEN, "u1", "inbox:read:messages");

        Reply reply = api.send(HttpRequest.GET("/users/u2/inbox").bearerAuth(CLIENT_TOKEN));

        assertApiError(reply, 403, "authentication_error", "This token is for user 'u1' only");
        assertThat(inbox.calls()).isEmpty();
    }

    @Test
    void aClientTokenNeedsTheScopeOfWhatItDoes() {
        callers.knowClientToken(CLIENT_TOKEN, "u1", "inbox:read:messages", "read:preferences", "read:user-tokens");

        Reply markRead = api.send(HttpRequest.POST("/users/u1/inbox/1-m1/read", "").bearerAuth(CLIENT_TOKEN));
        Reply setPreference = api.send(HttpRequest.PUT("/users/u1/preferences/orders", "{\"topic\": {\"status\": \"OPTED_OUT\"}}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(CLIENT_TOKEN));
        Reply registerToken = api.send(HttpRequest.PUT("/users/u1/tokens/device-1", "{\"provider_key\": \"firebase-fcm\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(CLIENT_TOKEN));

        assertApiError(markRead, 403, "authentication_error", "This token lacks the scope inbox:write:events");
        assertApiError(setPreference, 403, "authentication_error", "This token lacks the scope write:preferences");
        assertApiError(registerToken, 403, "authentication_error", "This token lacks the scope write:user-tokens");
        assertThat(inbox.calls()).isEmpty();
        assertThat(preferences.calls()).isEmpty();
        assertThat(tokens.calls()).isEmpty();
    }

    @Test
    void aClientTokenWithTheWriteScopesActsOnItsUser() {
        callers.knowClientToken(CLIENT_TOKEN, "u1", "write:preferences", "read:user-tokens");

        Reply setPreference = api.send(HttpRequest.PUT("/users/u1/preferences/orders", "{\"topic\": {\"status\": \"OPTED_OUT\"}}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(CLIENT_TOKEN));
        Reply listTokens = api.send(HttpRequest.GET("/users/u1/tokens").bearerAuth(CLIENT_TOKEN));

        assertThat(setPreference.status()).as(setPreference.body()).isEqualTo(200);
        assertThat(listTokens.status()).as(listTokens.body()).isEqualTo(200);
        Call put = preferences.onlyCall("put");
        assertThat(put.argument(0, UserId.class)).isEqualTo(UserId.of("u1"));
        assertThat(put.argument(2, String.class)).isEqualTo("orders");
        assertThat(put.argument(3, PreferenceStatus.class)).isEqualTo(PreferenceStatus.OPTED_OUT);
    }

    @Test
    void aClientTokenReachesNothingOutsideItsUsersArea() {
        callers.knowClientToken(CLIENT_TOKEN, "u1", "read:messages");

        Reply reply = api.send(HttpRequest.GET("/messages?recipient=u1").bearerAuth(CLIENT_TOKEN));

        assertApiError(reply, 403, "authentication_error", "A client token reaches only its user's inbox, preferences and push tokens");
        assertThat(messages.calls()).isEmpty();
    }

    @Test
    void theUserInThePathIsComparedDecoded() {
        callers.knowClientToken(CLIENT_TOKEN, "alex+test@example.com", "read:preferences");

        Reply reply = api.send(HttpRequest.GET("/users/alex%2Btest%40example.com/preferences").bearerAuth(CLIENT_TOKEN));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(preferences.onlyCall("list").argument(0, UserId.class)).isEqualTo(UserId.of("alex+test@example.com"));
    }

    @Test
    void anAdminKeyReachesAUsersAreaToo() {
        assertThat(api.get("/users/u1/tokens").status()).isEqualTo(200);
        assertThat(tokens.onlyCall("list").argument(0, UserId.class)).isEqualTo(UserId.of("u1"));
    }

    @Test
    void healthProbesNeedNoCredential() {
        Reply reply = api.send(HttpRequest.GET("/health"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(callers.calls()).isEmpty();
    }

    @Test
    void providerCallbacksAndSegmentPathsAreLeftToTheirOwnChecks() {
        Reply twilio = api.send(HttpRequest.POST("/webhooks/twilio/status", "MessageSid=SM1&MessageStatus=delivered")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        Reply segment = api.send(HttpRequest.POST("/v1/track", "{}").contentType(MediaType.APPLICATION_JSON_TYPE));

        // Both are other modules' routes: reaching "no route here" rather than a 401 is what shows them open.
        assertApiError(twilio, 404, "not_found", "");
        assertApiError(segment, 404, "not_found", "");
        assertThat(callers.calls()).isEmpty();
    }
}
