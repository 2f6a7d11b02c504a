package io.herald.adapters.outbound.providers;

import io.herald.domain.delivery.DeliveryResult;

public final class DeliveryResults {

    private DeliveryResults() {
    }

    /** The error of a failure; a success fails the calling assertion with what was sent instead. */
    public static String error(DeliveryResult result) {
        if (result instanceof DeliveryResult.TransientFailure failure) {
            return failure.error();
        }
        if (result instanceof DeliveryResult.PermanentFailure failure) {
            return failure.error();
        }
        throw new AssertionError("expected a failure, got " + result);
    }
}
