package io.herald.application.port.in;

import io.herald.domain.preference.DefaultPreference;
import io.herald.domain.profile.UserId;
import io.herald.domain.tenant.Tenant;

import java.util.Map;

/** Courier's tenant writes, beside the tenants Segment group calls make. Unknown tenants are a NotFoundException. */
public interface ManageTenantsUseCase {

    /** Creates the tenant or replaces it; what Segment group traits gave it is replaced too. */
    Tenant put(Tenant tenant);

    void delete(String tenantId);

    /** Courier's {@code default_preferences/items/{topic_id}}: sets the tenant's default for one topic. */
    void putDefault(String tenantId, DefaultPreference item);

    /** Removes the tenant's default for the topic; idempotent. */
    void deleteDefault(String tenantId, String topicId);

    /**
     * Makes the user a member of each tenant with its membership profile, creating what does not exist yet (a tenant
     * named by its id, the user's profile), all in one transaction.
     */
    void join(UserId userId, Map<String, Map<String, Object>> profileByTenant);

    /** Idempotent: a user who is not a member stays none. */
    void leave(UserId userId, String tenantId);

    void leaveAll(UserId userId);
}
