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
import java.util.Optional;

@Singleton
@Transactional
class JdbcTenantRepository implements TenantRepository {

    private final TenantJdbcRepository rows;

    JdbcTenantRepository(TenantJdbcRepository rows) {
        this.rows = rows;
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
