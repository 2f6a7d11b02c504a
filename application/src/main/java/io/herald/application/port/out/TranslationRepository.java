package io.herald.application.port.out;

import java.time.Instant;
import java.util.Optional;

/** Translation files (gettext {@code .po}) by domain and locale, kept as they were written. */
public interface TranslationRepository {

    Optional<String> find(String domain, String locale);

    void put(String domain, String locale, String po, Instant at);
}
