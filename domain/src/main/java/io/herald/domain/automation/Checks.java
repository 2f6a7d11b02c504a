package io.herald.domain.automation;

import java.util.List;

/**
 * What of a definition only the application can check, each with where it is: CEL conditions compile, Handlebars
 * texts compile, the templates send steps name exist, the automations invoke steps name exist.
 */
public record Checks(List<Located> conditions, List<Located> texts, List<Located> templateIds, List<Located> automationIds) {

    public Checks {
        conditions = List.copyOf(conditions);
        texts = List.copyOf(texts);
        templateIds = List.copyOf(templateIds);
        automationIds = List.copyOf(automationIds);
    }
}
