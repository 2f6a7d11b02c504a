package io.herald.persistence.tenant;

import io.herald.domain.tenant.Tenant;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.util.Map;

@MappedEntity("tenants")
record TenantRow(@Id String tenantId, String name, @TypeDef(type = DataType.JSON) Map<String, Object> properties) {

    static TenantRow of(Tenant tenant) {
        return new TenantRow(tenant.id(), tenant.name(), tenant.properties());
    }

    Tenant toTenant() {
        return new Tenant(tenantId, name, properties);
    }
}
