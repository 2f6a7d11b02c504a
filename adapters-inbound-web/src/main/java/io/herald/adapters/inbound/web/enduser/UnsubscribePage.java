package io.herald.adapters.inbound.web.enduser;

/**
 * The page an unsubscribe link opens: asks before opting out (link scanners follow links; only a POST opts out), and
 * says what happened after.
 * @param state {@code ask}, {@code done}, {@code required} or {@code invalid}
 * @param action where the page's button posts: the link itself
 */
public record UnsubscribePage(String state, String topicName, String action, String preferencesUrl) {
}
