package io.herald.bootstrap.system;

import com.courier.client.CourierClient;
import com.courier.client.okhttp.CourierOkHttpClient;
import com.courier.errors.PermissionDeniedException;
import com.courier.models.ChannelClassification;
import com.courier.models.auth.AuthIssueTokenParams;
import com.courier.models.workspacepreferences.WorkspacePreferenceCreateRequest;
import com.courier.models.workspacepreferences.WorkspacePreferenceGetResponse;
import com.courier.models.workspacepreferences.WorkspacePreferenceTopicCreateRequest;
import com.courier.models.workspacepreferences.WorkspacePreferenceTopicGetResponse;
import com.courier.models.workspacepreferences.topics.TopicCreateParams;
import io.herald.bootstrap.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Courier's own Java SDK (com.courier:courier-java) pointed at the packaged jar by its base URL only: the backend
 * issues a client token with {@code auth.issueToken}; with it, the user's own inbox and preferences are readable and
 * another user's are a 403; and workspace preference sections and topics are made and read back through the SDK's types.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CourierJavaSdkIT {

    private static final String KEY = "sdk-key";

    private Path directory;
    private HeraldProcess herald;
    private CourierClient courier;

    @BeforeAll
    void start() throws IOException {
        directory = Files.createTempDirectory("herald-courier-java-sdk");
        herald = new HeraldProcess(directory, Map.of("HERALD_AUTH_API_KEYS", KEY)).start();
        courier = CourierOkHttpClient.builder().apiKey(KEY).baseUrl(herald.uri().toString()).maxRetries(0).build();
    }

    @AfterAll
    void stop() {
        herald.close();
        HeraldProcess.deleteDirectory(directory);
    }

    @Test
    void aTokenIssuedThroughTheSdkReadsItsUsersInboxAndPreferencesAndNoOneElses() {
        String token = courier.auth().issueToken(AuthIssueTokenParams.builder()
                .scope("user_id:sdk-alex inbox:read:messages read:preferences").expiresIn("2 hours").build()).token();
        assertThat(token).isNotBlank();

        Http browser = Http.to(herald.uri()).withApiKey(token);
        assertThat(browser.get("/users/sdk-alex/inbox").status()).isEqualTo(200);
        assertThat(browser.get("/users/sdk-alex/inbox").json().path("unread_count").asLong()).isZero();
        assertThat(browser.get("/users/sdk-kim/inbox").status()).isEqualTo(403);

        CourierClient asUser = CourierOkHttpClient.builder().apiKey(token).baseUrl(herald.uri().toString()).maxRetries(0).build();
        assertThat(asUser.users().preferences().retrieve("sdk-alex").items()).isEmpty();
        assertThatThrownBy(() -> asUser.users().preferences().retrieve("sdk-kim")).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void workspacePreferenceSectionsAndTopicsRoundTripThroughTheSdk() {
        WorkspacePreferenceGetResponse section = courier.workspacePreferences().create(WorkspacePreferenceCreateRequest.builder()
                .name("Account").description("About your account").build());
        WorkspacePreferenceTopicGetResponse topic = courier.workspacePreferences().topics().create(section.id(), TopicCreateParams.builder()
                .workspacePreferenceTopicCreateRequest(WorkspacePreferenceTopicCreateRequest.builder().name("Security alerts")
                        .defaultStatus(WorkspacePreferenceTopicCreateRequest.DefaultStatus.REQUIRED)
                        .addRoutingOption(ChannelClassification.EMAIL).build())
                .build());

        assertThat(topic.name()).isEqualTo("Security alerts");
        assertThat(topic.defaultStatus()).isEqualTo(WorkspacePreferenceTopicGetResponse.DefaultStatus.REQUIRED);
        assertThat(topic.includeUnsubscribeHeader()).isFalse();
        assertThat(topic.routingOptions()).containsExactly(ChannelClassification.EMAIL);
        WorkspacePreferenceGetResponse read = courier.workspacePreferences().retrieve(section.id());
        assertThat(read.description()).contains("About your account");
        assertThat(read.topics()).extracting(WorkspacePreferenceTopicGetResponse::id).containsExactly(topic.id());
        assertThat(courier.workspacePreferences().list().results()).extracting(WorkspacePreferenceGetResponse::id).contains(section.id());
        read.validate();
    }
}
