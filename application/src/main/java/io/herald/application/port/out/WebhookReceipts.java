package io.herald.application.port.out;

import java.time.Instant;

/** The provider callbacks already acted on, so that a repeated one (a retry, a replay) changes nothing twice. */
public interface WebhookReceipts {

    /** Records the receipt in the current transaction; false when it was recorded before. */
    boolean firstSeen(String provider, String receipt, Instant at);
}
