package io.herald.persistence.translation;

import io.herald.application.port.out.TranslationRepository;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

@Singleton
@Transactional
class JdbcTranslationRepository implements TranslationRepository {

    private final Db db;

    JdbcTranslationRepository(Db db) {
        this.db = db;
    }

    @Override
    public Optional<String> find(String domain, String locale) {
        return db.queryOne("SELECT po FROM translations WHERE domain = ? AND locale = ?", statement -> {
            statement.setString(1, domain);
            statement.setString(2, locale);
        }, row -> row.getString(1));
    }

    @Override
    public void put(String domain, String locale, String po, Instant at) {
        db.update("""
                INSERT INTO translations (domain, locale, po, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (domain, locale) DO UPDATE SET po = excluded.po, updated_at = excluded.updated_at""", statement -> {
            statement.setString(1, domain);
            statement.setString(2, locale);
            statement.setString(3, po);
            statement.setObject(4, Db.timestamp(at));
        });
    }
}
