package io.herald.application.port.in;

import io.herald.domain.message.MessageSpec;
import io.herald.domain.shared.InvalidValueException;

import java.util.Objects;
import java.util.Optional;

/**
 * @param idempotencyKey the request's {@code Idempotency-Key}, if any
 * @param requestHash    a digest of the request body, to tell a retry from a different request with the same key
 */
public record SendMessageCommand(MessageSpec spec, Optional<String> idempotencyKey, String requestHash) {

    public SendMessageCommand {
        Objects.requireNonNull(spec);
        idempotencyKey = idempotencyKey == null ? Optional.empty() : idempotencyKey;
        if (idempotencyKey.isPresent() && (idempotencyKey.get().isBlank() || idempotencyKey.get().length() > 255)) {
            throw new InvalidValueException("Idempotency-Key must be 1 to 255 characters");
        }
        Objects.requireNonNull(requestHash);
    }
}
