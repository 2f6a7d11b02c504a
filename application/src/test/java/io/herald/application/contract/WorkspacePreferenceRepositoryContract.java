package io.herald.application.contract;

import io.herald.application.port.out.WorkspacePreferenceRepository;
import io.herald.domain.preference.PreferenceSection;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.WorkspaceTopic;
import io.herald.domain.routing.Channel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link WorkspacePreferenceRepository} must do; run against the in-memory fake and PostgreSQL. */
public abstract class WorkspacePreferenceRepositoryContract {

    private static final Instant CREATED = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant LATER = CREATED.plusSeconds(60);

    protected abstract WorkspacePreferenceRepository emptyRepository();

    private static PreferenceSection section(String id, String name) {
        return new PreferenceSection(id, name, Optional.of("About " + name), true, List.of(Channel.EMAIL, Channel.INBOX), CREATED, CREATED,
                "key_a", "key_a");
    }

    private static WorkspaceTopic topic(String id, String section, PreferenceStatus status) {
        return new WorkspaceTopic(id, section, "Topic " + id, Optional.empty(), status, List.of("channel_preferences"),
                status != PreferenceStatus.REQUIRED, List.of(Channel.EMAIL), Map.of("team", "growth", "rank", 2), CREATED, CREATED,
                "key_a", "key_a");
    }

    @Test
    void sectionsAndTopicsAreReadBackWhole_inTheOrderTheyWereCreated() {
        WorkspacePreferenceRepository store = emptyRepository();
        assertThat(store.insertSection(section("zeta", "Zeta"))).isTrue();
        assertThat(store.insertSection(section("alpha", "Alpha"))).isTrue();
        assertThat(store.insertSection(section("alpha", "Again"))).as("a taken id").isFalse();
        WorkspaceTopic marketing = topic("marketing", "alpha", PreferenceStatus.OPTED_OUT);
        assertThat(store.insertTopic(topic("security", "zeta", PreferenceStatus.REQUIRED))).isTrue();
        assertThat(store.insertTopic(marketing)).isTrue();
        assertThat(store.insertTopic(topic("digest", "zeta", PreferenceStatus.OPTED_IN))).isTrue();
        assertThat(store.insertTopic(topic("marketing", "zeta", PreferenceStatus.OPTED_IN))).as("a topic id is the workspace's").isFalse();

        assertThat(store.findSection("zeta")).contains(section("zeta", "Zeta"));
        assertThat(store.sections()).extracting(PreferenceSection::id).containsExactly("zeta", "alpha");
        assertThat(store.findTopic("marketing")).contains(marketing);
        assertThat(store.topicsOf("zeta")).extracting(WorkspaceTopic::id).containsExactly("security", "digest");
        assertThat(store.topics()).extracting(WorkspaceTopic::id).containsExactly("security", "digest", "marketing");
        assertThat(store.findTopic("nothing")).isEmpty();
        assertThat(store.findSection("nothing")).isEmpty();
    }

    @Test
    void anUpdateReplacesEveryFieldButTheCreation_andDeletesRemove() {
        WorkspacePreferenceRepository store = emptyRepository();
        store.insertSection(section("account", "Account"));
        store.insertTopic(topic("billing", "account", PreferenceStatus.OPTED_IN));

        PreferenceSection renamed = section("account", "Account").with(new PreferenceSection.Fields("Your account", Optional.empty(), false,
                List.of()), LATER, "key_b");
        assertThat(store.updateSection(renamed)).isTrue();
        assertThat(store.findSection("account")).contains(renamed);
        WorkspaceTopic required = topic("billing", "account", PreferenceStatus.OPTED_IN).with(new WorkspaceTopic.Fields("Billing",
                Optional.of("Invoices"), PreferenceStatus.REQUIRED, List.of(), false, List.of(Channel.EMAIL, Channel.SMS), Map.of()), LATER, "key_b");
        assertThat(store.updateTopic(required)).isTrue();
        assertThat(store.findTopic("billing")).contains(required);
        assertThat(store.updateTopic(topic("nothing", "account", PreferenceStatus.OPTED_IN))).isFalse();
        assertThat(store.updateSection(section("nothing", "Nothing"))).isFalse();

        assertThat(store.deleteTopic("billing")).isTrue();
        assertThat(store.deleteTopic("billing")).isFalse();
        assertThat(store.topicsOf("account")).isEmpty();
        assertThat(store.deleteSection("account")).isTrue();
        assertThat(store.sections()).isEmpty();
    }
}
