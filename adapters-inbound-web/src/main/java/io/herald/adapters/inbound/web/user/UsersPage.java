package io.herald.adapters.inbound.web.user;

import io.herald.adapters.inbound.web.page.Shell;

/** Finding a user by id; {@code notFound} echoes an id that has neither a profile nor messages. */
public record UsersPage(Shell shell, String notFound) {
}
