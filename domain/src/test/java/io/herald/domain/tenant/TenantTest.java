package io.herald.domain.tenant;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TenantTest {

    @Test
    void groupTraitsBecomePropertiesAndTheNameTraitNamesTheTenant() {
        var tenant = Tenant.create("0e8c78ea9d97a7b8185e8632")
                .withTraits(Map.of("name", "Initech", "employees", 329))
                .withTraits(Map.of("plan", "enterprise"));

        assertThat(tenant.name()).isEqualTo("Initech");
        assertThat(tenant.properties()).containsEntry("employees", 329).containsEntry("plan", "enterprise");
    }

    @Test
    void withoutANameTraitTheIdIsTheName() {
        assertThat(Tenant.create("acme").withTraits(Map.of("plan", "pro")).name()).isEqualTo("acme");
    }
}
