package io.herald.application.profile;

import io.herald.application.errors.NotFoundException;
import io.herald.application.port.in.ManageProfilesUseCase;
import io.herald.application.port.in.ManagePushTokensUseCase;
import io.herald.application.port.out.PersonalDataEraser;
import io.herald.application.port.out.ProfileRepository;
import io.herald.application.port.out.PushTokenRepository;
import io.herald.domain.json.JsonPatch;
import io.herald.domain.profile.Profile;
import io.herald.domain.profile.PushToken;
import io.herald.domain.profile.UserId;

import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class ProfileService implements ManageProfilesUseCase, ManagePushTokensUseCase {

    private final ProfileRepository profiles;
    private final PushTokenRepository tokens;
    private final PersonalDataEraser eraser;

    public ProfileService(ProfileRepository profiles, PushTokenRepository tokens, PersonalDataEraser eraser) {
        this.profiles = profiles;
        this.tokens = tokens;
        this.eraser = eraser;
    }

    @Override
    public Optional<Profile> find(UserId userId) {
        return profiles.find(userId);
    }

    @Override
    public void merge(UserId userId, Map<String, Object> changes) {
        profiles.save(profiles.lockOrCreate(userId).mergedWith(changes));
    }

    @Override
    public void replace(UserId userId, Map<String, Object> attributes) {
        profiles.save(profiles.lockOrCreate(userId).replacedBy(attributes));
    }

    @Override
    public void patch(UserId userId, JsonPatch patch) {
        if (profiles.find(userId).isEmpty()) {
            throw new NotFoundException("No profile for user '" + userId + "'");
        }
        profiles.save(profiles.lockOrCreate(userId).patchedWith(patch));
    }

    /** Erasure: the profile and everything Herald keeps about the user (see {@link PersonalDataEraser}). */
    @Override
    public void delete(UserId userId) {
        if (profiles.find(userId).isEmpty()) {
            throw new NotFoundException("No profile for user '" + userId + "'");
        }
        eraser.erase(userId);
        profiles.delete(userId);
    }

    @Override
    public void put(PushToken token) {
        tokens.put(token);
    }

    @Override
    public void putAll(List<PushToken> all) {
        all.forEach(tokens::put);
    }

    @Override
    public Optional<PushToken> find(UserId userId, String token) {
        return tokens.find(userId, token);
    }

    @Override
    public List<PushToken> list(UserId userId) {
        return tokens.list(userId);
    }

    @Override
    public void delete(UserId userId, String token) {
        if (!tokens.delete(userId, token)) {
            throw new NotFoundException("User '" + userId + "' has no token '" + token + "'");
        }
    }

    @Override
    public void patch(UserId userId, String token, List<PushToken.Patch> operations) {
        PushToken stored = tokens.lock(userId, token)
                .orElseThrow(() -> new NotFoundException("User '" + userId + "' has no token '" + token + "'"));
        tokens.put(stored.patched(operations));
    }
}
