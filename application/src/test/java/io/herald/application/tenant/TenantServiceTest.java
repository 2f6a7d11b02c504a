package io.herald.application.tenant;

import io.herald.application.errors.NotFoundException;
import io.herald.application.fakes.InMemoryPreferenceRepository;
import io.herald.application.fakes.InMemoryProfileRepository;
import io.herald.application.fakes.InMemoryTenantRepository;
import io.herald.application.fakes.MutableClock;
import io.herald.domain.preference.DefaultPreference;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.UserId;
import io.herald.domain.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tenant reads over what Segment group calls recorded: a tenant, its members, a user's tenants, a page at a time. */
class TenantServiceTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final InMemoryTenantRepository repository = new InMemoryTenantRepository();
    private final InMemoryProfileRepository profiles = new InMemoryProfileRepository();
    private final InMemoryPreferenceRepository preferences = new InMemoryPreferenceRepository();
    private final TenantService tenants = new TenantService(repository, profiles, preferences, new MutableClock(START));

    TenantServiceTest() {
        repository.save(repository.lockOrCreate("acme").withTraits(Map.of("name", "Acme", "plan", "enterprise")));
        repository.addMember("acme", UserId.of("alex"), START);
        repository.addMember("acme", UserId.of("bo"), START);
        repository.addMember("globex", UserId.of("alex"), START);
    }

    @Test
    void aTenantShowsItsTraitsAndMembers() {
        Tenant acme = tenants.find("acme").orElseThrow();
        assertThat(acme.properties()).containsEntry("plan", "enterprise");

        var first = tenants.members("acme", Optional.empty(), 1);
        assertThat(first.items()).containsExactly(UserId.of("alex"));
        assertThat(tenants.members("acme", first.cursor(), 1).items()).containsExactly(UserId.of("bo"));
        assertThat(tenants.tenantsOf(UserId.of("alex"), Optional.empty(), 10).items()).containsExactly("acme", "globex");
    }

    @Test
    void anUnknownTenantIsAbsentAndHasNoMembers() {
        assertThat(tenants.find("initech")).isEmpty();
        assertThat(tenants.members("initech", Optional.empty(), 10).items()).isEmpty();
        assertThat(tenants.tenantsOf(UserId.of("nobody"), Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    void joiningCreatesTheMissingTenantAndProfile_andKeepsEachMembershipsProfile() {
        tenants.join(UserId.of("kim"), Map.of("initech", Map.of("title", "CFO"), "acme", Map.of()));

        assertThat(tenants.find("initech")).contains(Tenant.create("initech"));
        assertThat(profiles.find(UserId.of("kim"))).isPresent();
        assertThat(tenants.tenantsOf(UserId.of("kim"), Optional.empty(), 10).items()).containsExactly("acme", "initech");
        assertThat(repository.memberProfile("initech", UserId.of("kim"))).contains(Map.of("title", "CFO"));
    }

    @Test
    void putReplacesTheTenantFromGroupTraits_andLeavingIsIdempotent() {
        tenants.put(new Tenant("acme", "Acme Corp", Map.of("tier", "gold")));
        tenants.leave(UserId.of("alex"), "acme");
        tenants.leave(UserId.of("alex"), "acme");

        assertThat(tenants.find("acme").orElseThrow().properties()).isEqualTo(Map.of("tier", "gold"));
        assertThat(tenants.tenantsOf(UserId.of("alex"), Optional.empty(), 10).items()).containsExactly("globex");
        tenants.leaveAll(UserId.of("alex"));
        assertThat(tenants.tenantsOf(UserId.of("alex"), Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    void deletingAnUnknownTenantIsANotFound() {
        assertThatThrownBy(() -> tenants.delete("initech")).isInstanceOf(NotFoundException.class).hasMessage("No tenant 'initech'");
        preferences.save(Optional.of("acme"), new TopicPreference(UserId.of("alex"), "digest", PreferenceStatus.OPTED_OUT, false, List.of()));
        tenants.delete("acme");
        assertThat(tenants.members("acme", Optional.empty(), 10).items()).isEmpty();
        assertThat(preferences.list(UserId.of("alex"), Optional.of("acme"))).as("the choices made within it go too").isEmpty();
    }

    @Test
    void aDefaultIsSetForOneTopicReplacingTheOldOne_andRemoved() {
        tenants.putDefault("acme", new DefaultPreference("digest", PreferenceStatus.OPTED_OUT, false, List.of()));
        tenants.putDefault("acme", new DefaultPreference("digest", PreferenceStatus.REQUIRED, false, List.of()));

        assertThat(tenants.find("acme").orElseThrow().defaultPreferences()).extracting(DefaultPreference::status)
                .containsExactly(PreferenceStatus.REQUIRED);
        assertThat(tenants.find("acme").orElseThrow().properties()).as("the rest stays").containsEntry("plan", "enterprise");
        tenants.deleteDefault("acme", "digest");
        tenants.deleteDefault("acme", "digest");
        assertThat(tenants.find("acme").orElseThrow().defaultPreferences()).isEmpty();
        assertThatThrownBy(() -> tenants.putDefault("initech", new DefaultPreference("digest", PreferenceStatus.OPTED_IN, false, List.of())))
                .isInstanceOf(NotFoundException.class);
    }
}
