package io.herald.application.brand;

import io.herald.application.errors.ConflictException;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.ManageBrandsUseCase;
import io.herald.application.port.out.BrandRepository;
import io.herald.application.port.out.Clock;
import io.herald.domain.brand.Brand;
import io.herald.domain.shared.InvalidValueException;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public final class BrandService implements ManageBrandsUseCase {

    private final BrandRepository brands;
    private final Clock clock;

    public BrandService(BrandRepository brands, Clock clock) {
        this.brands = brands;
        this.clock = clock;
    }

    @Override
    public Brand create(Map<String, Object> body) {
        Object given = body.get("id");
        if (given != null && !(given instanceof String)) {
            throw new InvalidValueException("id must be a string");
        }
        String id = given == null ? UUID.randomUUID().toString() : (String) given;
        Instant now = clock.now();
        Brand brand = Brand.parse(id, body, now, now);
        if (!brands.insert(brand)) {
            throw new ConflictException("A brand '" + id + "' already exists; PUT /brands/" + id + " replaces it");
        }
        return brand;
    }

    @Override
    public Brand update(String brandId, Map<String, Object> body) {
        Brand current = brands.find(Brand.checkId(brandId)).orElseThrow(() -> notFound(brandId));
        if (body.containsKey("id") && !brandId.equals(body.get("id"))) {
            throw new InvalidValueException("id '" + body.get("id") + "' does not match the path's brand id '" + brandId + "'");
        }
        Brand brand = Brand.parse(brandId, body, current.created(), clock.now());
        if (!brands.update(brand)) {
            throw notFound(brandId);
        }
        return brand;
    }

    @Override
    public Optional<Brand> find(String brandId) {
        return brands.find(brandId);
    }

    @Override
    public Page<Brand> list(Optional<String> cursor, int limit) {
        return brands.list(cursor, limit);
    }

    @Override
    public void delete(String brandId) {
        if (!brands.delete(brandId)) {
            throw notFound(brandId);
        }
    }

    private static NotFoundException notFound(String brandId) {
        return new NotFoundException("No brand '" + brandId + "'");
    }
}
