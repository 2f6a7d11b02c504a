package io.herald.persistence.tenant;

import io.herald.domain.preference.DefaultPreference;
import io.herald.domain.tenant.Tenant;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tenant; its default preferences are kept as the API has them (Courier's items), read back through the domain. */
@MappedEntity("tenants")
record TenantRow(
        @Id String tenantId,
        String name,
        @TypeDef(type = DataType.JSON) Map<String, Object> properties,
        @Nullable String brandId,
        @Nullable String parentTenantId,
        @TypeDef(type = DataType.JSON) List<Object> defaultPreferences,
        @TypeDef(type = DataType.JSON) Map<String, Object> userProfile) {

    static TenantRow of(Tenant tenant) {
        return new TenantRow(tenant.id(), tenant.name(), tenant.properties(), tenant.brandId().orElse(null),
                tenant.parentTenantId().orElse(null), tenant.defaultPreferences().stream().map(item -> (Object) item.toJson()).toList(),
                tenant.userProfile());
    }

    Tenant toTenant() {
        return new Tenant(tenantId, name, properties, Optional.ofNullable(brandId), Optional.ofNullable(parentTenantId),
                DefaultPreference.parseAll(defaultPreferences == null ? List.of() : defaultPreferences, "default_preferences"),
                userProfile);
    }
}
