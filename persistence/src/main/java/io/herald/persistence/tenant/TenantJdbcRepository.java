package io.herald.persistence.tenant;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code tenants} and their members ({@code tenant_members}, read as ids only). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TenantJdbcRepository extends GenericRepository<TenantRow, String> {

    Optional<TenantRow> findById(String tenantId);

    /** {@code SELECT … FOR UPDATE}: the row stays locked until the transaction ends. */
    Optional<TenantRow> findByIdForUpdate(String tenantId);

    /** A new tenant is named by its id. */
    @Query("INSERT INTO tenants (tenant_id, name) VALUES (:tenantId, :tenantId) ON CONFLICT (tenant_id) DO NOTHING")
    void insertIfAbsent(String tenantId);

    @Query("""
            INSERT INTO tenants (tenant_id, name, properties, brand_id, parent_tenant_id, default_preferences, user_profile)
            VALUES (:tenantId, :name, CAST(:properties AS jsonb), :brandId, :parentTenantId, CAST(:defaultPreferences AS jsonb),
                    CAST(:userProfile AS jsonb))
            ON CONFLICT (tenant_id) DO UPDATE SET name = excluded.name, properties = excluded.properties,
                brand_id = excluded.brand_id, parent_tenant_id = excluded.parent_tenant_id,
                default_preferences = excluded.default_preferences, user_profile = excluded.user_profile, updated_at = now()""")
    void upsert(TenantRow row);

    /** Takes the tenant's memberships with it ({@code ON DELETE CASCADE}). */
    int deleteById(String tenantId);

    @Query("SELECT * FROM tenants WHERE tenant_id > :after ORDER BY tenant_id LIMIT :limit")
    List<TenantRow> findPage(String after, int limit);

    @Query("SELECT * FROM tenants WHERE parent_tenant_id = :parentTenantId AND tenant_id > :after ORDER BY tenant_id LIMIT :limit")
    List<TenantRow> findChildren(String parentTenantId, String after, int limit);

    @Query("""
            INSERT INTO tenant_members (tenant_id, user_id, since, profile) VALUES (:tenantId, :userId, :since, CAST(:profile AS jsonb))
            ON CONFLICT (tenant_id, user_id) DO UPDATE SET profile = excluded.profile""")
    void upsertMember(String tenantId, String userId, Instant since, @TypeDef(type = DataType.JSON) Map<String, Object> profile);

    @Query("DELETE FROM tenant_members WHERE tenant_id = :tenantId AND user_id = :userId")
    int deleteMember(String tenantId, String userId);

    @Query("DELETE FROM tenant_members WHERE user_id = :userId")
    void deleteMemberships(String userId);

    @Query("INSERT INTO tenant_members (tenant_id, user_id, since) VALUES (:tenantId, :userId, :since) ON CONFLICT DO NOTHING")
    void insertMemberIfAbsent(String tenantId, String userId, Instant since);

    @Query("SELECT user_id FROM tenant_members WHERE tenant_id = :tenantId AND user_id > :after ORDER BY user_id LIMIT :limit")
    List<String> findMemberIds(String tenantId, String after, int limit);

    @Query("SELECT tenant_id FROM tenant_members WHERE user_id = :userId AND tenant_id > :after ORDER BY tenant_id LIMIT :limit")
    List<String> findTenantIdsOf(String userId, String after, int limit);
}
