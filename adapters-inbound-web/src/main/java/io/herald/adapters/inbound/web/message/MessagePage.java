package io.herald.adapters.inbound.web.message;

import io.herald.adapters.inbound.web.page.Shell;

import java.util.List;

/**
 * One message: where it stands, its story, what each channel's recipient saw, and what the operator may do with it.
 *
 * @param error    the last error, empty when none
 * @param testable whether it went through the console provider, so delivery and engagement can be marked by hand
 * @param cancelable whether it has not reached a provider yet
 * @param version    its status and history, for the live stream to compare with
 */
public record MessagePage(Shell shell, MessageRow message, String reason, String error, String requestId, String event,
                          String automationRun, List<TimelineEntry> timeline, List<OutputView> outputs, List<LegView> legs,
                          boolean testable, boolean cancelable, boolean resendable, String version) {

    /** One channel and provider the message was tried on. */
    public record LegView(String channel, String provider, int attempts, String outcome, String lastAttempt) {
    }
}
