package io.herald.application.preference;

import io.herald.application.errors.NotFoundException;
import io.herald.application.fakes.InMemoryPreferenceRepository;
import io.herald.application.fakes.InMemoryTenantRepository;
import io.herald.application.fakes.InMemoryWorkspacePreferenceRepository;
import io.herald.application.port.in.ManagePreferencesUseCase.BulkUpdate;
import io.herald.application.port.in.ManagePreferencesUseCase.Change;
import io.herald.application.port.in.ManagePreferencesUseCase.Refusal;
import io.herald.domain.preference.DefaultPreference;
import io.herald.domain.preference.PreferenceSection;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.preference.WorkspaceTopic;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Courier's user preferences: a topic never chosen is opted in (or at its tenant's default in a tenant's scope); a
 * REQUIRED topic, the user's or the tenant's, stays REQUIRED on every path; bulk writes update some or replace all.
 */
class PreferenceServiceTest {

    private static final UserId ALEX = UserId.of("alex");
    private static final Optional<String> OWN = Optional.empty();
    private static final Optional<String> ACME = Optional.of("acme");

    private final InMemoryPreferenceRepository repository = new InMemoryPreferenceRepository();
    private final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
    private final InMemoryWorkspacePreferenceRepository topics = new InMemoryWorkspacePreferenceRepository();
    private final PreferenceService preferences = new PreferenceService(repository, tenants, topics);

    PreferenceServiceTest() {
        tenants.save(new Tenant("acme", "Acme", Map.of(), Optional.empty(), Optional.empty(), List.of(
                new DefaultPreference("billing", PreferenceStatus.REQUIRED, false, List.of()),
                new DefaultPreference("digest", PreferenceStatus.OPTED_OUT, false, List.of())), Map.of()));
    }

    private static Change change(String topic, PreferenceStatus status) {
        return new Change(topic, status, false, List.of());
    }

    @Test
    void aTopicNeverChosenIsOptedInAndAChoiceIsKept() {
        assertThat(preferences.find(ALEX, OWN, "news").preference())
                .isEqualTo(new TopicPreference(ALEX, "news", PreferenceStatus.OPTED_IN, false, List.of()));
        assertThat(preferences.list(ALEX)).isEmpty();

        preferences.put(ALEX, OWN, "news", PreferenceStatus.OPTED_IN, true, List.of(Channel.SMS));
        preferences.put(ALEX, OWN, "promotions", PreferenceStatus.OPTED_OUT, false, List.of());

        assertThat(preferences.find(ALEX, OWN, "news").preference().customRouting()).containsExactly(Channel.SMS);
        assertThat(preferences.list(ALEX)).extracting(TopicPreference::topicId, TopicPreference::status).containsExactly(
                tuple("news", PreferenceStatus.OPTED_IN),
                tuple("promotions", PreferenceStatus.OPTED_OUT));
    }

