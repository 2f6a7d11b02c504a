package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.in.ManagePushTokensUseCase;
import io.herald.domain.profile.PushToken;
import io.herald.domain.profile.UserId;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

@Singleton
public class RecordingManagePushTokens extends RecordingFake implements ManagePushTokensUseCase {

    private final List<PushToken> tokens = new CopyOnWriteArrayList<>();

    public void know(PushToken token) {
        tokens.add(token);
    }

    public PushToken onlyPut() {
        return onlyCall("put").argument(0, PushToken.class);
    }

    @Override
    public void put(PushToken token) {
        called("put", token);
    }

    @Override
    public void putAll(List<PushToken> tokens) {
        called("putAll", tokens);
    }

    @Override
    public Optional<PushToken> find(UserId userId, String token) {
        called("find", userId, token);
        return tokens.stream().filter(known -> known.userId().equals(userId) && known.token().equals(token)).findFirst();
    }

    @Override
    public List<PushToken> list(UserId userId) {
        called("list", userId);
        return tokens.stream().filter(known -> known.userId().equals(userId)).toList();
    }

    @Override
    public void delete(UserId userId, String token) {
        called("delete", userId, token);
    }

    @Override
    public void patch(UserId userId, String token, List<PushToken.Patch> operations) {
        called("patch", userId, token, operations);
    }

    @Override
    protected void forgetAnswers() {
        tokens.clear();
    }
}
