package io.herald.application.port.out;

import io.herald.domain.profile.Profile;
import io.herald.domain.profile.UserId;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

public interface ProfileRepository {

    Optional<Profile> find(UserId userId);

    /**
     * The profile, created empty if it did not exist, locked until the current transaction ends so that
     * concurrent merges into one profile serialise instead of losing each other's changes.
     */
    Profile lockOrCreate(UserId userId);

    /**
     * The profiles of all the given users, created empty where missing, locked until the current transaction
     * ends. Locks are taken in user id order, so concurrent callers cannot deadlock.
     */
    Map<UserId, Profile> lockOrCreateAll(Collection<UserId> userIds);

    void save(Profile profile);

    void saveAll(Collection<Profile> profiles);

    /** @return false when there was no such profile */
    boolean delete(UserId userId);
}
