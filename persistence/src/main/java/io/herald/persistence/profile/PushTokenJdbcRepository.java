package io.herald.persistence.profile;

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
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PushTokenJdbcRepository extends GenericRepository<PushTokenRow, PushTokenRow.Key> {

    /** A token's user gets a profile (the foreign key of {@code push_tokens}) if they had none. */
    @Query("INSERT INTO profiles (user_id) VALUES (:userId) ON CONFLICT (user_id) DO NOTHING")
    void insertProfileIfAbsent(String userId);

    /**
     * {@code properties} comes as JSON text, encoded by the adapter: it may be any JSON value, a string included, and
     * micronaut-data passes a {@code String} bound to a JSON parameter through as JSON text without encoding it.
     */
    @Query("""
            INSERT INTO push_tokens (user_id, token, provider_key, device, tracking, properties, expires_at, status, status_reason)
            VALUES (:userId, :token, :providerKey, CAST(:device AS jsonb), CAST(:tracking AS jsonb), CAST(:properties AS jsonb),
                :expiresAt, :status, :statusReason)
            ON CONFLICT (user_id, token) DO UPDATE SET provider_key = excluded.provider_key, device = excluded.device,
                tracking = excluded.tracking, properties = excluded.properties, expires_at = excluded.expires_at,
                status = excluded.status, status_reason = excluded.status_reason, updated_at = now()""")
    void upsert(String userId, String token, String providerKey,
                @Nullable @TypeDef(type = DataType.JSON) Map<String, Object> device,
                @Nullable @TypeDef(type = DataType.JSON) Map<String, Object> tracking,
                @Nullable String properties,
                @Nullable Instant expiresAt, String status, @Nullable String statusReason);

    Optional<PushTokenRow> findById(PushTokenRow.Key id);

    @Query("SELECT * FROM push_tokens WHERE user_id = :userId AND token = :token FOR UPDATE")
    Optional<PushTokenRow> lockById(String userId, String token);

    /** In the order the tokens were first put. */
    @Query("SELECT * FROM push_tokens WHERE user_id = :userId ORDER BY created_at, token")
    List<PushTokenRow> findOfUser(String userId);

    int deleteById(PushTokenRow.Key id);
}
