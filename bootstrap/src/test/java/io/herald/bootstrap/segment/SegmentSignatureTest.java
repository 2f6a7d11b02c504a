package io.herald.bootstrap.segment;

import io.herald.bootstrap.support.Fixtures;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.Sql;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With a shared secret configured, {@code /segment} accepts only bodies signed the way Segment signs them. */
@MicronautTest(transactional = false)
class SegmentSignatureTest implements HeraldTest {

    private static final String SECRET = "segment-shared-secret";

    @Inject
    EmbeddedServer server;

    private Http api;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("herald.segment.inbound.shared-secret", SECRET);
    }

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        api = Http.to(server.getURI()).withApiKey(API_KEY);
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private Http.Response post(String body, String signature) {
        return api.send("POST", "/segment", body, signature == null
                ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "X-Signature", signature));
    }

    @Test
    void aCorrectlySignedBodyIsAccepted() throws Exception {
        String body = Fixtures.segment("identify.json");

        assertThat(post(body, sign(body)).status()).isEqualTo(200);
        assertThat(Sql.count("SELECT count(*) FROM inbound_events")).isEqualTo(1);
    }

    @Test
    void aMissingForgedOrStaleSignatureIsRejectedAndNothingStored() throws Exception {
        String body = Fixtures.segment("identify.json");

        var missing = post(body, null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().path("message").asText()).contains("X-Signature");
        assertThat(post(body, "0".repeat(40)).status()).isEqualTo(401);
        assertThat(post(body.replace("rod-test", "mallory"), sign(body)).status()).as("signature of another body").isEqualTo(401);
        assertThat(Sql.count("SELECT count(*) FROM inbound_events")).isZero();
    }
}
