package io.herald.adapters.outbound.providers;

import io.herald.domain.delivery.DeliveryResult;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/** How the remote providers turn an HTTP status or an exception into one of Herald's failure cases. */
public final class ProviderFailures {

    private static final int MAX_ERROR_LENGTH = 300;

    private ProviderFailures() {
    }

    /**
     * A request timeout, a rate limit or a server error may pass on a later try; any other status is the provider
     * refusing this request (bad address, rejected credentials, invalid content), which trying again will not change.
     */
    public static boolean isTransient(int httpStatus) {
        return httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
    }

    public static DeliveryResult forStatus(int httpStatus, String error) {
        return isTransient(httpStatus) ? DeliveryResult.TransientFailure.status(httpStatus, error)
                : new DeliveryResult.PermanentFailure(error, httpStatus);
    }

    /** No answer, or no connection: the request may not have reached the provider, so it may pass on a later try. */
    public static DeliveryResult.TransientFailure unreachable(String provider, Exception cause) {
        boolean timedOut = cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException;
        String error = provider + ": " + (timedOut ? "no answer in time" : "request failed") + " (" + describe(cause) + ")";
        return timedOut ? DeliveryResult.TransientFailure.timedOut(error) : new DeliveryResult.TransientFailure(error);
    }

    /** The exception's class and message, which for the HTTP clients in use name the host but carry no credentials. */
    public static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + brief(message));
    }

    /** A provider's error text on one line and short enough to keep with every attempt. */
    public static String brief(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_ERROR_LENGTH ? line : line.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
