package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.in.ManageProfilesUseCase;
import io.herald.domain.json.JsonPatch;
import io.herald.domain.profile.Profile;
import io.herald.domain.profile.UserId;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

@Singleton
public class RecordingManageProfiles extends RecordingFake implements ManageProfilesUseCase {

    private final Map<UserId, Profile> profiles = new ConcurrentHashMap<>();

    public void know(Profile profile) {
        profiles.put(profile.userId(), profile);
    }

    @Override
    public Optional<Profile> find(UserId userId) {
        called("find", userId);
        return Optional.ofNullable(profiles.get(userId));
    }

    @Override
    public void merge(UserId userId, Map<String, Object> changes) {
        called("merge", userId, changes);
    }

    @Override
    public void replace(UserId userId, Map<String, Object> attributes) {
        called("replace", userId, attributes);
    }

    @Override
    public void patch(UserId userId, JsonPatch patch) {
        called("patch", userId, patch);
    }

    @Override
    public void delete(UserId userId) {
        called("delete", userId);
    }

    @Override
    protected void forgetAnswers() {
        profiles.clear();
    }
}
