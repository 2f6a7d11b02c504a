package io.herald.application.port.out;

import io.herald.application.port.Page;
import io.herald.domain.profile.UserId;
import io.herald.domain.tenant.Tenant;

import java.time.Instant;
import java.util.Optional;

public interface TenantRepository {

    Optional<Tenant> find(String tenantId);

    /** The tenant, created if new, locked until the current transaction ends. */
    Tenant lockOrCreate(String tenantId);

    void save(Tenant tenant);

    /** Idempotent: a user already a member stays one. */
    void addMember(String tenantId, UserId userId, Instant since);

    Page<UserId> members(String tenantId, Optional<String> cursor, int limit);

    Page<String> tenantsOf(UserId userId, Optional<String> cursor, int limit);
}
