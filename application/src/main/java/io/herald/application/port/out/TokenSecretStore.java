package io.herald.application.port.out;

/** The secret client tokens are signed with when none is configured: generated once and shared by every instance. */
public interface TokenSecretStore {

    /** The stored secret, or {@code candidate} stored as the secret if there was none yet. */
    String secretOrStore(String candidate);
}
