package io.herald.adapters.inbound.web.page;

/**
 * What every page's frame shows: its title, which section of the navigation is current, and the session's CSRF
 * token that htmx sends with every request that changes something.
 */
public record Shell(String title, Section section, String csrfToken) {

    /** The navigation, in the order it is shown. */
    public enum Section {
        OVERVIEW("Overview", "/console"),
        MESSAGES("Messages", "/console/messages"),
        TEMPLATES("Templates", "/console/templates"),
        AUTOMATIONS("Automations", "/console/automations"),
        USERS("Users", "/console/users"),
        ANALYTICS("Analytics", "/console/analytics"),
        EVENTS("Events", "/console/events"),
        PROVIDERS("Providers", "/console/providers");

        private final String label;
        private final String path;

        Section(String label, String path) {
            this.label = label;
            this.path = path;
        }

        public String label() {
            return label;
        }

        public String path() {
            return path;
        }
    }
}
