package io.herald.application.auth;

import io.herald.application.port.in.AuthenticateCallerUseCase.ClientUser;
import io.herald.application.port.in.IssueClientTokenUseCase;
import io.herald.application.port.out.Clock;
import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client tokens: JWTs signed with HS256 (the JDK's HMAC), carrying Courier's space-separated {@code scope} and an
 * {@code exp}. Herald only ever reads tokens it wrote, and reads a payload only after its signature checked out, so
 * the payload's layout is Herald's own. A previous secret still verifies, so the secret can be rotated without
 * signing every user out.
 */
public final class ClientTokenService implements IssueClientTokenUseCase {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final String HEADER = ENCODE.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final Pattern PAYLOAD = Pattern.compile("\\{\"scope\":\"([^\"\\\\]*)\",\"iat\":(\\d+),\"exp\":(\\d+)}");
    private static final String USER_SCOPE = "user_id:";

    private final byte[] secret;
    private final List<byte[]> verifying;
    private final Clock clock;

    /** @param previousSecret a secret being rotated out: tokens it signed still verify until they expire */
    public ClientTokenService(String secret, Optional<String> previousSecret, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.verifying = previousSecret.filter(previous -> !previous.isBlank())
                .map(previous -> List.of(this.secret, previous.getBytes(StandardCharsets.UTF_8))).orElse(List.of(this.secret));
        this.clock = clock;
    }

    @Override
    public String issue(IssueClientTokenCommand command) {
        Scopes scopes = Scopes.parse(command.scope());
        Instant now = clock.now();
        String scope = String.join(" ", scopes.all());
        String payload = "{\"scope\":\"" + scope + "\",\"iat\":" + now.getEpochSecond() + ",\"exp\":"
                + now.plus(command.expiresIn()).getEpochSecond() + "}";
        String signed = HEADER + "." + ENCODE.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return signed + "." + ENCODE.encodeToString(HmacSha256.of(secret, signed));
    }

    /** The token's user and scopes, or empty when it is not a token Herald signed, or has expired. */
    public Optional<ClientUser> verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(HEADER)) {
            return Optional.empty();
        }
        byte[] signature;
        byte[] payload;
        try {
            signature = DECODE.decode(parts[2]);
            payload = DECODE.decode(parts[1]);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        String signed = parts[0] + "." + parts[1];
        boolean valid = false;
        for (byte[] key : verifying) {
            valid |= MessageDigest.isEqual(HmacSha256.of(key, signed), signature);
        }
        if (!valid) {
            return Optional.empty();
        }
        Matcher fields = PAYLOAD.matcher(new String(payload, StandardCharsets.UTF_8));
        if (!fields.matches() || Long.parseLong(fields.group(3)) <= clock.now().getEpochSecond()) {
            return Optional.empty();
        }
        Scopes scopes = Scopes.parse(fields.group(1));
        return Optional.of(new ClientUser(scopes.user(), scopes.grants()));
    }

    /** Courier's scope string: exactly one {@code user_id:<id>} and any of the known grants. */
    private record Scopes(UserId user, Set<String> grants) {

        static Scopes parse(String scope) {
            UserId user = null;
            Set<String> grants = new LinkedHashSet<>();
            for (String part : scope.trim().split("\\s+", -1)) {
                if (part.startsWith(USER_SCOPE)) {
                    if (user != null) {
                        throw new InvalidValueException("scope names more than one user_id");
                    }
                    String id = part.substring(USER_SCOPE.length());
                    if (id.isEmpty() || id.contains("\"") || id.contains("\\")) {
                        throw new InvalidValueException("scope's user_id:<id> needs a plain user id");
                    }
                    user = UserId.of(id);
                } else if (IssueClientTokenCommand.SCOPES.contains(part)) {
                    grants.add(part);
                } else {
                    throw new InvalidValueException("scope '" + part + "' is not one Herald knows; scopes: user_id:<id>, "
                            + String.join(", ", IssueClientTokenCommand.SCOPES.stream().sorted().toList()));
                }
            }
            if (user == null) {
                throw new InvalidValueException("scope must name the user: user_id:<id>");
            }
            return new Scopes(user, grants);
        }

        List<String> all() {
            List<String> all = new ArrayList<>();
            all.add(USER_SCOPE + user.value());
            all.addAll(grants);
            return all;
        }
    }
}
