package io.herald.domain.automation;

import java.util.List;

/**
 * What of a definition only the application can check, each with where it is: CEL conditions compile, Handlebars
 * texts compile, the templates send steps name exist, the automations invoke steps name exist, the URLs fetch-data
 * steps call are ones Herald may call.
 */
public record Checks(List<Located> conditions, List<Located> texts, List<Located> templateIds, List<Located> automationIds,
                     List<Located> fetchUrls) {

    public Checks {
        conditions = List.copyOf(conditions);
        texts = List.copyOf(texts);
        templateIds = List.copyOf(templateIds);
        automationIds = List.copyOf(automationIds);
        fetchUrls = List.copyOf(fetchUrls);
    }
}
