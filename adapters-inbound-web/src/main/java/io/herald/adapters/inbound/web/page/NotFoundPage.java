package io.herald.adapters.inbound.web.page;

/** A console page for something that does not exist, with the way back. */
public record NotFoundPage(Shell shell, String what, String backUrl, String backLabel) {
}
