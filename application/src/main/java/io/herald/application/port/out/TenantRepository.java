package io.herald.application.port.out;

import io.herald.application.port.Page;
import io.herald.domain.profile.UserId;
import io.herald.domain.tenant.Tenant;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

public interface TenantRepository {

    Optional<Tenant> find(String tenantId);

    /** The tenant, created if new, locked until the current transaction ends. */
    Tenant lockOrCreate(String tenantId);

    /** Creates the tenant or replaces every field of it. */
    void save(Tenant tenant);

    /** Deletes the tenant and its memberships; false when there was none. */
    boolean delete(String tenantId);

    /** Tenants in id order, a page at a time; only the children of {@code parentTenantId} when one is given. */
    Page<Tenant> list(Optional<String> parentTenantId, Optional<String> cursor, int limit);

    /** Idempotent: a user already a member stays one, with the profile the membership had. The tenant must exist. */
    void addMember(String tenantId, UserId userId, Instant since);

    /** Makes the user a member, or replaces the membership's profile (merged into theirs in the tenant's context). */
    void putMember(String tenantId, UserId userId, Map<String, Object> profile, Instant since);

    /** The membership's profile; empty when the user is not a member. */
    Optional<Map<String, Object>> memberProfile(String tenantId, UserId userId);

    boolean removeMember(String tenantId, UserId userId);

    void removeFromAll(UserId userId);

    Page<UserId> members(String tenantId, Optional<String> cursor, int limit);

    Page<String> tenantsOf(UserId userId, Optional<String> cursor, int limit);
}
