package io.herald.application.fakes;

import io.herald.application.port.out.GeneratedApiKeyStore;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

public final class InMemoryGeneratedApiKeyStore implements GeneratedApiKeyStore {

    private final AtomicReference<String> hash = new AtomicReference<>();

    @Override
    public Optional<String> findHash() {
        return Optional.ofNullable(hash.get());
    }

    @Override
    public boolean storeIfAbsent(String sha256Hex) {
        return hash.compareAndSet(null, sha256Hex);
    }
}
