package io.herald.application.fakes;

import io.herald.application.port.out.TranslationRepository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryTranslationRepository implements TranslationRepository {

    private final Map<List<String>, String> files = new ConcurrentHashMap<>();

    @Override
    public Optional<String> find(String domain, String locale) {
        return Optional.ofNullable(files.get(List.of(domain, locale)));
    }

    @Override
    public void put(String domain, String locale, String po, Instant at) {
        files.put(List.of(domain, locale), po);
    }
}
