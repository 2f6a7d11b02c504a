package io.herald.domain.delivery;

/** What became of one call to a provider, as the attempt log keeps it. */
public enum AttemptOutcome {
    /** The call was made and its result is not known yet. */
    IN_FLIGHT,
    SENT,
    TRANSIENT,
    PERMANENT;

    public static AttemptOutcome of(DeliveryResult result) {
        if (result instanceof DeliveryResult.Sent) {
            return SENT;
        }
        return result instanceof DeliveryResult.TransientFailure ? TRANSIENT : PERMANENT;
    }
}
