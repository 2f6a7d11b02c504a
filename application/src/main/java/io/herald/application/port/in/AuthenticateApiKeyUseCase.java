package io.herald.application.port.in;

/**
 * Decides whether a caller presented a valid Herald API key.
 * Every inbound adapter asks this, whatever the header the key arrived in.
 */
public interface AuthenticateApiKeyUseCase {

    boolean isValid(String presentedKey);
}
