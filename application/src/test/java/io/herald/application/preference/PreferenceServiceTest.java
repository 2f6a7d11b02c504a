package io.herald.application.preference;

import io.herald.application.fakes.InMemoryPreferenceRepository;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Courier's user preferences: a topic never chosen is opted in; a REQUIRED topic stays REQUIRED. */
class PreferenceServiceTest {

    private static final UserId ALEX = UserId.of("alex");

    private final InMemoryPreferenceRepository repository = new InMemoryPreferenceRepository();
    private final PreferenceService preferences = new PreferenceService(repository);

    @Test
    void aTopicNeverChosenIsOptedInAndAChoiceIsKept() {
        assertThat(preferences.find(ALEX, "news")).isEqualTo(new TopicPreference(ALEX, "news", PreferenceStatus.OPTED_IN, false, List.of()));
        assertThat(preferences.list(ALEX)).isEmpty();

        preferences.put(ALEX, "news", PreferenceStatus.OPTED_IN, true, List.of(Channel.SMS));
        preferences.put(ALEX, "promotions", PreferenceStatus.OPTED_OUT, false, List.of());

        assertThat(preferences.find(ALEX, "news").customRouting()).containsExactly(Channel.SMS);
        assertThat(preferences.list(ALEX)).extracting(TopicPreference::topicId, TopicPreference::status).containsExactlyInAnyOrder(
                tuple("news", PreferenceStatus.OPTED_IN),
                tuple("promotions", PreferenceStatus.OPTED_OUT));
    }

    @Test
    void aRequiredTopicCannotBeLeftButItsRoutingCanChange() {
        preferences.put(ALEX, "security", PreferenceStatus.REQUIRED, false, List.of());

        assertThatThrownBy(() -> preferences.put(ALEX, "security", PreferenceStatus.OPTED_OUT, false, List.of()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("REQUIRED").hasMessageContaining("opted out of");
        assertThatThrownBy(() -> preferences.put(ALEX, "security", PreferenceStatus.OPTED_IN, false, List.of()))
                .as("not by way of OPTED_IN either").isInstanceOf(InvalidValueException.class);
        preferences.put(ALEX, "security", PreferenceStatus.REQUIRED, true, List.of(Channel.EMAIL));

        assertThat(preferences.find(ALEX, "security")).isEqualTo(new TopicPreference(ALEX, "security", PreferenceStatus.REQUIRED, true,
                List.of(Channel.EMAIL)));
    }
}
