package io.herald.persistence.list;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ListSubscriptionJdbcRepository extends GenericRepository<ListSubscriptionRow, ListSubscriptionRow.Key> {

    /** Subscribing again replaces the preferences only. */
    @Query("""
            INSERT INTO list_subscriptions (list_id, user_id, preferences, created_at)
            VALUES (:listId, :userId, CAST(:preferences AS jsonb), :createdAt)
            ON CONFLICT (list_id, user_id) DO UPDATE SET preferences = excluded.preferences""")
    void upsert(String listId, String userId, @Nullable @TypeDef(type = DataType.JSON) Map<String, Object> preferences,
                Instant createdAt);

    int deleteById(ListSubscriptionRow.Key id);

    @Query("DELETE FROM list_subscriptions WHERE list_id = :listId AND NOT (user_id = ANY (CAST(:kept AS text[])))")
    void deleteAllBut(String listId, String[] kept);

    @Query("SELECT * FROM list_subscriptions WHERE list_id = :listId AND user_id > :after ORDER BY user_id LIMIT :limit")
    List<ListSubscriptionRow> findPage(String listId, String after, int limit);

    @Query("SELECT user_id FROM list_subscriptions WHERE list_id = :listId AND user_id > :after ORDER BY user_id LIMIT :limit")
    List<String> findUserIds(String listId, String after, int limit);
}
