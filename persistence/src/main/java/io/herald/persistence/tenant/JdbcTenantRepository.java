package io.herald.persistence.tenant;

import io.herald.application.port.Page;
import io.herald.application.port.out.TenantRepository;
import io.herald.domain.profile.UserId;
import io.herald.domain.tenant.Tenant;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
@Transactional
class JdbcTenantRepository implements TenantRepository {

    private final TenantJdbcRepository rows;
    private final Db db;

    JdbcTenantRepository(TenantJdbcRepository rows, Db db) {
        this.rows = rows;
        this.db = db;
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        return rows.findById(tenantId).map(TenantRow::toTenant);
    }

    // A lock outside a transaction would be released as soon as it is taken: fail instead.
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public Tenant lockOrCreate(String tenantId) {
        rows.insertIfAbsent(tenantId);
        return rows.findByIdForUpdate(tenantId).map(TenantRow::toTenant).orElseThrow();
    }

    @Override
    public void save(Tenant tenant) {
        rows.upsert(TenantRow.of(tenant));
    }

    @Override
    public boolean delete(String tenantId) {
        return rows.deleteById(tenantId) == 1;
    }

    @Override
    public Page<Tenant> list(Optional<String> parentTenantId, Optional<String> cursor, int limit) {
        String after = cursor.map(Db::position).orElse("");
        List<TenantRow> found = parentTenantId.isPresent() ? rows.findChildren(parentTenantId.get(), after, limit + 1)
                : rows.findPage(after, limit + 1);
        List<Tenant> tenants = found.stream().map(TenantRow::toTenant).toList();
        if (tenants.size() <= limit) {
            return new Page<>(tenants, null);
        }
        List<Tenant> items = tenants.subList(0, limit);
        return new Page<>(items, Db.cursor(items.get(limit - 1).id()));
    }

    @Override
    public void putMember(String tenantId, UserId userId, Map<String, Object> profile, Instant since) {
        rows.upsertMember(tenantId, userId.value(), since, profile == null ? Map.of() : profile);
    }

    @Override
    public Optional<Map<String, Object>> memberProfile(String tenantId, UserId userId) {
        return db.queryOne("SELECT profile::text FROM tenant_members WHERE tenant_id = ? AND user_id = ?", statement -> {
            statement.setString(1, tenantId);
            statement.setString(2, userId.value());
        }, row -> db.jsonObject(row.getString(1)));
    }

    @Override
    public boolean removeMember(String tenantId, UserId userId) {
        return rows.deleteMember(tenantId, userId.value()) == 1;
    }

    @Override
    public void removeFromAll(UserId userId) {
        rows.deleteMemberships(userId.value());
    }

    @Override
    public void addMember(String tenantId, UserId userId, Instant since) {
        rows.insertMemberIfAbsent(tenantId, userId.value(), since);
    }

    @Override
    public Page<UserId> members(String tenantId, Optional<String> cursor, int limit) {
        String after = cursor.map(Db::position).orElse("");
        return page(rows.findMemberIds(tenantId, after, limit + 1), limit).map(UserId::of);
    }

    @Override
    public Page<String> tenantsOf(UserId userId, Optional<String> cursor, int limit) {
        String after = cursor.map(Db::position).orElse("");
        return page(rows.findTenantIdsOf(userId.value(), after, limit + 1), limit);
    }

    private static Page<String> page(List<String> idsPlusOne, int limit) {
        if (idsPlusOne.size() <= limit) {
            return new Page<>(idsPlusOne, null);
        }
        List<String> items = idsPlusOne.subList(0, limit);
        return new Page<>(items, Db.cursor(items.get(limit - 1)));
    }
}
