package io.herald.persistence.tenant;

import io.herald.application.port.Page;
import io.herald.application.port.out.TenantRepository;
import io.herald.domain.profile.UserId;
import io.herald.domain.tenant.Tenant;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Singleton
@Transactional
class JdbcTenantRepository implements TenantRepository {

    private final Db db;

    JdbcTenantRepository(Db db) {
        this.db = db;
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        return db.queryOne("SELECT tenant_id, name, properties::text AS properties FROM tenants WHERE tenant_id = ?",
                statement -> statement.setString(1, tenantId), this::tenant);
    }

    // A lock outside a transaction would be released as soon as it is taken: fail instead.
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public Tenant lockOrCreate(String tenantId) {
        db.update("INSERT INTO tenants (tenant_id, name) VALUES (?, ?) ON CONFLICT (tenant_id) DO NOTHING", statement -> {
            statement.setString(1, tenantId);
            statement.setString(2, tenantId);
        });
        return db.queryOne("SELECT tenant_id, name, properties::text AS properties FROM tenants WHERE tenant_id = ? FOR UPDATE",
                statement -> statement.setString(1, tenantId), this::tenant).orElseThrow();
    }

    @Override
    public void save(Tenant tenant) {
        db.update("""
                INSERT INTO tenants (tenant_id, name, properties) VALUES (?, ?, ?::jsonb)
                ON CONFLICT (tenant_id) DO UPDATE SET name = excluded.name, properties = excluded.properties, updated_at = now()""",
                statement -> {
                    statement.setString(1, tenant.id());
                    statement.setString(2, tenant.name());
                    statement.setString(3, db.toJson(tenant.properties()));
                });
    }

    @Override
    public void addMember(String tenantId, UserId userId, Instant since) {
        db.update("INSERT INTO tenant_members (tenant_id, user_id, since) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", statement -> {
            statement.setString(1, tenantId);
            statement.setString(2, userId.value());
            statement.setObject(3, Db.timestamp(since));
        });
    }

    @Override
    public Page<UserId> members(String tenantId, Optional<String> cursor, int limit) {
        String after = cursor.map(Db::position).orElse("");
        List<String> ids = db.query("SELECT user_id FROM tenant_members WHERE tenant_id = ? AND user_id > ? ORDER BY user_id LIMIT ?",
                statement -> {
                    statement.setString(1, tenantId);
                    statement.setString(2, after);
                    statement.setInt(3, limit + 1);
                }, row -> row.getString(1));
        return page(ids, limit).map(UserId::of);
    }

    @Override
    public Page<String> tenantsOf(UserId userId, Optional<String> cursor, int limit) {
        String after = cursor.map(Db::position).orElse("");
        List<String> ids = db.query("SELECT tenant_id FROM tenant_members WHERE user_id = ? AND tenant_id > ? ORDER BY tenant_id LIMIT ?",
                statement -> {
                    statement.setString(1, userId.value());
                    statement.setString(2, after);
                    statement.setInt(3, limit + 1);
                }, row -> row.getString(1));
        return page(ids, limit);
    }

    private static Page<String> page(List<String> idsPlusOne, int limit) {
        if (idsPlusOne.size() <= limit) {
            return new Page<>(idsPlusOne, null);
        }
        List<String> items = idsPlusOne.subList(0, limit);
        return new Page<>(items, Db.cursor(items.get(limit - 1)));
    }

    private Tenant tenant(ResultSet row) throws SQLException {
        return new Tenant(row.getString("tenant_id"), row.getString("name"), db.jsonObject(row.getString("properties")));
    }
}
