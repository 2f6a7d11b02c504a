package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.in.QueryTenantsUseCase;
import io.herald.domain.profile.UserId;
import io.herald.domain.tenant.Tenant;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

@Singleton
public class RecordingQueryTenants extends RecordingFake implements QueryTenantsUseCase {

    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    private volatile Page<UserId> members;
    private volatile Page<String> tenantsOf;

    public RecordingQueryTenants() {
        forgetAnswers();
    }

    public void know(Tenant tenant) {
        tenants.put(tenant.id(), tenant);
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
    protected void forgetAnswers() {
        tenants.clear();
        members = new Page<>(List.of(), null);
        tenantsOf = new Page<>(List.of(), null);
    }
}