    @Test
    void aRequiredTopicCannotBeLeftButItsRoutingCanChange() {
        preferences.put(ALEX, OWN, "security", PreferenceStatus.REQUIRED, false, List.of());

        assertThatThrownBy(() -> preferences.put(ALEX, OWN, "security", PreferenceStatus.OPTED_OUT, false, List.of()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("REQUIRED").hasMessageContaining("opted out of");
        assertThatThrownBy(() -> preferences.put(ALEX, OWN, "security", PreferenceStatus.OPTED_IN, false, List.of()))
                .as("not by way of OPTED_IN either").isInstanceOf(InvalidValueException.class);
        preferences.put(ALEX, OWN, "security", PreferenceStatus.REQUIRED, true, List.of(Channel.EMAIL));

        assertThat(preferences.find(ALEX, OWN, "security").preference()).isEqualTo(new TopicPreference(ALEX, "security",
                PreferenceStatus.REQUIRED, true, List.of(Channel.EMAIL)));
    }

    @Test
    void inATenantsScopeTheChoicesAreApartAndATopicNeverChosenIsAtTheTenantsDefault() {
        preferences.put(ALEX, ACME, "digest", PreferenceStatus.OPTED_IN, false, List.of());

        assertThat(preferences.find(ALEX, ACME, "digest").preference().status()).isEqualTo(PreferenceStatus.OPTED_IN);
        assertThat(preferences.find(ALEX, ACME, "digest").defaultStatus()).isEqualTo(PreferenceStatus.OPTED_OUT);
        assertThat(preferences.find(ALEX, ACME, "billing").preference().status()).isEqualTo(PreferenceStatus.REQUIRED);
        assertThat(preferences.find(ALEX, OWN, "digest").preference().status()).as("the user's own scope").isEqualTo(PreferenceStatus.OPTED_IN);
        assertThat(preferences.list(ALEX, ACME)).extracting(TopicPreference::topicId).containsExactly("digest");
        assertThat(preferences.list(ALEX, OWN)).isEmpty();
        assertThatThrownBy(() -> preferences.list(ALEX, Optional.of("globex"))).isInstanceOf(NotFoundException.class)
                .hasMessage("No tenant 'globex'");
    }

    @Test
    void aTopicTheTenantRequiresCannotBeOptedOutOfInItsScope() {
        assertThatThrownBy(() -> preferences.put(ALEX, ACME, "billing", PreferenceStatus.OPTED_OUT, false, List.of()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("REQUIRED by tenant 'acme'");
        preferences.put(ALEX, ACME, "billing", PreferenceStatus.OPTED_IN, true, List.of(Channel.INBOX));

        assertThat(preferences.find(ALEX, ACME, "billing").preference().customRouting()).containsExactly(Channel.INBOX);
    }

    @Test
    void aBulkUpdateWritesWhatCanApplyAndAnswersWhyTheRestCannot() {
        preferences.put(ALEX, OWN, "security", PreferenceStatus.REQUIRED, false, List.of());
        preferences.put(ALEX, OWN, "promotions", PreferenceStatus.OPTED_OUT, false, List.of());

        BulkUpdate result = preferences.update(ALEX, OWN, List.of(change("news", PreferenceStatus.OPTED_OUT),
                change("security", PreferenceStatus.OPTED_OUT)));

        assertThat(result.applied()).extracting(TopicPreference::topicId).containsExactly("news");
        assertThat(result.refused()).extracting(Refusal::topicId).containsExactly("security");
        assertThat(result.refused().get(0).reason()).contains("REQUIRED");
        assertThat(preferences.list(ALEX)).extracting(TopicPreference::topicId).as("the others stay")
                .containsExactly("news", "promotions", "security");
    }

    @Test
    void aBulkReplaceResetsWhatItLeavesOut_allOrNothing() {
        preferences.put(ALEX, OWN, "promotions", PreferenceStatus.OPTED_OUT, false, List.of());
        preferences.put(ALEX, OWN, "security", PreferenceStatus.REQUIRED, false, List.of());

        assertThatThrownBy(() -> preferences.replace(ALEX, OWN, List.of(change("news", PreferenceStatus.OPTED_OUT))))
                .as("leaving out a REQUIRED one would reset it").isInstanceOf(InvalidValueException.class);
        assertThat(preferences.list(ALEX)).extracting(TopicPreference::topicId).as("nothing written").containsExactly("promotions", "security");

        preferences.replace(ALEX, OWN, List.of(change("news", PreferenceStatus.OPTED_OUT),
                new Change("security", PreferenceStatus.REQUIRED, true, List.of(Channel.EMAIL))));

        assertThat(preferences.list(ALEX)).extracting(TopicPreference::topicId, TopicPreference::status).containsExactly(
                tuple("news", PreferenceStatus.OPTED_OUT), tuple("security", PreferenceStatus.REQUIRED));
    }

    private void workspaceTopic(String id, PreferenceStatus status, Channel... channels) {
        Instant at = Instant.parse("2026-03-01T09:00:00Z");
        topics.insertSection(new PreferenceSection("account", "Account", Optional.empty(), false, List.of(), at, at, "key_a", "key_a"));
        topics.insertTopic(new WorkspaceTopic(id, "account", id, Optional.empty(), status, List.of(), status != PreferenceStatus.REQUIRED,
                List.of(channels), Map.of(), at, at, "key_a", "key_a"));
    }

    @Test
    void aRequiredWorkspaceTopicCannotBeOptedOutOfOnAnyPath_andReadsRequiredWhateverWasStored() {
        preferences.put(ALEX, OWN, "security", PreferenceStatus.OPTED_OUT, false, List.of());
        workspaceTopic("security", PreferenceStatus.REQUIRED, Channel.EMAIL);

        assertThatThrownBy(() -> preferences.put(ALEX, OWN, "security", PreferenceStatus.OPTED_OUT, false, List.of()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("REQUIRED for everyone");
        assertThatThrownBy(() -> preferences.put(ALEX, ACME, "security", PreferenceStatus.OPTED_OUT, false, List.of()))
                .isInstanceOf(InvalidValueException.class);
        assertThat(preferences.update(ALEX, OWN, List.of(change("security", PreferenceStatus.OPTED_OUT))).refused())
                .extracting(Refusal::topicId).containsExactly("security");
        assertThatThrownBy(() -> preferences.replace(ALEX, OWN, List.of(change("security", PreferenceStatus.OPTED_OUT))))
                .isInstanceOf(InvalidValueException.class);
        assertThat(preferences.find(ALEX, OWN, "security").preference())
                .isEqualTo(new TopicPreference(ALEX, "security", PreferenceStatus.REQUIRED, true, List.of(Channel.EMAIL)));
        assertThat(preferences.find(ALEX, OWN, "security").defaultStatus()).isEqualTo(PreferenceStatus.REQUIRED);

        preferences.put(ALEX, OWN, "security", PreferenceStatus.OPTED_IN, true, List.of(Channel.INBOX));
        assertThat(preferences.find(ALEX, OWN, "security").preference().customRouting()).as("the user's channels still count")
                .containsExactly(Channel.INBOX);
    }

    @Test
    void aWorkspaceTopicsDefaultIsWhatAUserWhoNeverChoseHas() {
        workspaceTopic("newsletter", PreferenceStatus.OPTED_OUT);

        assertThat(preferences.find(ALEX, OWN, "newsletter").preference().status()).isEqualTo(PreferenceStatus.OPTED_OUT);
        assertThat(preferences.find(ALEX, OWN, "newsletter").defaultStatus()).isEqualTo(PreferenceStatus.OPTED_OUT);
        preferences.put(ALEX, OWN, "newsletter", PreferenceStatus.OPTED_IN, false, List.of());
        assertThat(preferences.find(ALEX, OWN, "newsletter").preference().status()).isEqualTo(PreferenceStatus.OPTED_IN);
    }
}
