package io.herald.application.auth;

import io.herald.application.port.in.AuthenticateCallerUseCase.Scheme;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The key or token an HTTP {@code Authorization} header presents: {@code Bearer <credential>}, or, where Segment's
 * convention applies, {@code Basic} with the key as the username (the password is ignored). One parser for every
 * inbound adapter, so each accepts exactly the forms DESIGN §11 lists.
 */
public final class AuthorizationHeader {

    private static final String BEARER = "bearer ";
    private static final String BASIC = "basic ";

    private AuthorizationHeader() {
    }

    /** Empty when the header is missing, of a scheme not accepted here, or malformed. */
    public static Optional<String> credential(String header, Set<Scheme> accepted) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith(BEARER) && accepted.contains(Scheme.BEARER)) {
            return nonBlank(value.substring(BEARER.length()));
        }
        if (lower.startsWith(BASIC) && accepted.contains(Scheme.BASIC_KEY_AS_USERNAME)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(value.substring(BASIC.length()).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return nonBlank(colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nonBlank(String credential) {
        String trimmed = credential.trim();
        return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
    }
}
