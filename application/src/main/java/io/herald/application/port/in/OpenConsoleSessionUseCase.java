package io.herald.application.port.in;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * Signing in to the operator console (DESIGN §12): an admin key is exchanged for a signed session, kept by the
 * browser in a cookie, so the key itself is typed once and never stored in the browser.
 */
public interface OpenConsoleSessionUseCase {

    /** A new session for the holder of an admin key; empty for any other key (a write key, a token, a wrong key). */
    Optional<ConsoleSession> signIn(String adminKey);

    /**
     * The session a cookie carries, or empty when it is not one Herald signed, has expired, or was opened with an
     * admin key that is no longer configured (so rotating a key out also signs its sessions out).
     */
    Optional<ConsoleSession> resume(String cookieValue);

    /**
     * @param cookieValue what the browser keeps: opaque, signed, holds no key
     * @param csrfToken   what every form of this session carries back: derived from the session, so it needs no storage
     * @param actor       who the audit trail names for what the session does: the admin key's fingerprint, as for the API
     */
    record ConsoleSession(String cookieValue, String csrfToken, Instant expiresAt, String actor) {

        /** Whether {@code presented} is this session's CSRF token, compared in constant time. */
        public boolean acceptsCsrfToken(String presented) {
            return presented != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    presented.getBytes(StandardCharsets.UTF_8));
        }
    }
}
