package io.herald.application.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.out.TenantRepository;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.profile.UserId;
import io.herald.domain.tenant.Tenant;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

public final class InMemoryTenantRepository implements TenantRepository {

    private final NavigableMap<String, Tenant> tenants = new ConcurrentSkipListMap<>();
    /** Membership profiles by {@code [tenantId, userId]}. */
    private final Map<List<String>, Map<String, Object>> memberships = new ConcurrentHashMap<>();

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
    public boolean delete(String tenantId) {
        memberships.keySet().removeIf(m -> m.get(0).equals(tenantId));
        return tenants.remove(tenantId) != null;
    }

    @Override
    public Page<Tenant> list(Optional<String> parentTenantId, Optional<String> cursor, int limit) {
        List<Tenant> after = (cursor.isPresent() ? tenants.tailMap(cursor.get(), false) : tenants).values().stream()
                .filter(tenant -> parentTenantId.isEmpty() || tenant.parentTenantId().equals(parentTenantId)).toList();
        List<Tenant> items = after.stream().limit(limit).toList();
        return new Page<>(items, after.size() > limit ? items.get(limit - 1).id() : null);
    }

    @Override
    public void addMember(String tenantId, UserId userId, Instant since) {
        memberships.putIfAbsent(List.of(tenantId, userId.value()), Map.of());
    }

    @Override
    public void putMember(String tenantId, UserId userId, Map<String, Object> profile, Instant since) {
        memberships.put(List.of(tenantId, userId.value()), JsonTrees.deepCopy(profile == null ? Map.of() : profile));
    }

    @Override
    public boolean removeMember(String tenantId, UserId userId) {
        return memberships.remove(List.of(tenantId, userId.value())) != null;
    }

    @Override
    public void removeFromAll(UserId userId) {
        erase(userId);
    }

    @Override
    public Optional<Map<String, Object>> memberProfile(String tenantId, UserId userId) {
        return Optional.ofNullable(memberships.get(List.of(tenantId, userId.value())));
    }

    @Override
    public Page<UserId> members(String tenantId, Optional<String> cursor, int limit) {
        TreeSet<String> ids = new TreeSet<>();
        memberships.keySet().stream().filter(m -> m.get(0).equals(tenantId)).forEach(m -> ids.add(m.get(1)));
        return page(ids, cursor, limit).map(UserId::of);
    }

    @Override
    public Page<String> tenantsOf(UserId userId, Optional<String> cursor, int limit) {
        TreeSet<String> ids = new TreeSet<>();
        memberships.keySet().stream().filter(m -> m.get(1).equals(userId.value())).forEach(m -> ids.add(m.get(0)));
        return page(ids, cursor, limit);
    }

    /** For {@link InMemoryIdentityMerger}: the user's own membership wins. */
    void moveInto(UserId from, UserId into) {
        List<List<String>> visitor = memberships.keySet().stream().filter(m -> m.get(1).equals(from.value())).toList();
        visitor.forEach(m -> {
            Map<String, Object> profile = memberships.remove(m);
            memberships.putIfAbsent(List.of(m.get(0), into.value()), profile);
        });
    }

    /** For {@link InMemoryPersonalDataEraser}. */
    void erase(UserId userId) {
        memberships.keySet().removeIf(m -> m.get(1).equals(userId.value()));
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
