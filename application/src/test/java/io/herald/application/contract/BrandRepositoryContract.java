package io.herald.application.contract;

import io.herald.application.port.Page;
import io.herald.application.port.out.BrandRepository;
import io.herald.domain.brand.Brand;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link BrandRepository} must do; run against the in-memory fake and PostgreSQL. */
public abstract class BrandRepositoryContract {

    private static final Instant CREATED = Instant.parse("2026-03-01T09:00:00Z");

    protected abstract BrandRepository emptyRepository();

    private static Brand brand(String id, String name, Instant updated) {
        return Brand.parse(id, Map.of("name", name,
                "settings", Map.of("colors", Map.of("primary", "#1f6feb"),
                        "email", Map.of("header", Map.of("logo", Map.of("image", "https://cdn.example.org/logo.png")),
                                "footer", Map.of("content", "Acme Inc."))),
                "snippets", Map.of("items", List.of(Map.of("name", "sign_off", "value", "The Acme team"), Map.of("name", "address", "value", "1 Main St")))),
                CREATED, updated);
    }

    @Test
    void aBrandIsReadBackWhole_snippetsInTheirOrder_andAnUpdateKeepsItsCreationTime() {
        BrandRepository brands = emptyRepository();
        Brand acme = brand("acme", "Acme", CREATED);
        assertThat(brands.insert(acme)).isTrue();
        assertThat(brands.find("acme")).contains(acme);
        assertThat(brands.find("acme").orElseThrow().snippets().keySet()).containsExactly("sign_off", "address");

        Instant later = CREATED.plus(1, ChronoUnit.HOURS);
        Brand renamed = new Brand("acme", "Acme Corp", Map.of(), Map.of(), CREATED, later);
        assertThat(brands.update(renamed)).isTrue();
        assertThat(brands.find("acme")).contains(renamed);
    }

    @Test
    void aTakenIdIsNotInsertedAgain_andAMissingBrandIsNeitherUpdatedNorDeleted() {
        BrandRepository brands = emptyRepository();
        Brand acme = brand("acme", "Acme", CREATED);
        brands.insert(acme);
        assertThat(brands.insert(brand("acme", "Impostor", CREATED))).isFalse();
        assertThat(brands.find("acme").orElseThrow().name()).isEqualTo("Acme");

        assertThat(brands.update(brand("nobody", "Nobody", CREATED))).isFalse();
        assertThat(brands.find("nobody")).isEmpty();
        assertThat(brands.delete("nobody")).isFalse();
        assertThat(brands.delete("acme")).isTrue();
        assertThat(brands.find("acme")).isEmpty();
    }

    @Test
    void brandsAreListedInIdOrder_aPageAtATime() {
        BrandRepository brands = emptyRepository();
        for (String id : List.of("c", "a", "b")) {
            brands.insert(brand(id, "Brand " + id, CREATED));
        }
        Page<Brand> first = brands.list(Optional.empty(), 2);
        assertThat(first.items()).extracting(Brand::id).containsExactly("a", "b");
        assertThat(first.hasMore()).isTrue();
        Page<Brand> second = brands.list(first.cursor(), 2);
        assertThat(second.items()).extracting(Brand::id).containsExactly("c");
        assertThat(second.hasMore()).isFalse();
    }
}
