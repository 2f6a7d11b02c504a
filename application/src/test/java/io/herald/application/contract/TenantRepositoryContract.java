package io.herald.application.contract;

import io.herald.application.port.Page;
import io.herald.application.port.out.TenantRepository;
import io.herald.domain.profile.UserId;
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
}
