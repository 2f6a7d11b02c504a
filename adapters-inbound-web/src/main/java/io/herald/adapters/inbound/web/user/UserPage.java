package io.herald.adapters.inbound.web.user;

import io.herald.adapters.inbound.web.automation.AutomationPages.RunRow;
import io.herald.adapters.inbound.web.message.MessageRow;
import io.herald.adapters.inbound.web.page.Shell;

import java.util.List;

/**
 * "What did we send this person and what happened": the profile (if one is stored), preferences, where messages can
 * reach them (devices, lists, tenants), their inbox and every message.
 *
 * @param profile  the profile's attributes as lines, empty when no profile is stored
 * @param moreMessages the log filtered to this user, when there are more messages than shown here; else null
 * @param lists at most {@link #SHOWN} of them; {@code moreLists} says whether there are more (and tenants, inbox alike)
 */
public record UserPage(Shell shell, String userId, boolean hasProfile, List<Attribute> profile, String lastActive,
                       List<Preference> preferences, List<Device> devices, List<String> lists, boolean moreLists,
                       List<String> tenants, boolean moreTenants, List<InboxItem> inbox, boolean moreInbox,
                       List<RunRow> runs, List<EventRow> events, List<MessageRow> messages, String moreMessages) {

    /** An inbound event of the user, among the latest received ({@code ListInboundEventsUseCase.RECENT_EVENTS_LOOKED_AT}). */
    public record EventRow(String type, String name, String status, String received) {
    }

    public static final int SHOWN = 10;

    /** A push token, shown by its last characters only: the whole token addresses the device. */
    public record Device(String provider, String token, String device, String status) {
    }

    /** @param state unread, read or archived */
    public record InboxItem(String messageId, String title, String state, String created) {
    }

    public record Attribute(String name, String value) {
    }

    public record Preference(String topic, String status, String channels) {
    }
}
