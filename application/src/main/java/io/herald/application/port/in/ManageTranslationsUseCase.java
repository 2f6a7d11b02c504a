package io.herald.application.port.in;

import java.util.Optional;

/** Courier's translations: a gettext {@code .po} file per domain and locale. */
public interface ManageTranslationsUseCase {

    /** The domain Herald's renderer reads: {@code default}, as Courier's. */
    String RENDERED_DOMAIN = "default";

    Optional<String> get(String domain, String locale);

    /** Stores the file once it reads as a {@code .po} file; a malformed one is refused naming its line. */
    void put(String domain, String locale, String po);
}
