package io.herald.persistence.tenant;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
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
            INSERT INTO tenants (tenant_id, name, properties) VALUES (:tenantId, :name, CAST(:properties AS jsonb))
            ON CONFLICT (tenant_id) DO UPDATE SET name = excluded.name, properties = excluded.properties, updated_at = now()""")
    void upsert(TenantRow row);

    @Query("INSERT INTO tenant_members (tenant_id, user_id, since) VALUES (:tenantId, :userId, :since) ON CONFLICT DO NOTHING")
    void insertMemberIfAbsent(String tenantId, String userId, Instant since);

    @Query("SELECT user_id FROM tenant_members WHERE tenant_id = :tenantId AND user_id > :after ORDER BY user_id LIMIT :limit")
    List<String> findMemberIds(String tenantId, String after, int limit);

    @Query("SELECT tenant_id FROM tenant_members WHERE user_id = :userId AND tenant_id > :after ORDER BY tenant_id LIMIT :limit")
    List<String> findTenantIdsOf(String userId, String after, int limit);
}
