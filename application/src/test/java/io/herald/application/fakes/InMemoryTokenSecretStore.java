package io.herald.application.fakes;

import io.herald.application.port.out.TokenSecretStore;

import java.util.concurrent.atomic.AtomicReference;

public final class InMemoryTokenSecretStore implements TokenSecretStore {

    private final AtomicReference<String> secret = new AtomicReference<>();

    @Override
    public String secretOrStore(String candidate) {
        secret.compareAndSet(null, candidate);
        return secret.get();
    }
}
