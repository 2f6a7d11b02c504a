package io.herald.application.contract;

import io.herald.application.port.Page;
import io.herald.application.port.out.TenantRepository;
import io.herald.domain.preference.DefaultPreference;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link TenantRepository} must do; run against the in-memory fake and PostgreSQL. A member has a profile
 * and its tenant exists before it joins, as a Segment group call leaves them.
 */
public abstract class TenantRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    protected abstract Stores emptyStores();

    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    private void join(Stores stores, String tenantId, String... users) {
        inTransaction(() -> {
            stores.tenants().lockOrCreate(tenantId);
            for (String user : users) {
                stores.profiles().lockOrCreate(UserId.of(user));
                stores.tenants().addMember(tenantId, UserId.of(user), NOW);
            }
            return null;
        });
    }

    @Test
    void lockOrCreateCreatesATenantNamedByItsIdOnce_andSaveReplacesItsNameAndProperties() {
        TenantRepository tenants = emptyStores().tenants();

        Tenant created = inTransaction(() -> tenants.lockOrCreate("acme"));
        assertThat(created).isEqualTo(Tenant.create("acme"));
        Tenant renamed = created.withTraits(Map.of("name", "Acme Inc.", "plan", "enterprise", "seats", 40, "address", Map.of("city", "Lyon")));
        tenants.save(renamed);

        assertThat(inTransaction(() -> tenants.lockOrCreate("acme"))).isEqualTo(renamed);
        assertThat(tenants.find("acme")).contains(renamed);
        tenants.save(new Tenant("acme", "Acme", Map.of()));
        assertThat(tenants.find("acme")).contains(new Tenant("acme", "Acme", Map.of()));
        assertThat(tenants.find("globex")).isEmpty();
    }

    @Test
    void saveCreatesATenantThatWasNotThere() {
        TenantRepository tenants = emptyStores().tenants();

        tenants.save(new Tenant("acme", "Acme", Map.of("plan", "pro")));

        assertThat(tenants.find("acme")).contains(new Tenant("acme", "Acme", Map.of("plan", "pro")));
    }

    @Test
    void membersAreListedInUserIdOrderAPageAtATime_andJoiningAgainChangesNothing() {
        Stores stores = emptyStores();
        join(stores, "acme", "dana", "bo", "cy", "al");
        join(stores, "acme", "bo");
        join(stores, "globex", "eve");
        TenantRepository tenants = stores.tenants();

        Page<UserId> first = tenants.members("acme", Optional.empty(), 3);
        Page<UserId> last = tenants.members("acme", first.cursor(), 3);

        assertThat(first.items()).extracting(UserId::value).containsExactly("al", "bo", "cy");
        assertThat(last.items()).extracting(UserId::value).containsExactly("dana");
        assertThat(last.hasMore()).isFalse();
        assertThat(tenants.members("acme", Optional.empty(), 4).hasMore()).isFalse();
        assertThat(tenants.members("initech", Optional.empty(), 3).items()).isEmpty();
    }

    @Test
    void aUsersTenantsAreListedInTenantIdOrderAPageAtATime() {
        Stores stores = emptyStores();
        for (String tenant : List.of("globex", "acme", "initech")) {
            join(stores, tenant, "alex");
        }
        join(stores, "umbrella", "kim");
        TenantRepository tenants = stores.tenants();

        Page<String> first = tenants.tenantsOf(UserId.of("alex"), Optional.empty(), 2);
        Page<String> last = tenants.tenantsOf(UserId.of("alex"), first.cursor(), 2);

        assertThat(first.items()).containsExactly("acme", "globex");
        assertThat(first.hasMore()).isTrue();
        assertThat(last.items()).containsExactly("initech");
        assertThat(last.hasMore()).isFalse();
    }

    @Test
    void everyApiFieldIsKept_andSaveReplacesThemAll() {
        TenantRepository tenants = emptyStores().tenants();
        Tenant full = new Tenant("acme-eu", "Acme EU", Map.of("region", "eu"), Optional.of("brand-blue"), Optional.of("acme"),
                List.of(new DefaultPreference("billing", PreferenceStatus.REQUIRED, false, List.of()),
                        new DefaultPreference("digest", PreferenceStatus.OPTED_OUT, true, List.of(Channel.EMAIL, Channel.INBOX))),
                Map.of("locale", "fr-FR", "address", Map.of("city", "Lyon")));

        tenants.save(full);
        assertThat(tenants.find("acme-eu")).contains(full);
        assertThat(inTransaction(() -> tenants.lockOrCreate("acme-eu"))).isEqualTo(full);

        tenants.save(new Tenant("acme-eu", "Acme Europe", Map.of()));
        assertThat(tenants.find("acme-eu")).contains(new Tenant("acme-eu", "Acme Europe", Map.of()));
    }

    @Test
    void tenantsAreListedInIdOrderAPageAtATime_orOnlyTheChildrenOfAParent() {
        TenantRepository tenants = emptyStores().tenants();
        for (String id : List.of("delta", "alpha", "charlie", "bravo")) {
            tenants.save(new Tenant(id, id, Map.of(), Optional.empty(), Optional.of(id.compareTo("c") < 0 ? "north" : "south"),
                    List.of(), Map.of()));
        }
        tenants.save(new Tenant("north", "North", Map.of()));

        Page<Tenant> first = tenants.list(Optional.empty(), Optional.empty(), 3);
        Page<Tenant> rest = tenants.list(Optional.empty(), first.cursor(), 3);
        Page<Tenant> north = tenants.list(Optional.of("north"), Optional.empty(), 1);

        assertThat(first.items()).extracting(Tenant::id).containsExactly("alpha", "bravo", "charlie");
        assertThat(rest.items()).extracting(Tenant::id).containsExactly("delta", "north");
        assertThat(rest.hasMore()).isFalse();
        assertThat(north.items()).extracting(Tenant::id).containsExactly("alpha");
        assertThat(tenants.list(Optional.of("north"), north.cursor(), 1).items()).extracting(Tenant::id).containsExactly("bravo");
        assertThat(tenants.list(Optional.of("nowhere"), Optional.empty(), 5).items()).isEmpty();
    }

    @Test
    void aMembershipKeepsItsProfile_putReplacesIt_addMemberLeavesIt() {
        Stores stores = emptyStores();
        join(stores, "acme");
        TenantRepository tenants = stores.tenants();
        inTransaction(() -> stores.profiles().lockOrCreate(UserId.of("alex")));

        tenants.putMember("acme", UserId.of("alex"), Map.of("title", "CTO", "team", Map.of("name", "core")), NOW);
        tenants.addMember("acme", UserId.of("alex"), NOW);
        assertThat(tenants.memberProfile("acme", UserId.of("alex"))).contains(Map.of("title", "CTO", "team", Map.of("name", "core")));

        tenants.putMember("acme", UserId.of("alex"), Map.of(), NOW);
        assertThat(tenants.memberProfile("acme", UserId.of("alex"))).contains(Map.of());
        assertThat(tenants.memberProfile("acme", UserId.of("kim"))).isEmpty();
        assertThat(tenants.members("acme", Optional.empty(), 10).items()).containsExactly(UserId.of("alex"));
    }

    @Test
    void aMemberLeavesOneTenantOrAll_andDeletingATenantTakesItsMemberships() {
        Stores stores = emptyStores();
        join(stores, "acme", "alex", "kim");
        join(stores, "globex", "alex", "kim");
        join(stores, "initech", "alex");
        TenantRepository tenants = stores.tenants();

        assertThat(tenants.removeMember("acme", UserId.of("alex"))).isTrue();
        assertThat(tenants.removeMember("acme", UserId.of("alex"))).isFalse();
        assertThat(tenants.tenantsOf(UserId.of("alex"), Optional.empty(), 10).items()).containsExactly("globex", "initech");
        tenants.removeFromAll(UserId.of("alex"));
        assertThat(tenants.tenantsOf(UserId.of("alex"), Optional.empty(), 10).items()).isEmpty();

        assertThat(tenants.delete("globex")).isTrue();
        assertThat(tenants.delete("globex")).isFalse();
        assertThat(tenants.find("globex")).isEmpty();
        assertThat(tenants.tenantsOf(UserId.of("kim"), Optional.empty(), 10).items()).containsExactly("acme");
    }
}
