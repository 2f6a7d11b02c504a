package io.herald.domain.preference;

import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicPreferenceTest {

    private final UserId alex = UserId.of("alex");

    @Test
    void aTopicNobodyChoseForIsOptedInWithoutCustomRouting() {
        TopicPreference preference = TopicPreference.defaultFor(alex, "billing");

        assertThat(preference.status()).isEqualTo(PreferenceStatus.OPTED_IN);
        assertThat(preference.optedOut()).isFalse();
        assertThat(preference.hasCustomRouting()).isFalse();
    }

    @Test
    void aRequiredTopicCannotBeOptedOutOf() {
        TopicPreference required = new TopicPreference(alex, "security", PreferenceStatus.REQUIRED, false, List.of());

        assertThatThrownBy(() -> required.changedTo(PreferenceStatus.OPTED_OUT, false, List.of()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("security").hasMessageContaining("REQUIRED");
    }

    @Test
    void aRequiredTopicCannotBeLeftByWayOfOptedIn() {
        TopicPreference required = new TopicPreference(alex, "security", PreferenceStatus.REQUIRED, false, List.of());

        assertThatThrownBy(() -> required.changedTo(PreferenceStatus.OPTED_IN, false, List.of()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("topic 'security' is REQUIRED for this user and stays REQUIRED: it cannot be set to OPTED_IN; "
                        + "only its custom routing can change");
    }

    @Test
    void otherChangesTakeEffect() {
        TopicPreference optedOut = TopicPreference.defaultFor(alex, "billing").changedTo(PreferenceStatus.OPTED_OUT, false, List.of());
        TopicPreference required = new TopicPreference(alex, "security", PreferenceStatus.REQUIRED, false, List.of())
                .changedTo(PreferenceStatus.REQUIRED, true, List.of(Channel.SMS));

        assertThat(optedOut.optedOut()).isTrue();
        assertThat(optedOut.changedTo(PreferenceStatus.OPTED_IN, false, List.of()).optedOut()).isFalse();
        assertThat(required.status()).isEqualTo(PreferenceStatus.REQUIRED);
        assertThat(required.customRouting()).containsExactly(Channel.SMS);
    }

    @Test
    void aChoiceCanBeResetToTheDefaultUnlessItIsRequired() {
        new TopicPreference(UserId.of("alex"), "news", PreferenceStatus.OPTED_OUT, false, List.of()).checkCanBeReset();

        assertThatThrownBy(() -> new TopicPreference(UserId.of("alex"), "security", PreferenceStatus.REQUIRED, false, List.of()).checkCanBeReset())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("'security' is REQUIRED").hasMessageContaining("cannot be reset");
    }
}
