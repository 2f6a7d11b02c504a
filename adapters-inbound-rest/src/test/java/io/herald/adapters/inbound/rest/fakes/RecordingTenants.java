package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.ManageTenantsUseCase;
import io.herald.application.port.in.QueryTenantsUseCase;
import io.herald.domain.preference.DefaultPreference;
import io.herald.domain.profile.UserId;
import io.herald.domain.tenant.Tenant;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Both tenant use cases: reads answer what the test set, writes are recorded (and a put is known afterwards). */
@Singleton
public class RecordingTenants extends RecordingFake implements QueryTenantsUseCase, ManageTenantsUseCase {

    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    private volatile Page<Tenant> list;
    private volatile Page<UserId> members;
    private volatile Page<String> tenantsOf;

    public RecordingTenants() {
        forgetAnswers();
    }

    public void know(Tenant tenant) {
        tenants.put(tenant.id(), tenant);
    }

    public void answerList(Page<Tenant> list) {
        this.list = list;
    }

    public void answerMembers(Page<UserId> members) {
        this.members = members;
    }

    public void answerTenantsOf(Page<String> tenantsOf) {
        this.tenantsOf = tenantsOf;
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        called("find", tenantId);
        return Optional.ofNullable(tenants.get(tenantId));
    }

    @Override
    public Page<Tenant> list(Optional<String> parentTenantId, Optional<String> cursor, int limit) {
        called("list", parentTenantId, cursor, limit);
        return list;
    }

    @Override
    public Page<UserId> members(String tenantId, Optional<String> cursor, int limit) {
        called("members", tenantId, cursor, limit);
        return members;
    }

    @Override
    public Page<String> tenantsOf(UserId userId, Optional<String> cursor, int limit) {
        called("tenantsOf", userId, cursor, limit);
        return tenantsOf;
    }

    @Override
    public Tenant put(Tenant tenant) {
        called("put", tenant);
        know(tenant);
        return tenant;
    }

    @Override
    public void delete(String tenantId) {
        called("delete", tenantId);
        if (tenants.remove(tenantId) == null) {
            throw new NotFoundException("No tenant '" + tenantId + "'");
        }
    }

    @Override
    public void putDefault(String tenantId, DefaultPreference item) {
        called("putDefault", tenantId, item);
    }

    @Override
    public void deleteDefault(String tenantId, String topicId) {
        called("deleteDefault", tenantId, topicId);
    }

    @Override
    public void join(UserId userId, Map<String, Map<String, Object>> profileByTenant) {
        called("join", userId, profileByTenant);
    }

    @Override
    public void leave(UserId userId, String tenantId) {
        called("leave", userId, tenantId);
    }

    @Override
    public void leaveAll(UserId userId) {
        called("leaveAll", userId);
    }

    @Override
    protected void forgetAnswers() {
        tenants.clear();
        list = new Page<>(List.of(), null);
        members = new Page<>(List.of(), null);
        tenantsOf = new Page<>(List.of(), null);
    }
}
