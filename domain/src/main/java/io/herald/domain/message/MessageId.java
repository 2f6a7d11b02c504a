package io.herald.domain.message;

import io.herald.domain.shared.InvalidValueException;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A message's id, shaped like Courier's ({@code 1-<time>-<random>}). Ids sort by creation time, which is the order
 * the Messages API lists them in.
 */
public record MessageId(String value) implements Comparable<MessageId> {

    public MessageId {
        Objects.requireNonNull(value);
        if (value.isBlank() || value.length() > 128) {
            throw new InvalidValueException("message id must be 1 to 128 characters");
        }
    }

    public static MessageId generate(Instant now) {
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        return new MessageId("1-" + String.format("%012x", now.toEpochMilli()) + "-" + HexFormat.of().formatHex(random));
    }

    /**
     * The lowest id a message enqueued at {@code at} or later can have, and above every id of a message enqueued
     * before it: ids carry their enqueue time in their order, so a time range of messages is a range of ids.
     */
    public static MessageId firstAt(Instant at) {
        return new MessageId("1-" + String.format("%012x", at.toEpochMilli()));
    }

    @Override
    public int compareTo(MessageId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
