package io.herald.persistence.preference;

import io.herald.application.port.out.PreferenceRepository;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.UserId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

@Singleton
@Transactional
class JdbcPreferenceRepository implements PreferenceRepository {

    private final PreferenceJdbcRepository rows;

    JdbcPreferenceRepository(PreferenceJdbcRepository rows) {
        this.rows = rows;
    }

    @Override
    public Optional<TopicPreference> find(UserId userId, String topicId) {
        return rows.findById(new PreferenceRow.Key(userId.value(), topicId)).map(PreferenceRow::toPreference);
    }

    @Override
    public List<TopicPreference> list(UserId userId) {
        return rows.findByIdUserIdOrderByIdTopicId(userId.value()).stream().map(PreferenceRow::toPreference).toList();
    }

    @Override
    public void save(TopicPreference preference) {
        PreferenceRow row = PreferenceRow.of(preference);
        rows.upsert(row.id().userId(), row.id().topicId(), row.status(), row.hasCustomRouting(), row.customRouting());
    }

    @Override
    public void delete(UserId userId, String topicId) {
        rows.deleteById(new PreferenceRow.Key(userId.value(), topicId));
    }
}
