package io.herald.persistence.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface GeneratedApiKeyJdbcRepository extends GenericRepository<GeneratedApiKeyRow, Short> {

    Optional<String> findKeyHashById(short id);

    /** 1 when this call stored the hash; 0 when another start stored one first (the single-row constraint decides). */
    @Query("INSERT INTO generated_api_key (id, key_hash) VALUES (1, :keyHash) ON CONFLICT (id) DO NOTHING")
    int insertIfAbsent(String keyHash);
}
