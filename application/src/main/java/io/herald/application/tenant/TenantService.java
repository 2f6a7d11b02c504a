package io.herald.application.tenant;

import io.herald.application.port.Page;
import io.herald.application.port.in.QueryTenantsUseCase;
import io.herald.application.port.out.TenantRepository;
import io.herald.domain.profile.UserId;
import io.herald.domain.tenant.Tenant;

import java.util.Optional;

public final class TenantService implements QueryTenantsUseCase {

    private final TenantRepository tenants;

    public TenantService(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        return tenants.find(tenantId);
    }

    @Override
    public Page<UserId> members(String tenantId, Optional<String> cursor, int limit) {
        return tenants.members(tenantId, cursor, limit);
    }

    @Override
    public Page<String> tenantsOf(UserId userId, Optional<String> cursor, int limit) {
        return tenants.tenantsOf(userId, cursor, limit);
    }
}
