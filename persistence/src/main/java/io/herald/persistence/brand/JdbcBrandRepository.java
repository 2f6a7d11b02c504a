package io.herald.persistence.brand;

import io.herald.application.port.Page;
import io.herald.application.port.out.BrandRepository;
import io.herald.domain.brand.Brand;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
@Transactional
class JdbcBrandRepository implements BrandRepository {

    private static final String COLUMNS = "brand_id, name, settings::text, snippets::text, created_at, updated_at";

    private final Db db;

    JdbcBrandRepository(Db db) {
        this.db = db;
    }

    @Override
    public Optional<Brand> find(String brandId) {
        return db.queryOne("SELECT " + COLUMNS + " FROM brands WHERE brand_id = ?", statement -> statement.setString(1, brandId), this::brand);
    }

    @Override
    public boolean insert(Brand brand) {
        return db.update("""
                INSERT INTO brands (brand_id, name, settings, snippets, created_at, updated_at)
                VALUES (?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?) ON CONFLICT (brand_id) DO NOTHING""", statement -> {
            statement.setString(1, brand.id());
            statement.setString(2, brand.name());
            statement.setString(3, db.toJson(brand.settings()));
            statement.setString(4, db.toJson(snippetItems(brand)));
            statement.setObject(5, Db.timestamp(brand.created()));
            statement.setObject(6, Db.timestamp(brand.updated()));
        }) == 1;
    }

    @Override
    public boolean update(Brand brand) {
        return db.update("UPDATE brands SET name = ?, settings = CAST(? AS jsonb), snippets = CAST(? AS jsonb), updated_at = ? WHERE brand_id = ?",
                statement -> {
                    statement.setString(1, brand.name());
                    statement.setString(2, db.toJson(brand.settings()));
                    statement.setString(3, db.toJson(snippetItems(brand)));
                    statement.setObject(4, Db.timestamp(brand.updated()));
                    statement.setString(5, brand.id());
                }) == 1;
    }

    @Override
    public boolean delete(String brandId) {
        return db.update("DELETE FROM brands WHERE brand_id = ?", statement -> statement.setString(1, brandId)) == 1;
    }

    @Override
    public Page<Brand> list(Optional<String> cursor, int limit) {
        String after = cursor.map(Db::position).orElse("");
        List<Brand> found = db.query("SELECT " + COLUMNS + " FROM brands WHERE brand_id > ? ORDER BY brand_id LIMIT ?", statement -> {
            statement.setString(1, after);
            statement.setInt(2, limit + 1);
        }, this::brand);
        return Db.pageOf(found, limit, Brand::id);
    }

    /** Snippets are stored as Courier writes them, an ordered array of {name, value}. */
    private static List<Map<String, Object>> snippetItems(Brand brand) {
        List<Map<String, Object>> items = new ArrayList<>();
        brand.snippets().forEach((name, value) -> items.add(Map.of("name", name, "value", value)));
        return items;
    }

    private Brand brand(ResultSet row) throws SQLException {
        Map<String, String> snippets = new LinkedHashMap<>();
        if (db.jsonValue(row.getString(4)) instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> snippet) {
                    snippets.put(String.valueOf(snippet.get("name")), String.valueOf(snippet.get("value")));
                }
            }
        }
        return new Brand(row.getString(1), row.getString(2), db.jsonObject(row.getString(3)), snippets,
                Db.instant(row, "created_at"), Db.instant(row, "updated_at"));
    }
}
