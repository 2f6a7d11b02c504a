package io.herald.application.port.out;

import java.util.Optional;

/**
 * Keeps the hash (never the plaintext) of the API key Herald generated at first start.
 */
public interface GeneratedApiKeyStore {

    Optional<String> findHash();

    /**
     * Stores the hash unless one is stored already; several instances may race at first start.
     *
     * @return true when this call stored it
     */
    boolean storeIfAbsent(String sha256Hex);
}
