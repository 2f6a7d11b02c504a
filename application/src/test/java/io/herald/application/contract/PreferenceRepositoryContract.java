package io.herald.application.contract;

import io.herald.application.port.out.PreferenceRepository;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link PreferenceRepository} must do; run against the in-memory fake and PostgreSQL. */
public abstract class PreferenceRepositoryContract {

    private static final UserId ALEX = UserId.of("alex");
    private static final UserId KIM = UserId.of("kim");

    protected abstract PreferenceRepository emptyRepository();

    @Test
    void aPreferenceIsReadBack_andSavingItAgainReplacesIt() {
        PreferenceRepository preferences = emptyRepository();
        TopicPreference custom = new TopicPreference(ALEX, "product-news", PreferenceStatus.OPTED_IN, true, List.of(Channel.SMS, Channel.EMAIL));
        preferences.save(custom);
        assertThat(preferences.find(ALEX, "product-news")).contains(custom);

        TopicPreference optedOut = new TopicPreference(ALEX, "product-news", PreferenceStatus.OPTED_OUT, false, List.of());
        preferences.save(optedOut);

        assertThat(preferences.find(ALEX, "product-news")).contains(optedOut);
        assertThat(preferences.find(ALEX, "billing")).isEmpty();
        assertThat(preferences.find(KIM, "product-news")).isEmpty();
    }

    @Test
    void aUsersPreferencesAreListedInTopicOrder() {
        PreferenceRepository preferences = emptyRepository();
        preferences.save(new TopicPreference(ALEX, "security", PreferenceStatus.REQUIRED, false, List.of()));
        preferences.save(new TopicPreference(ALEX, "billing", PreferenceStatus.OPTED_OUT, false, List.of()));
        preferences.save(new TopicPreference(KIM, "product-news", PreferenceStatus.OPTED_OUT, false, List.of()));
        preferences.save(new TopicPreference(ALEX, "product-news", PreferenceStatus.OPTED_IN, true, List.of(Channel.PUSH)));

        assertThat(preferences.list(ALEX)).extracting(TopicPreference::topicId).containsExactly("billing", "product-news", "security");
        assertThat(preferences.list(KIM)).containsExactly(new TopicPreference(KIM, "product-news", PreferenceStatus.OPTED_OUT, false, List.of()));
        assertThat(preferences.list(UserId.of("nobody"))).isEmpty();
    }

    @Test
    void aDeletedPreferenceIsGoneAndDeletingItAgainChangesNothing() {
        PreferenceRepository preferences = emptyRepository();
        preferences.save(new TopicPreference(ALEX, "product-news", PreferenceStatus.OPTED_OUT, false, List.of()));
        preferences.save(new TopicPreference(ALEX, "security", PreferenceStatus.REQUIRED, false, List.of()));
        preferences.save(new TopicPreference(KIM, "product-news", PreferenceStatus.OPTED_OUT, false, List.of()));

        preferences.delete(ALEX, "product-news");
        preferences.delete(ALEX, "product-news");
        preferences.delete(ALEX, "never-set");

        assertThat(preferences.find(ALEX, "product-news")).isEmpty();
        assertThat(preferences.list(ALEX)).extracting(TopicPreference::topicId).containsExactly("security");
        assertThat(preferences.find(KIM, "product-news")).isPresent();
    }

    @Test
    void aChoiceWithinATenantIsKeptApartFromTheUsersOwnAndFromOtherTenants() {
        PreferenceRepository preferences = emptyRepository();
        Optional<String> acme = Optional.of("acme");
        TopicPreference own = new TopicPreference(ALEX, "digest", PreferenceStatus.OPTED_IN, false, List.of());
        TopicPreference inAcme = new TopicPreference(ALEX, "digest", PreferenceStatus.OPTED_OUT, true, List.of(Channel.INBOX));
        preferences.save(own);
        preferences.save(acme, inAcme);
        preferences.save(acme, new TopicPreference(ALEX, "billing", PreferenceStatus.REQUIRED, false, List.of()));

        assertThat(preferences.find(ALEX, "digest")).contains(own);
        assertThat(preferences.find(ALEX, acme, "digest")).contains(inAcme);
        assertThat(preferences.find(ALEX, Optional.of("globex"), "digest")).isEmpty();
        assertThat(preferences.list(ALEX, acme)).extracting(TopicPreference::topicId).containsExactly("billing", "digest");
        assertThat(preferences.list(ALEX)).containsExactly(own);

        preferences.save(Optional.of("globex"), own);
        preferences.deleteTenantScope("globex");
        assertThat(preferences.list(ALEX, Optional.of("globex"))).isEmpty();
        preferences.delete(ALEX, acme, "digest");
        assertThat(preferences.find(ALEX, acme, "digest")).isEmpty();
        assertThat(preferences.find(ALEX, "digest")).as("the user's own stays").contains(own);
    }
}
