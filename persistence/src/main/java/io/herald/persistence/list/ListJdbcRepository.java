package io.herald.persistence.list;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ListJdbcRepository extends GenericRepository<ListRow, String> {

    @Query("SELECT * FROM lists WHERE list_id = :listId AND deleted_at IS NULL")
    Optional<ListRow> findLive(String listId);

    /** A list put again after it was deleted starts anew: the deleted one goes for good, with its subscriptions. */
    @Query("DELETE FROM lists WHERE list_id = :listId AND deleted_at IS NOT NULL")
    void dropDeleted(String listId);

    /** {@code created_at} stays as the list was first put. */
    @Query("""
            INSERT INTO lists (list_id, name, preferences, created_at, updated_at)
            VALUES (:listId, :name, CAST(:preferences AS jsonb), :createdAt, :updatedAt)
            ON CONFLICT (list_id) DO UPDATE SET name = excluded.name, preferences = excluded.preferences,
                updated_at = excluded.updated_at""")
    void upsert(ListRow row);

    /** Its subscriptions stay, hidden with it, until it is restored or put again. */
    @Query("UPDATE lists SET deleted_at = now() WHERE list_id = :listId AND deleted_at IS NULL")
    int markDeleted(String listId);

    /** 1 when the list exists, whether it was deleted or not. */
    @Query("UPDATE lists SET deleted_at = NULL, updated_at = CASE WHEN deleted_at IS NULL THEN updated_at ELSE :at END WHERE list_id = :listId")
    int restore(String listId, Instant at);

    @Query("SELECT EXISTS (SELECT 1 FROM lists WHERE list_id = :listId AND deleted_at IS NULL)")
    boolean isLive(String listId);

    /** {@code pattern} is a {@code LIKE} pattern with {@code \} as its escape character. */
    @Query("SELECT * FROM lists WHERE list_id > :after AND list_id LIKE :pattern AND deleted_at IS NULL ORDER BY list_id LIMIT :limit")
    List<ListRow> findPage(String after, String pattern, int limit);

    @Query("""
            SELECT l.* FROM lists l JOIN list_subscriptions s ON s.list_id = l.list_id
            WHERE s.user_id = :userId AND l.deleted_at IS NULL ORDER BY l.list_id""")
    List<ListRow> findSubscribedBy(String userId);
}
