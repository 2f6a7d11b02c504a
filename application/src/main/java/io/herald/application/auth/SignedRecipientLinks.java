package io.herald.application.auth;

import io.herald.application.port.in.RecipientLinks;
import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Links signed with HMAC-SHA256 under a key derived from the client-token secret (so every instance verifies what any
 * signed, and a link can never pass for a token or a session): {@code /preferences-center?u=<user>&s=<signature>} and
 * {@code /unsubscribe?u=<user>&t=<topic>&s=<signature>}, under {@code herald.public-url}.
 */
public final class SignedRecipientLinks implements RecipientLinks {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final int SIGNATURE_BYTES = 18;

    private final Supplier<String> publicUrl;
    private final byte[] key;

    public SignedRecipientLinks(String publicUrl, String tokenSecret) {
        this(() -> publicUrl, tokenSecret);
    }

    /** @param publicUrl read when a link is made: the address Herald listens on may be known only once it listens */
    public SignedRecipientLinks(Supplier<String> publicUrl, String tokenSecret) {
        this.publicUrl = publicUrl;
        this.key = HmacSha256.of(tokenSecret.getBytes(StandardCharsets.UTF_8), "herald recipient links");
    }

    private String base() {
        return publicUrl.get().replaceAll("/+$", "");
    }

    @Override
    public String preferencesUrl(UserId user) {
        return base() + "/preferences-center?u=" + encode(user.value()) + "&s=" + sign("preferences\n" + user.value());
    }

    @Override
    public String unsubscribeUrl(UserId user, String topicId) {
        return base() + "/unsubscribe?u=" + encode(user.value()) + "&t=" + encode(topicId) + "&s="
                + sign("unsubscribe\n" + user.value() + "\n" + topicId);
    }

    @Override
    public Optional<UserId> preferencesUser(String user, String signature) {
        return verified(user, "preferences\n" + user, signature);
    }

    @Override
    public Optional<UserId> unsubscribingUser(String user, String topicId, String signature) {
        return topicId == null ? Optional.empty() : verified(user, "unsubscribe\n" + user + "\n" + topicId, signature);
    }

    private Optional<UserId> verified(String user, String signed, String signature) {
        if (user == null || signature == null) {
            return Optional.empty();
        }
        boolean valid = MessageDigest.isEqual(sign(signed).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
        if (!valid) {
            return Optional.empty();
        }
        try {
            return Optional.of(UserId.of(user));
        } catch (InvalidValueException notAUser) {
            return Optional.empty();
        }
    }

    private String sign(String text) {
        return ENCODE.encodeToString(Arrays.copyOf(HmacSha256.of(key, text), SIGNATURE_BYTES));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
