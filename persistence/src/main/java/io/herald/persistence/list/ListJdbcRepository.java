package io.herald.persistence.list;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ListJdbcRepository extends GenericRepository<ListRow, String> {

    Optional<ListRow> findById(String listId);

    /** {@code created_at} stays as the list was first put. */
    @Query("""
            INSERT INTO lists (list_id, name, preferences, created_at, updated_at)
            VALUES (:listId, :name, CAST(:preferences AS jsonb), :createdAt, :updatedAt)
            ON CONFLICT (list_id) DO UPDATE SET name = excluded.name, preferences = excluded.preferences,
                updated_at = excluded.updated_at""")
    void upsert(ListRow row);

    /** Takes the list's subscriptions with it ({@code ON DELETE CASCADE}). */
    int deleteById(String listId);

    /** {@code pattern} is a {@code LIKE} pattern with {@code \} as its escape character. */
    @Query("SELECT * FROM lists WHERE list_id > :after AND list_id LIKE :pattern ORDER BY list_id LIMIT :limit")
    List<ListRow> findPage(String after, String pattern, int limit);

    @Query("""
            SELECT l.* FROM lists l JOIN list_subscriptions s ON s.list_id = l.list_id
            WHERE s.user_id = :userId ORDER BY l.list_id""")
    List<ListRow> findSubscribedBy(String userId);
}
