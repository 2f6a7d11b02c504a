package io.herald.application.port.in;

import io.herald.application.port.Page;
import io.herald.domain.brand.Brand;

import java.util.Map;
import java.util.Optional;

/** Courier's brands: the look emails are sent with. */
public interface ManageBrandsUseCase {

    /** Creates a brand from Courier's create body; without an {@code id} one is generated. A taken id is a conflict. */
    Brand create(Map<String, Object> body);

    /** Replaces the brand's name, settings and snippets; NotFoundException when there is none. */
    Brand update(String brandId, Map<String, Object> body);

    Optional<Brand> find(String brandId);

    Page<Brand> list(Optional<String> cursor, int limit);

    void delete(String brandId);
}
