package io.herald.application.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.out.BrandRepository;
import io.herald.domain.brand.Brand;

import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

public final class InMemoryBrandRepository implements BrandRepository {

    private final NavigableMap<String, Brand> brands = new ConcurrentSkipListMap<>();

    @Override
    public Optional<Brand> find(String brandId) {
        return Optional.ofNullable(brands.get(brandId));
    }

    @Override
    public boolean insert(Brand brand) {
        return brands.putIfAbsent(brand.id(), brand) == null;
    }

    @Override
    public boolean update(Brand brand) {
        return brands.replace(brand.id(), brand) != null;
    }

    @Override
    public boolean delete(String brandId) {
        return brands.remove(brandId) != null;
    }

    @Override
    public Page<Brand> list(Optional<String> cursor, int limit) {
        List<Brand> after = (cursor.isPresent() ? brands.tailMap(cursor.get(), false) : brands).values().stream().limit(limit + 1L).toList();
        if (after.size() <= limit) {
            return new Page<>(after, null);
        }
        List<Brand> items = after.subList(0, limit);
        return new Page<>(items, items.get(limit - 1).id());
    }
}
