package io.herald.application.tenant;

import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.ManageTenantsUseCase;
import io.herald.application.port.in.QueryTenantsUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.PreferenceRepository;
import io.herald.application.port.out.ProfileRepository;
import io.herald.application.port.out.TenantRepository;
import io.herald.domain.preference.DefaultPreference;
import io.herald.domain.profile.UserId;
import io.herald.domain.tenant.Tenant;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

public final class TenantService implements QueryTenantsUseCase, ManageTenantsUseCase {

    private final TenantRepository tenants;
    private final ProfileRepository profiles;
    private final PreferenceRepository preferences;
    private final Clock clock;

    public TenantService(TenantRepository tenants, ProfileRepository profiles, PreferenceRepository preferences, Clock clock) {
        this.tenants = tenants;
        this.profiles = profiles;
        this.preferences = preferences;
        this.clock = clock;
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        return tenants.find(tenantId);
    }

    @Override
    public Page<Tenant> list(Optional<String> parentTenantId, Optional<String> cursor, int limit) {
        return tenants.list(parentTenantId, cursor, limit);
    }

    @Override
    public Page<UserId> members(String tenantId, Optional<String> cursor, int limit) {
        return tenants.members(tenantId, cursor, limit);
    }

    @Override
    public Page<String> tenantsOf(UserId userId, Optional<String> cursor, int limit) {
        return tenants.tenantsOf(userId, cursor, limit);
    }

    @Override
    public Tenant put(Tenant tenant) {
        // Locked so that a Segment group call merging traits at the same moment comes before or after, not between.
        tenants.lockOrCreate(tenant.id());
        tenants.save(tenant);
        return tenant;
    }

    @Override
    public void delete(String tenantId) {
        if (!tenants.delete(tenantId)) {
            throw new NotFoundException("No tenant '" + tenantId + "'");
        }
        // A tenant put again later starts without the choices its users made in the deleted one.
        preferences.deleteTenantScope(tenantId);
    }

    @Override
    public void putDefault(String tenantId, DefaultPreference item) {
        tenants.save(locked(tenantId).withDefault(item));
    }

    @Override
    public void deleteDefault(String tenantId, String topicId) {
        tenants.save(locked(tenantId).withoutDefault(topicId));
    }

    private Tenant locked(String tenantId) {
        if (tenants.find(tenantId).isEmpty()) {
            throw new NotFoundException("No tenant '" + tenantId + "'");
        }
        return tenants.lockOrCreate(tenantId);
    }

    @Override
    public void join(UserId userId, Map<String, Map<String, Object>> profileByTenant) {
        Instant now = clock.now();
        profiles.lockOrCreate(userId);
        // In id order, as the inbound drain locks tenants, so that the two never wait on each other in a cycle.
        new TreeMap<>(profileByTenant).forEach((tenantId, profile) -> {
            tenants.lockOrCreate(tenantId);
            tenants.putMember(tenantId, userId, profile, now);
        });
    }

    @Override
    public void leave(UserId userId, String tenantId) {
        tenants.removeMember(tenantId, userId);
    }

    @Override
    public void leaveAll(UserId userId) {
        tenants.removeFromAll(userId);
    }
}
