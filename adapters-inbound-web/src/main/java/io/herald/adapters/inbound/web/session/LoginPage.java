package io.herald.adapters.inbound.web.session;

/**
 * The sign-in form.
 *
 * @param next   the console page to open after sign-in
 * @param failed whether the last attempt presented a key that is not an admin key
 */
public record LoginPage(String next, boolean failed) {
}
