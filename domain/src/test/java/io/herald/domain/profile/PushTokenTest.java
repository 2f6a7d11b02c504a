package io.herald.domain.profile;

import io.herald.domain.profile.PushToken.Patch;
import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PushTokenTest {

    private static final PushToken TOKEN = new PushToken(UserId.of("alex"), "device-1", "firebase-fcm",
            Map.of("platform", "android", "model", "Pixel 8"), null, Map.of("app", "1.2"), Instant.parse("2027-01-01T00:00:00Z"),
            PushToken.ACTIVE, null);

    @Test
    void aPatchReplacesAddsAndRemovesTheTokensFieldsInOrder() {
        PushToken patched = TOKEN.patched(List.of(
                new Patch("replace", "/status", "revoked"),
                new Patch("add", "/status_reason", "uninstalled"),
                new Patch("replace", "/expiry_date", "2027-06-30T12:00:00Z"),
                new Patch("replace", "/device/model", "Pixel 9"),
                new Patch("remove", "/device/platform", null),
                new Patch("add", "/tracking/os_version", "15"),
                new Patch("remove", "/properties", null)));

        assertThat(patched.status()).isEqualTo("revoked");
        assertThat(patched.statusReason()).isEqualTo("uninstalled");
        assertThat(patched.expiresAt()).isEqualTo(Instant.parse("2027-06-30T12:00:00Z"));
        assertThat(patched.device()).containsExactly(Map.entry("model", "Pixel 9"));
        assertThat(patched.tracking()).containsExactly(Map.entry("os_version", "15"));
        assertThat(patched.properties()).isNull();
        assertThat(patched.isUsableAt(Instant.parse("2026-12-01T00:00:00Z"))).as("revoked").isFalse();
        assertThat(TOKEN.status()).as("the original is unchanged").isEqualTo(PushToken.ACTIVE);
        assertThat(TOKEN.patched(List.of(new Patch("remove", "/expiry_date", null))).expiresAt()).as("no expiry").isNull();
    }

    @Test
    void anOperationThatDoesNotApplyIsRefusedNamingIt() {
        assertRefused(List.of(), "patch must be a non-empty array");
        assertRefused(List.of(new Patch("replace", "/status", "revoked"), new Patch("move", "/status", null)),
                "patch[1].op must be replace, add or remove");
        assertRefused(List.of(new Patch("replace", "/provider_key", "apn")), "patch[0].path '/provider_key' is not one of");
        assertRefused(List.of(new Patch("replace", "status", "revoked")), "patch[0].path 'status' is not one of");
        assertRefused(List.of(new Patch("replace", "/status", "gone")), "status must be one of active, unknown, failed, revoked");
        assertRefused(List.of(new Patch("replace", "/expiry_date", "tomorrow")), "expiry_date must be an ISO-8601 date-time");
        assertRefused(List.of(new Patch("replace", "/status/reason", "x")), "only /device and /tracking have fields");
        assertRefused(List.of(new Patch("replace", "/device/model", 8)), "patch[0].value must be a string or null");
    }

    private static void assertRefused(List<Patch> patch, String message) {
        assertThatThrownBy(() -> TOKEN.patched(patch)).isInstanceOf(InvalidValueException.class).hasMessageContaining(message);
    }
}
