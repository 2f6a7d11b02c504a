package io.herald.domain.profile;

import io.herald.domain.json.JsonPatch;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileTest {

    private final UserId alex = UserId.of("alex");

    @Test
    void mergeReplaceAndPatchEachReturnANewProfile() {
        Profile original = Profile.create(alex).mergedWith(Map.of("email", "a@example.org", "prefs", Map.of("lang", "en")));

        Profile merged = original.mergedWith(Map.of("prefs", Map.of("tz", "UTC")));
        Profile replaced = merged.replacedBy(Map.of("phone_number", "+351900000000"));
        Profile patched = replaced.patchedWith(JsonPatch.of(List.of(Map.of("op", "add", "path", "/email", "value", "b@example.org"))));

        assertThat(original.attributes()).isEqualTo(Map.of("email", "a@example.org", "prefs", Map.of("lang", "en")));
        assertThat(merged.attributes().get("prefs")).isEqualTo(Map.of("lang", "en", "tz", "UTC"));
        assertThat(replaced.email()).isEmpty();
        assertThat(replaced.phoneNumber()).contains("+351900000000");
        assertThat(patched.email()).contains("b@example.org");
    }

    @Test
    void activityOnlyMovesForward() {
        Instant noon = Instant.parse("2026-01-01T12:00:00Z");
        Profile active = Profile.create(alex).activeAt(noon);

        assertThat(active.activeAt(noon.minusSeconds(60)).lastActiveAt()).contains(noon);
        assertThat(active.activeAt(noon.plusSeconds(60)).lastActiveAt()).contains(noon.plusSeconds(60));
    }

    @Test
    void theViewShowsLastActivityToTemplatesAndConditions() {
        Instant noon = Instant.parse("2026-01-01T12:00:00Z");

        assertThat(Profile.create(alex).mergedWith(Map.of("name", "Alex")).activeAt(noon).view())
                .containsEntry("name", "Alex").containsEntry("last_active_at", "2026-01-01T12:00:00Z");
        assertThat(Profile.create(alex).view()).doesNotContainKey("last_active_at");
    }

    @Test
    void blankContactAttributesAreNoAddress() {
        assertThat(Profile.create(alex).mergedWith(Map.of("email", " ")).email()).isEmpty();
        assertThat(Profile.create(alex).mergedWith(Map.of("email", 5)).email()).isEmpty();
    }
}
