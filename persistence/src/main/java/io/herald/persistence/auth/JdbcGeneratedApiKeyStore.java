package io.herald.persistence.auth;

import io.herald.application.port.out.GeneratedApiKeyStore;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;

@Singleton
@Transactional
class JdbcGeneratedApiKeyStore implements GeneratedApiKeyStore {

    private final GeneratedApiKeyJdbcRepository rows;

    JdbcGeneratedApiKeyStore(GeneratedApiKeyJdbcRepository rows) {
        this.rows = rows;
    }

    @Override
    public Optional<String> findHash() {
        return rows.findKeyHashById(GeneratedApiKeyRow.ONLY);
    }

    @Override
    public boolean storeIfAbsent(String sha256Hex) {
        return rows.insertIfAbsent(sha256Hex) == 1;
    }
}
