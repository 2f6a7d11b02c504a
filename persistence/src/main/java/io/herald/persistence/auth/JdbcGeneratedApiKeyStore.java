package io.herald.persistence.auth;

import io.herald.application.port.out.GeneratedApiKeyStore;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;

@Singleton
class JdbcGeneratedApiKeyStore implements GeneratedApiKeyStore {

    private final JdbcOperations jdbc;

    JdbcGeneratedApiKeyStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public Optional<String> findHash() {
        return jdbc.prepareStatement("SELECT key_hash FROM generated_api_key WHERE id = 1", statement -> {
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
            }
        });
    }

    @Override
    @Transactional
    public boolean storeIfAbsent(String sha256Hex) {
        return jdbc.prepareStatement(
                "INSERT INTO generated_api_key (id, key_hash) VALUES (1, ?) ON CONFLICT (id) DO NOTHING",
                statement -> {
                    statement.setString(1, sha256Hex);
                    return statement.executeUpdate() == 1;
                });
    }
}
