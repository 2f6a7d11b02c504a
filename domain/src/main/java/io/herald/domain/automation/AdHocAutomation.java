package io.herald.domain.automation;

import io.herald.domain.json.JsonFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code automation} of an ad hoc invocation: steps and a cancelation token, run once and not saved. */
public record AdHocAutomation(Optional<String> cancelationToken, List<Step> steps) {

    public static final String ROOT = "automation";

    public AdHocAutomation {
        steps = List.copyOf(steps);
    }

    /**
     * @param defaultTemplate the invocation's {@code template}: what send steps naming no template or content send
     */
    public static AdHocAutomation parse(Object raw, Optional<String> defaultTemplate) {
        JsonFields automation = JsonFields.of(raw, ROOT, "an object with steps");
        automation.allowOnly(Set.of("cancelation_token", "steps"), "an ad hoc automation");
        return new AdHocAutomation(automation.optionalText("cancelation_token"),
                Steps.parse(automation.get("steps"), ROOT + ".steps", defaultTemplate));
    }

    public Checks checks() {
        List<Located> texts = new ArrayList<>();
        cancelationToken.ifPresent(token -> texts.add(new Located(ROOT + ".cancelation_token", token)));
        return Steps.checks(steps, ROOT + ".steps", List.of(), texts);
    }
}
