package io.herald.persistence.auth;

import io.herald.application.port.out.TokenSecretStore;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

@Singleton
class JdbcTokenSecretStore implements TokenSecretStore {

    private final Db db;

    JdbcTokenSecretStore(Db db) {
        this.db = db;
    }

    @Override
    @Transactional
    public String secretOrStore(String candidate) {
        db.update("INSERT INTO auth_token_secret (secret) VALUES (?) ON CONFLICT (id) DO NOTHING", statement -> statement.setString(1, candidate));
        return db.queryOne("SELECT secret FROM auth_token_secret", statement -> { }, row -> row.getString(1)).orElseThrow();
    }
}
