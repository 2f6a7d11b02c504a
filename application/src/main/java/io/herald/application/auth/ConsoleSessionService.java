package io.herald.application.auth;

import io.herald.application.port.in.OpenConsoleSessionUseCase;
import io.herald.application.port.out.Clock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Console sessions with no session store: the cookie is {@code v1.<session id>.<expiry>.<key tag>.<signature>},
 * HMAC-signed with a key derived from the client-token secret (so every instance verifies what any instance
 * signed, and a client token can never pass for a session). The key tag names the admin key the session was opened
 * with without revealing it, so a session ends when its key is rotated out of the configuration.
 */
public final class ConsoleSessionService implements OpenConsoleSessionUseCase {

    static final Duration LIFETIME = Duration.ofHours(12);
    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final byte[] signingKey;
    private final ApiKeyService keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ConsoleSessionService(String tokenSecret, ApiKeyService keys, Clock clock) {
        this.signingKey = HmacSha256.of(tokenSecret.getBytes(StandardCharsets.UTF_8), "herald console sessions");
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Optional<ConsoleSession> signIn(String adminKey) {
        Optional<byte[]> digest = keys.adminKeyDigest(adminKey);
        if (digest.isEmpty()) {
            return Optional.empty();
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        Instant expires = clock.now().plus(LIFETIME);
        String signed = VERSION + "." + ENCODE.encodeToString(id) + "." + expires.getEpochSecond() + "." + keyTag(digest.get());
        return Optional.of(session(signed + "." + ENCODE.encodeToString(HmacSha256.of(signingKey, signed)), ENCODE.encodeToString(id), expires,
                digest.get()));
    }

    @Override
    public Optional<ConsoleSession> resume(String cookieValue) {
        if (cookieValue == null) {
            return Optional.empty();
        }
        String[] parts = cookieValue.split("\\.", -1);
        if (parts.length != 5 || !parts[0].equals(VERSION)) {
            return Optional.empty();
        }
        String signed = String.join(".", Arrays.copyOf(parts, 4));
        byte[] signature;
        try {
            signature = DECODE.decode(parts[4]);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(HmacSha256.of(signingKey, signed), signature)) {
            return Optional.empty();
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        Optional<byte[]> key = keys.adminKeyDigests().stream().filter(digest -> keyTag(digest).equals(parts[3])).findFirst();
        if (!expires.isAfter(clock.now()) || key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(session(cookieValue, parts[1], expires, key.get()));
    }

    private ConsoleSession session(String cookieValue, String id, Instant expires, byte[] keyDigest) {
        return new ConsoleSession(cookieValue, ENCODE.encodeToString(HmacSha256.of(signingKey, "csrf." + id)), expires,
                ApiKeyService.fingerprintOf(keyDigest));
    }

    private String keyTag(byte[] keyDigest) {
        return ENCODE.encodeToString(Arrays.copyOf(HmacSha256.of(signingKey, "key." + HexFormat.of().formatHex(keyDigest)), 12));
    }
}
