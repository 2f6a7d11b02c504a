package io.herald.persistence.preference;

import io.herald.domain.preference.PreferenceStatus;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PreferenceJdbcRepository extends GenericRepository<PreferenceRow, PreferenceRow.Key> {

    Optional<PreferenceRow> findById(PreferenceRow.Key id);

    List<PreferenceRow> findByIdUserIdOrderByIdTopicId(String userId);

    void deleteById(PreferenceRow.Key id);

    @Query("""
            INSERT INTO preferences (user_id, topic_id, status, has_custom_routing, custom_routing)
            VALUES (:userId, :topicId, :status, :hasCustomRouting, :customRouting)
            ON CONFLICT (user_id, topic_id) DO UPDATE SET status = excluded.status,
                has_custom_routing = excluded.has_custom_routing, custom_routing = excluded.custom_routing, updated_at = now()""")
    void upsert(String userId, String topicId, PreferenceStatus status, boolean hasCustomRouting,
                @TypeDef(type = DataType.STRING_ARRAY) List<String> customRouting);
}
