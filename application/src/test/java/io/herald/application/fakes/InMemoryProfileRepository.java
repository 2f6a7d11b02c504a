package io.herald.application.fakes;

import io.herald.application.port.out.ProfileRepository;
import io.herald.domain.profile.Profile;
import io.herald.domain.profile.UserId;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryProfileRepository implements ProfileRepository {

    private final Map<UserId, Profile> profiles = new ConcurrentHashMap<>();

    @Override
    public Optional<Profile> find(UserId userId) {
        return Optional.ofNullable(profiles.get(userId));
    }

    @Override
    public Profile lockOrCreate(UserId userId) {
        return profiles.computeIfAbsent(userId, Profile::create);
    }

    @Override
    public Map<UserId, Profile> lockOrCreateAll(Collection<UserId> userIds) {
        Map<UserId, Profile> locked = new java.util.HashMap<>();
        userIds.forEach(userId -> locked.put(userId, lockOrCreate(userId)));
        return locked;
    }

    @Override
    public void saveAll(Collection<Profile> all) {
        all.forEach(this::save);
    }

    @Override
    public void save(Profile profile) {
        profiles.put(profile.userId(), profile);
    }

    @Override
    public boolean delete(UserId userId) {
        return profiles.remove(userId) != null;
    }
}
