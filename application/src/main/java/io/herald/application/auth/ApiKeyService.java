package io.herald.application.auth;

import io.herald.application.port.in.ProvisionApiKeyUseCase;
import io.herald.application.port.out.GeneratedApiKeyStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Admin keys: the configured ones (several at once, for rotation), or else the one generated at first start; and
 * Segment write keys ({@code herald.auth.write-keys}), which may only send events.
 * Keys are compared as SHA-256 digests in constant time, so neither the stored hash nor the
 * timing of a comparison reveals a key.
 */
public final class ApiKeyService implements ProvisionApiKeyUseCase {

    static final String GENERATED_KEY_PREFIX = "hk_";
    private static final int GENERATED_KEY_BYTES = 32;

    private final List<byte[]> configuredKeyDigests;
    private final List<byte[]> writeKeyDigests;
    private final GeneratedApiKeyStore store;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] generatedKeyDigest;

    public ApiKeyService(List<String> configuredKeys, GeneratedApiKeyStore store) {
        this(configuredKeys, List.of(), store);
    }

    public ApiKeyService(List<String> configuredKeys, List<String> writeKeys, GeneratedApiKeyStore store) {
        this.configuredKeyDigests = digests(configuredKeys);
        this.writeKeyDigests = digests(writeKeys);
        this.store = store;
    }

    private static List<byte[]> digests(List<String> keys) {
        return keys.stream().map(String::trim).filter(key -> !key.isEmpty()).map(ApiKeyService::sha256).toList();
    }

    /** A Segment write key: it may send events to {@code /segment} and {@code /v1/*}, and nothing else. */
    public boolean isWriteKey(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return false;
        }
        byte[] presented = sha256(presentedKey.trim());
        boolean valid = false;
        for (byte[] key : writeKeyDigests) {
            valid |= MessageDigest.isEqual(key, presented);
        }
        return valid;
    }

    @Override
    public Optional<String> provisionKeyIfNoneConfigured() {
        if (!configuredKeyDigests.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> existing = store.findHash();
        if (existing.isPresent()) {
            generatedKeyDigest = HexFormat.of().parseHex(existing.get());
            return Optional.empty();
        }
        byte[] secret = new byte[GENERATED_KEY_BYTES];
        random.nextBytes(secret);
        String key = GENERATED_KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        boolean stored = store.storeIfAbsent(HexFormat.of().formatHex(sha256(key)));
        generatedKeyDigest = HexFormat.of().parseHex(store.findHash().orElseThrow());
        return stored ? Optional.of(key) : Optional.empty();
    }

    /** An admin key: the whole API. */
    public boolean isValid(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return false;
        }
        byte[] presented = sha256(presentedKey.trim());
        boolean valid = false;
        for (byte[] configured : configuredKeyDigests) {
            valid |= MessageDigest.isEqual(configured, presented);
        }
        if (configuredKeyDigests.isEmpty()) {
            valid = MessageDigest.isEqual(generatedKeyDigest(), presented);
        }
        return valid;
    }

    /** What names a key without revealing it: {@code key_} and the first 12 hex digits of its SHA-256. */
    public static String fingerprint(String key) {
        return fingerprintOf(sha256(key.trim()));
    }

    /** The fingerprint of the key whose SHA-256 digest this is. */
    public static String fingerprintOf(byte[] keyDigest) {
        return "key_" + HexFormat.of().formatHex(keyDigest).substring(0, 12);
    }

    /** The digest of {@code presentedKey} when it is an admin key: what a console session remembers it by. */
    public Optional<byte[]> adminKeyDigest(String presentedKey) {
        return isValid(presentedKey) ? Optional.of(sha256(presentedKey.trim())) : Optional.empty();
    }

    /** The digests of the admin keys accepted now: the configured ones, or else the generated one. */
    public List<byte[]> adminKeyDigests() {
        if (!configuredKeyDigests.isEmpty()) {
            return configuredKeyDigests;
        }
        byte[] generated = generatedKeyDigest();
        return generated.length == 0 ? List.of() : List.of(generated);
    }

    private byte[] generatedKeyDigest() {
        byte[] digest = generatedKeyDigest;
        if (digest == null) {
            // Another instance may have provisioned the key after this one started.
            digest = store.findHash().map(HexFormat.of()::parseHex).orElse(new byte[0]);
            if (digest.length > 0) {
                generatedKeyDigest = digest;
            }
        }
        return digest;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
