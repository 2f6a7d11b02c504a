package io.herald.application.port.in;

import io.herald.application.port.Page;
import io.herald.domain.profile.UserId;
import io.herald.domain.tenant.Tenant;

import java.util.Optional;

/** Courier's tenant reads: tenants come from Segment group calls. */
public interface QueryTenantsUseCase {

    Optional<Tenant> find(String tenantId);

    Page<UserId> members(String tenantId, Optional<String> cursor, int limit);

    Page<String> tenantsOf(UserId userId, Optional<String> cursor, int limit);
}
