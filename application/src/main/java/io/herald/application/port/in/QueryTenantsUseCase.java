package io.herald.application.port.in;

import io.herald.application.port.Page;
import io.herald.domain.profile.UserId;
import io.herald.domain.tenant.Tenant;

import java.util.Optional;

/** Courier's tenant reads, over tenants from Segment group calls and the tenant API. */
public interface QueryTenantsUseCase {

    Optional<Tenant> find(String tenantId);

    Page<Tenant> list(Optional<String> parentTenantId, Optional<String> cursor, int limit);

    Page<UserId> members(String tenantId, Optional<String> cursor, int limit);

    Page<String> tenantsOf(UserId userId, Optional<String> cursor, int limit);
}
