package io.herald.application.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.out.TenantRepository;
import io.herald.domain.profile.UserId;
import io.herald.domain.tenant.Tenant;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryTenantRepository implements TenantRepository {

    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final Set<List<String>> memberships = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<Tenant> find(String tenantId) {
        return Optional.ofNullable(tenants.get(tenantId));
    }

    @Override
    public Tenant lockOrCreate(String tenantId) {
        return tenants.computeIfAbsent(tenantId, Tenant::create);
    }

    @Override
    public void save(Tenant tenant) {
        tenants.put(tenant.id(), tenant);
    }

    @Override
    public void addMember(String tenantId, UserId userId, Instant since) {
        memberships.add(List.of(tenantId, userId.value()));
    }

    @Override
    public Page<UserId> members(String tenantId, Optional<String> cursor, int limit) {
        TreeSet<String> ids = new TreeSet<>();
        memberships.stream().filter(m -> m.get(0).equals(tenantId)).forEach(m -> ids.add(m.get(1)));
        return page(ids, cursor, limit).map(UserId::of);
    }

    @Override
    public Page<String> tenantsOf(UserId userId, Optional<String> cursor, int limit) {
        TreeSet<String> ids = new TreeSet<>();
        memberships.stream().filter(m -> m.get(1).equals(userId.value())).forEach(m -> ids.add(m.get(0)));
        return page(ids, cursor, limit);
    }

    /** For {@link InMemoryIdentityMerger}. */
    void moveInto(UserId from, UserId into) {
        List<List<String>> visitor = memberships.stream().filter(m -> m.get(1).equals(from.value())).toList();
        visitor.forEach(m -> {
            memberships.remove(m);
            memberships.add(List.of(m.get(0), into.value()));
        });
    }

    /** For {@link InMemoryPersonalDataEraser}. */
    void erase(UserId userId) {
        memberships.removeIf(m -> m.get(1).equals(userId.value()));
    }

    private static Page<String> page(NavigableSet<String> ids, Optional<String> cursor, int limit) {
        List<String> after = List.copyOf(cursor.map(c -> ids.tailSet(c, false)).orElse(ids));
        if (after.size() <= limit) {
            return new Page<>(after, null);
        }
        List<String> items = after.subList(0, limit);
        return new Page<>(items, items.get(limit - 1));
    }
}
