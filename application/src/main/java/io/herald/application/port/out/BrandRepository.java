package io.herald.application.port.out;

import io.herald.application.port.Page;
import io.herald.domain.brand.Brand;

import java.util.Optional;

public interface BrandRepository {

    Optional<Brand> find(String brandId);

    /** Stores a new brand; false, storing nothing, when the id is taken. */
    boolean insert(Brand brand);

    /** Replaces every field of an existing brand but its creation time; false when there is none. */
    boolean update(Brand brand);

    boolean delete(String brandId);

    /** Brands in id order, a page at a time. */
    Page<Brand> list(Optional<String> cursor, int limit);
}
