package io.herald.domain.preference;

import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.herald.domain.preference.EffectivePreference.Source.DEFAULT;
import static io.herald.domain.preference.EffectivePreference.Source.TENANT_DEFAULT;
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
}
