package io.herald.domain.automation;

import io.herald.domain.json.JsonFields;
import io.herald.domain.shared.InvalidValueException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A definition's list of steps: read, written, and what of it the application checks. */
public final class Steps {

    public static final int MAX_STEPS = 100;

    private Steps() {
    }

    /**
     * The steps of a definition: at least one, at most {@link #MAX_STEPS}, each {@code ref} naming one send step.
     *
     * @param defaultTemplate the template of send steps that name neither template nor content
     */
    public static List<Step> parse(Object raw, String where, Optional<String> defaultTemplate) {
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidValueException(where + " is required: a non-empty array of steps");
        }
        if (list.size() > MAX_STEPS) {
            throw new InvalidValueException(where + " must have at most " + MAX_STEPS + " steps");
        }
        List<Step> steps = new ArrayList<>();
        Map<String, Integer> refs = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Step step = Step.parse(list.get(i), JsonFields.item(where, i), defaultTemplate);
            if (step instanceof Step.Send send && send.ref().isPresent()) {
                Integer earlier = refs.putIfAbsent(send.ref().get(), i);
                if (earlier != null) {
                    throw new InvalidValueException(JsonFields.item(where, i) + ".ref '" + send.ref().get() + "' is already the ref of "
                            + JsonFields.item(where, earlier));
                }
            }
            steps.add(step);
        }
        return List.copyOf(steps);
    }

    public static List<Object> toJson(List<Step> steps) {
        return steps.stream().map(step -> (Object) step.toJson()).toList();
    }

    /** The checks of the steps, after the definition's own conditions and texts. */
    static Checks checks(List<Step> steps, String where, List<Located> conditions, List<Located> texts) {
        List<Located> allConditions = new ArrayList<>(conditions);
        List<Located> allTexts = new ArrayList<>(texts);
        List<Located> templateIds = new ArrayList<>();
        List<Located> automationIds = new ArrayList<>();
        List<Located> fetchUrls = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).collectChecks(JsonFields.item(where, i), allConditions, allTexts, templateIds, automationIds);
            if (steps.get(i) instanceof Step.FetchData fetch) {
                fetchUrls.add(new Located(JsonFields.item(where, i) + ".webhook.url", fetch.webhook().url()));
            }
        }
        return new Checks(allConditions, allTexts, templateIds, automationIds, fetchUrls);
    }
}
