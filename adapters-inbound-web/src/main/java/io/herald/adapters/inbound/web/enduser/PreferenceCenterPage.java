package io.herald.adapters.inbound.web.enduser;

import java.util.List;

/**
 * The preference center as one user sees it: the workspace's sections and topics with where the user stands on each.
 * @param auth the hidden fields that let the page's forms act for the user (the signed link's, or the client token)
 * @param saved the topic just saved, when the page follows a save without script
 */
public record PreferenceCenterPage(List<Section> sections, List<Field> auth, String saved, String error) {

    public record Field(String name, String value) {
    }

    public record Section(String name, String description, List<Topic> topics) {
    }

    /**
     * @param channels the channels the user may pick for this topic; empty when they cannot pick
     */
    public record Topic(String id, String name, String description, boolean required, boolean on, List<Choice> channels) {
    }

    public record Choice(String channel, String label, boolean chosen) {
    }
}
