package io.herald.domain.preference;

import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.herald.domain.preference.EffectivePreference.Source.DEFAULT;
import static io.herald.domain.preference.EffectivePreference.Source.TENANT_DEFAULT;
import static io.herald.domain.preference.EffectivePreference.Source.TOPIC_DEFAULT;
import static io.herald.domain.preference.EffectivePreference.Source.USER;
import static io.herald.domain.preference.EffectivePreference.Source.USER_IN_TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/** Which preference a send follows: the user's choice in the tenant, then theirs, then the tenant's default. */
class EffectivePreferenceTest {

    private static final UserId ALEX = UserId.of("alex");
    private static final Optional<TopicPreference> NONE = Optional.empty();

    private static Optional<TopicPreference> choice(PreferenceStatus status, Channel... channels) {
        return Optional.of(new TopicPreference(ALEX, "digest", status, channels.length > 0, List.of(channels)));
    }

    private static Optional<DefaultPreference> tenantDefault(PreferenceStatus status, Channel... channels) {
        return Optional.of(new DefaultPreference("digest", status, channels.length > 0, List.of(channels)));
    }

    @Test
    void theUsersChoiceInTheTenantComesFirst_thenTheirOwn_thenTheTenantDefault_thenOptedIn() {
        assertThat(EffectivePreference.resolve("digest", choice(PreferenceStatus.OPTED_IN), choice(PreferenceStatus.OPTED_OUT),
                tenantDefault(PreferenceStatus.OPTED_OUT))).extracting(EffectivePreference::status, EffectivePreference::source)
                .containsExactly(PreferenceStatus.OPTED_IN, USER_IN_TENANT);
        assertThat(EffectivePreference.resolve("digest", NONE, choice(PreferenceStatus.OPTED_OUT), tenantDefault(PreferenceStatus.OPTED_IN)))
                .extracting(EffectivePreference::optedOut, EffectivePreference::source).containsExactly(true, USER);
        assertThat(EffectivePreference.resolve("digest", NONE, NONE, tenantDefault(PreferenceStatus.OPTED_OUT, Channel.EMAIL)))
                .extracting(EffectivePreference::optedOut, EffectivePreference::customRouting, EffectivePreference::source)
                .containsExactly(true, List.of(Channel.EMAIL), TENANT_DEFAULT);
        assertThat(EffectivePreference.resolve("digest", NONE, NONE, Optional.empty()))
                .extracting(EffectivePreference::status, EffectivePreference::source).containsExactly(PreferenceStatus.OPTED_IN, DEFAULT);
    }

    @Test
    void aRequiredTenantDefaultHoldsOverAnOptOut_andKeepsTheUsersChannels() {
        EffectivePreference withRouting = EffectivePreference.resolve("digest", choice(PreferenceStatus.OPTED_OUT, Channel.INBOX), NONE,
                tenantDefault(PreferenceStatus.REQUIRED, Channel.EMAIL));
        EffectivePreference without = EffectivePreference.resolve("digest", NONE, choice(PreferenceStatus.OPTED_OUT),
                tenantDefault(PreferenceStatus.REQUIRED, Channel.EMAIL));

        assertThat(withRouting.optedOut()).isFalse();
        assertThat(withRouting.status()).isEqualTo(PreferenceStatus.REQUIRED);
        assertThat(withRouting.customRouting()).containsExactly(Channel.INBOX);
        assertThat(without.status()).isEqualTo(PreferenceStatus.REQUIRED);
        assertThat(without.customRouting()).containsExactly(Channel.EMAIL);
    }

    private static Optional<WorkspaceTopic> workspaceTopic(PreferenceStatus status, Channel... channels) {
        Instant at = Instant.parse("2026-03-01T09:00:00Z");
        return Optional.of(new WorkspaceTopic("digest", "news", "Digest", Optional.empty(), status, List.of(), status != PreferenceStatus.REQUIRED,
                List.of(channels), Map.of(), at, at, "key_a", "key_a"));
    }

    @Test
    void theWorkspaceTopicsDefaultStandsForWhomNoChoiceNorTenantDefaultCovers() {
        assertThat(EffectivePreference.resolve("digest", NONE, NONE, Optional.empty(), workspaceTopic(PreferenceStatus.OPTED_OUT, Channel.EMAIL)))
                .extracting(EffectivePreference::optedOut, EffectivePreference::customRouting, EffectivePreference::source)
                .containsExactly(true, List.of(Channel.EMAIL), TOPIC_DEFAULT);
        assertThat(EffectivePreference.resolve("digest", NONE, choice(PreferenceStatus.OPTED_IN), Optional.empty(),
                workspaceTopic(PreferenceStatus.OPTED_OUT))).extracting(EffectivePreference::optedOut, EffectivePreference::source)
                .containsExactly(false, USER);
        assertThat(EffectivePreference.resolve("digest", NONE, NONE, tenantDefault(PreferenceStatus.OPTED_IN),
                workspaceTopic(PreferenceStatus.OPTED_OUT))).extracting(EffectivePreference::optedOut, EffectivePreference::source)
                .containsExactly(false, TENANT_DEFAULT);
    }

    @Test
    void aRequiredWorkspaceTopicHoldsForEveryone_overAnOptOutAndATenantsDefault() {
        EffectivePreference optedOut = EffectivePreference.resolve("digest", choice(PreferenceStatus.OPTED_OUT), choice(PreferenceStatus.OPTED_OUT),
                tenantDefault(PreferenceStatus.OPTED_OUT), workspaceTopic(PreferenceStatus.REQUIRED, Channel.EMAIL));
        EffectivePreference ownChannels = EffectivePreference.resolve("digest", NONE, choice(PreferenceStatus.OPTED_OUT, Channel.INBOX),
                Optional.empty(), workspaceTopic(PreferenceStatus.REQUIRED, Channel.EMAIL));

        assertThat(optedOut).extracting(EffectivePreference::status, EffectivePreference::customRouting, EffectivePreference::source)
                .containsExactly(PreferenceStatus.REQUIRED, List.of(Channel.EMAIL), TOPIC_DEFAULT);
        assertThat(ownChannels.optedOut()).isFalse();
        assertThat(ownChannels.customRouting()).containsExactly(Channel.INBOX);
    }
}
