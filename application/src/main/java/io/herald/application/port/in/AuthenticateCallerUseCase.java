package io.herald.application.port.in;

import io.herald.domain.profile.UserId;

import java.util.Optional;
import java.util.Set;

/**
 * Who presents a credential (DESIGN §11): an admin key (the whole API), a Segment write key (events in, nothing
 * else), or a client token issued for one user with scopes. Inbound adapters decide with it what a caller may do.
 */
public interface AuthenticateCallerUseCase {

    /** The caller, or empty when the credential is no key or token Herald accepts (unknown, forged, expired). */
    Optional<Caller> authenticate(String credential);

    /** The caller presenting an HTTP {@code Authorization} header in one of the {@code accepted} forms. */
    Optional<Caller> authenticateHeader(String authorization, Set<Scheme> accepted);

    /** How an {@code Authorization} header may carry a credential. */
    enum Scheme {
        /** {@code Bearer <key or token>}: every API path. */
        BEARER,
        /** {@code Basic}, the key as username and no password: Segment's convention, on the Segment paths. */
        BASIC_KEY_AS_USERNAME
    }

    sealed interface Caller {
    }

    /**
     * An admin key, known by its fingerprint: {@code key_} and the first 12 hex digits of its SHA-256, which names
     * the key in audit events and logs without revealing it ({@code printf %s "$KEY" | sha256sum | cut -c1-12}).
     */
    record Admin(String keyId) implements Caller {
    }

    record SegmentWriter() implements Caller {
    }

    /** A client token: what an app holds for its signed-in user, for that user's inbox, preferences and tokens. */
    record ClientUser(UserId user, Set<String> scopes) implements Caller {

        public ClientUser {
            scopes = Set.copyOf(scopes);
        }

        public boolean may(String scope) {
            return scopes.contains(scope);
        }
    }
}
