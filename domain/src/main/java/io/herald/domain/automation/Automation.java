package io.herald.domain.automation;

import io.herald.domain.json.JsonFields;
import io.herald.domain.shared.InvalidValueException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A saved automation (Herald's shape): the track event that starts it, optionally narrowed by a CEL condition,
 * the cancelation token its runs carry (a Handlebars template over the run's data), and its steps.
 */
public record Automation(String id, String name, Optional<Trigger> trigger, Optional<String> cancelationToken, List<Step> steps) {

    public static final int MAX_ID_LENGTH = 256;

    /**
     * {@code trigger}: the track event name, and a CEL condition over the event that must hold. The name may be written
     * as {@code GET /inbound/events} shows it ({@code track/Order Completed}): the prefix is dropped.
     */
    public record Trigger(String event, Optional<String> condition) {

        private static final String TRACK_PREFIX = "track/";

        public Trigger {
            Objects.requireNonNull(event);
            if (event.startsWith(TRACK_PREFIX) && event.length() > TRACK_PREFIX.length()) {
                event = event.substring(TRACK_PREFIX.length());
            }
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("event", event);
            condition.ifPresent(c -> json.put("if", c));
            return json;
        }
    }

    public Automation {
        Objects.requireNonNull(id);
        steps = List.copyOf(steps);
    }

    /** Reads Herald's automation shape, refusing a malformed one with the path of the fault. */
    public static Automation parse(String id, Map<String, Object> body) {
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new InvalidValueException("automation id must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        JsonFields automation = JsonFields.of(body, "");
        automation.allowOnly(Set.of("id", "name", "trigger", "cancelation_token", "steps"), "an automation");
        Optional<String> name = automation.optionalText("name");
        Optional<Trigger> trigger = automation.optionalObject("trigger").map(fields -> {
            fields.allowOnly(Set.of("event", "if"), "a trigger");
            Optional<String> condition = fields.optionalText("if");
            condition.filter(c -> c.length() > Step.MAX_CONDITION_LENGTH).ifPresent(c -> {
                throw new InvalidValueException("trigger.if must be at most " + Step.MAX_CONDITION_LENGTH + " characters");
            });
            return new Trigger(fields.requiredText("event"), condition);
        });
        Optional<String> token = automation.optionalText("cancelation_token");
        List<Step> steps = Steps.parse(automation.get("steps"), "steps", Optional.empty());
        return new Automation(id, name.orElse(id), trigger, token, steps);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.put("trigger", trigger.map(Trigger::toJson).orElse(null));
        json.put("cancelation_token", cancelationToken.orElse(null));
        json.put("steps", Steps.toJson(steps));
        return json;
    }

    public Checks checks() {
        List<Located> conditions = new ArrayList<>();
        trigger.flatMap(Trigger::condition).ifPresent(c -> conditions.add(new Located("trigger.if", c)));
        List<Located> texts = new ArrayList<>();
        cancelationToken.ifPresent(token -> texts.add(new Located("cancelation_token", token)));
        return Steps.checks(steps, "steps", conditions, texts);
    }
}
