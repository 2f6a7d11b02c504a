package io.herald.persistence.profile;

import io.herald.application.port.out.PushTokenRepository;
import io.herald.domain.profile.PushToken;
import io.herald.domain.profile.UserId;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

@Singleton
@Transactional
class JdbcPushTokenRepository implements PushTokenRepository {

    private final PushTokenJdbcRepository rows;
    private final Db db;

    JdbcPushTokenRepository(PushTokenJdbcRepository rows, Db db) {
        this.rows = rows;
        this.db = db;
    }

    @Override
    public void put(PushToken token) {
        rows.insertProfileIfAbsent(token.userId().value());
        String properties = token.properties() == null ? null : db.toJson(token.properties());
        rows.upsert(token.userId().value(), token.token(), token.providerKey(), token.device(), token.tracking(), properties,
                token.expiresAt(), token.status(), token.statusReason());
    }

    @Override
    public Optional<PushToken> find(UserId userId, String token) {
        return rows.findById(new PushTokenRow.Key(userId.value(), token)).map(PushTokenRow::toToken);
    }

    @Override
    public Optional<PushToken> lock(UserId userId, String token) {
        return rows.lockById(userId.value(), token).map(PushTokenRow::toToken);
    }

    @Override
    public List<PushToken> list(UserId userId) {
        return rows.findOfUser(userId.value()).stream().map(PushTokenRow::toToken).toList();
    }

    @Override
    public boolean delete(UserId userId, String token) {
        return rows.deleteById(new PushTokenRow.Key(userId.value(), token)) == 1;
    }
}
