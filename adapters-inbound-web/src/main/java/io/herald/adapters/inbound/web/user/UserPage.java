package io.herald.adapters.inbound.web.user;

import io.herald.adapters.inbound.web.message.MessageRow;
import io.herald.adapters.inbound.web.page.Shell;

import java.util.List;

/**
 * "What did we send this person and what happened": the profile (if one is stored), preferences and every message.
 *
 * @param profile  the profile's attributes as lines, empty when no profile is stored
 * @param moreMessages the log filtered to this user, when there are more messages than shown here; else null
 */
public record UserPage(Shell shell, String userId, boolean hasProfile, List<Attribute> profile, String lastActive,
                       List<Preference> preferences, List<MessageRow> messages, String moreMessages) {

    public record Attribute(String name, String value) {
    }

    public record Preference(String topic, String status, String channels) {
    }
}
