package io.herald.domain.automation;

import io.herald.domain.json.JsonFields;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.throttle.Throttle;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.RoutingNode;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Content;
import io.herald.domain.time.Durations;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One step of an automation, in Courier's shapes ({@code {"action": "send", "template": "welcome", "ref": "welcome"}}).
 * Every step may carry {@code if}, a CEL condition: when it is false the step is skipped.
 */
public sealed interface Step {

    int MAX_CONDITION_LENGTH = 4096;

    /** The CEL expression of {@code if}, when there is one. */
    Optional<String> condition();

    String action();

    /** The JSON form, as {@link #parse} reads it. */
    Map<String, Object> toJson();

    /** What the application must check of this step, located under {@code where} ({@code steps[2]}). */
    default void collectChecks(String where, List<Located> conditions, List<Located> texts, List<Located> templateIds,
                               List<Located> automationIds) {
        condition().ifPresent(condition -> conditions.add(new Located(where + ".if", condition)));
    }

    /**
     * Sends a template or inline content to the run's recipient (or {@code recipient}); {@code ref} names the message.
     * {@code profile} (Courier's send step field) is merged into the recipient's profile just before the send, as the
     * invoke's own {@code profile} is at the start of the run.
     */
    record Send(Optional<String> condition, Optional<String> template, Optional<Content> content, Optional<UserId> recipient,
                Map<String, Object> data, Map<String, Object> profile, Optional<RoutingNode.Group> routing, Optional<String> ref,
                Optional<String> brand, Optional<Throttle> throttle)
            implements Step {

        public Send {
            data = JsonTrees.deepCopy(data);
            profile = JsonTrees.deepCopy(profile == null ? Map.of() : profile);
            brand = brand == null ? Optional.empty() : brand;
            throttle = throttle == null ? Optional.empty() : throttle;
        }

        @Override
        public String action() {
            return "send";
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = start(this);
            template.ifPresent(id -> json.put("template", id));
            content.ifPresent(c -> json.put("content", c.toJson()));
            recipient.ifPresent(user -> json.put("recipient", user.value()));
            if (!data.isEmpty()) {
                json.put("data", data);
            }
            if (!profile.isEmpty()) {
                json.put("profile", profile);
            }
            routing.ifPresent(group -> json.put("routing", group.toJson()));
            ref.ifPresent(name -> json.put("ref", name));
            brand.ifPresent(id -> json.put("brand", id));
            throttle.ifPresent(limit -> json.put("throttle", limit.toJson()));
            return json;
        }

        @Override
        public void collectChecks(String where, List<Located> conditions, List<Located> texts, List<Located> templateIds,
                                  List<Located> automationIds) {
            Step.super.collectChecks(where, conditions, texts, templateIds, automationIds);
            template.ifPresent(id -> templateIds.add(new Located(where + ".template", id)));
            content.ifPresent(c -> {
                if (c.elemental().isPresent()) {
                    c.elemental().get().texts(where + ".content").forEach(text -> texts.add(new Located(text.where(), text.text())));
                    c.elemental().get().conditions(where + ".content").forEach(condition -> conditions.add(new Located(condition.where(),
                            condition.text())));
                    return;
                }
                texts.add(new Located(where + ".content.title", c.title()));
                texts.add(new Located(where + ".content.body", c.body()));
            });
        }
    }

    /**
     * Waits {@code duration}, or until {@code until}, before the next step; given both (Courier's step type allows it),
     * it waits {@code duration} but never past {@code until}.
     */
    record Delay(Optional<String> condition, Optional<Duration> duration, Optional<Instant> until) implements Step {

        public Delay {
            if (duration.isEmpty() && until.isEmpty()) {
                throw new IllegalArgumentException("a delay has a duration, an until, or both");
            }
        }

        @Override
        public String action() {
            return "delay";
        }

        /** When the run should go on, for a delay that starts {@code now}. */
        public Instant wakeAt(Instant now) {
            Optional<Instant> afterDuration = duration.map(now::plus);
            if (afterDuration.isPresent() && until.isPresent()) {
                return afterDuration.get().isBefore(until.get()) ? afterDuration.get() : until.get();
            }
            return afterDuration.orElseGet(until::orElseThrow);
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = start(this);
            duration.ifPresent(d -> json.put("duration", d.toString()));
            until.ifPresent(at -> json.put("until", at.toString()));
            return json;
        }
    }

    /** Cancels every other active run whose cancelation token is {@code cancelation_token}, rendered from the run's data. */
    record Cancel(Optional<String> condition, String cancelationToken) implements Step {

        @Override
        public String action() {
            return "cancel";
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = start(this);
            json.put("cancelation_token", cancelationToken);
            return json;
        }

        @Override
        public void collectChecks(String where, List<Located> conditions, List<Located> texts, List<Located> templateIds,
                                  List<Located> automationIds) {
            Step.super.collectChecks(where, conditions, texts, templateIds, automationIds);
            texts.add(new Located(where + ".cancelation_token", cancelationToken));
        }
    }

    /** Merges {@code profile} into the recipient's profile (or {@code recipient_id}'s) as {@code merge} says. */
    record UpdateProfile(Optional<String> condition, Map<String, Object> profile, MergeStrategy merge,
                         Optional<UserId> recipient) implements Step {

        public UpdateProfile {
            profile = JsonTrees.deepCopy(profile);
        }

        @Override
        public String action() {
            return "update-profile";
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = start(this);
            json.put("profile", profile);
            json.put("merge", merge.wireName());
            recipient.ifPresent(user -> json.put("recipient_id", user.value()));
            return json;
        }
    }

    /**
     * Sends {@code template} to every subscriber of {@code list} (Courier's {@code send-list} step), with the run's data
     * under the step's, in the brand {@code brand}: a list send, created a page of subscribers at a time as durable work.
     */
    record SendList(Optional<String> condition, String list, String template, Map<String, Object> data, Optional<String> brand)
            implements Step {

        public SendList {
            data = JsonTrees.deepCopy(data);
            brand = brand == null ? Optional.empty() : brand;
        }

        @Override
        public String action() {
            return "send-list";
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = start(this);
            json.put("list", list);
            json.put("template", template);
            if (!data.isEmpty()) {
                json.put("data", data);
            }
            brand.ifPresent(id -> json.put("brand", id));
            return json;
        }

        @Override
        public void collectChecks(String where, List<Located> conditions, List<Located> texts, List<Located> templateIds,
                                  List<Located> automationIds) {
            Step.super.collectChecks(where, conditions, texts, templateIds, automationIds);
            templateIds.add(new Located(where + ".template", template));
        }
    }

    /** Starts the saved automation {@code template} for the same recipient, with the run's data. */
    record Invoke(Optional<String> condition, String automationId) implements Step {

        @Override
        public String action() {
            return "invoke";
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = start(this);
            json.put("template", automationId);
            return json;
        }

        @Override
        public void collectChecks(String where, List<Located> conditions, List<Located> texts, List<Located> templateIds,
                                  List<Located> automationIds) {
            Step.super.collectChecks(where, conditions, texts, templateIds, automationIds);
            automationIds.add(new Located(where + ".template", automationId));
        }
    }

    /** Calls {@code webhook}; the JSON object it answers merges into the run's data as {@code merge_strategy} says. */
    record FetchData(Optional<String> condition, Webhook webhook, MergeStrategy merge) implements Step {

        @Override
        public String action() {
            return "fetch-data";
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = start(this);
            json.put("webhook", webhook.toJson());
            json.put("merge_strategy", merge.wireName());
            return json;
        }

        @Override
        public void collectChecks(String where, List<Located> conditions, List<Located> texts, List<Located> templateIds,
                                  List<Located> automationIds) {
            Step.super.collectChecks(where, conditions, texts, templateIds, automationIds);
            texts.add(new Located(where + ".webhook.url", webhook.url()));
            webhook.body().filter(String.class::isInstance)
                    .ifPresent(body -> texts.add(new Located(where + ".webhook.body", (String) body)));
        }
    }

    /**
     * The HTTP call of a fetch-data step. {@code url} and a string {@code body} are Handlebars templates over the run's
     * data; an object or array {@code body} is sent as JSON as it is.
     */
    record Webhook(String url, String method, Map<String, String> headers, Optional<Object> body) {

        static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

        public Webhook {
            headers = Map.copyOf(headers);
            body = body.map(JsonTrees::deepCopyValue);
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("url", url);
            json.put("method", method);
            if (!headers.isEmpty()) {
                json.put("headers", new LinkedHashMap<>(headers));
            }
            body.ifPresent(value -> json.put("body", value));
            return json;
        }

        static Webhook parse(Object raw, String where) {
            JsonFields webhook = JsonFields.of(raw, where, "an object with url and method");
            webhook.allowOnly(Set.of("url", "method", "headers", "body"), "a webhook");
            String url = webhook.requiredText("url");
            String lower = url.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
                throw new InvalidValueException(webhook.where("url") + " must be an http:// or https:// URL");
            }
            String method = webhook.optionalText("method").map(m -> m.toUpperCase(Locale.ROOT)).orElse("GET");
            if (!METHODS.contains(method)) {
                throw new InvalidValueException(webhook.where("method") + " must be one of GET, POST, PUT, PATCH, DELETE");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            webhook.optionalObject("headers").ifPresent(given -> given.raw().forEach((name, value) -> {
                if (!(value instanceof String text)) {
                    throw new InvalidValueException(given.where(name) + " must be a string");
                }
                headers.put(name, text);
            }));
            Object body = webhook.get("body");
            if (body != null && !(body instanceof String || body instanceof Map || body instanceof List)) {
                throw new InvalidValueException(webhook.where("body") + " must be a string, an object or an array");
            }
            return new Webhook(url, method, headers, Optional.ofNullable(body));
        }
    }

    /**
     * Reads one step, refusing a malformed one with the path of the fault ({@code steps[2].duration}).
     *
     * @param defaultTemplate the template of a send step that names neither template nor content (an ad hoc
     *                        invocation's {@code template})
     */
    static Step parse(Object raw, String where, Optional<String> defaultTemplate) {
        JsonFields step = JsonFields.of(raw, where, "an object with an action");
        String action = step.requiredText("action");
        Optional<String> condition = step.optionalText("if");
        condition.filter(c -> c.length() > MAX_CONDITION_LENGTH).ifPresent(c -> {
            throw new InvalidValueException(step.where("if") + " must be at most " + MAX_CONDITION_LENGTH + " characters");
        });
        return switch (action) {
            case "send" -> send(step, condition, defaultTemplate);
            case "delay" -> delay(step, condition);
            case "send-list" -> {
                step.allowOnly(Set.of("action", "if", "list", "template", "data", "brand"), "a send-list step");
                String template = step.optionalText("template").or(() -> defaultTemplate).orElseThrow(() ->
                        new InvalidValueException(step.where("template") + " is required (or the automation's template)"));
                yield new SendList(condition, step.requiredText("list"), template, step.optionalMap("data").orElse(Map.of()),
                        step.get("brand") == null ? Optional.empty() : step.optionalText("brand"));
            }
            case "cancel" -> {
                step.allowOnly(Set.of("action", "if", "cancelation_token"), "a cancel step");
                yield new Cancel(condition, step.requiredText("cancelation_token"));
            }
            case "update-profile" -> {
                step.allowOnly(Set.of("action", "if", "profile", "merge", "recipient_id"), "an update-profile step");
                MergeStrategy merge = step.has("merge") ? MergeStrategy.parse(step.get("merge"), step.where("merge")) : MergeStrategy.OVERWRITE;
                yield new UpdateProfile(condition, step.requiredMap("profile"), merge, userId(step, "recipient_id"));
            }
            case "invoke" -> {
                step.allowOnly(Set.of("action", "if", "template"), "an invoke step");
                yield new Invoke(condition, step.requiredText("template"));
            }
            case "fetch-data" -> {
                step.allowOnly(Set.of("action", "if", "webhook", "merge_strategy"), "a fetch-data step");
                if (!step.has("webhook")) {
                    throw new InvalidValueException(step.where("webhook") + " is required: {url, method, headers, body}");
                }
                MergeStrategy merge = step.has("merge_strategy")
                        ? MergeStrategy.parse(step.get("merge_strategy"), step.where("merge_strategy")) : MergeStrategy.OVERWRITE;
                yield new FetchData(condition, Webhook.parse(step.get("webhook"), step.where("webhook")), merge);
            }
            default -> throw new InvalidValueException(step.where("action") + " '" + action
                    + "' is not a step Herald runs (send, send-list, delay, cancel, update-profile, invoke, fetch-data)");
        };
    }

    private static Send send(JsonFields step, Optional<String> condition, Optional<String> defaultTemplate) {
        step.allowOnly(Set.of("action", "if", "template", "content", "recipient", "data", "profile", "routing", "ref", "brand", "throttle"),
                "a send step");
        Optional<String> template = step.optionalText("template");
        Optional<Content> content = step.has("content") ? Optional.of(Content.parse(step.get("content"), step.where("content"))) : Optional.empty();
        if (template.isPresent() && content.isPresent()) {
            throw new InvalidValueException(step.where("template") + ": send either template or content, not both");
        }
        if (template.isEmpty() && content.isEmpty()) {
            template = Optional.of(defaultTemplate.orElseThrow(() ->
                    new InvalidValueException(step.where("template") + " or " + step.where("content") + " is required")));
        }
        Optional<RoutingNode.Group> routing = step.has("routing")
                ? Optional.of(RoutingNode.parse(step.get("routing"), step.where("routing"))) : Optional.empty();
        return new Send(condition, template, content, userId(step, "recipient"), step.optionalMap("data").orElse(Map.of()),
                step.optionalMap("profile").orElse(Map.of()), routing, step.optionalText("ref"),
                step.get("brand") == null ? Optional.empty() : step.optionalText("brand"),
                step.get("throttle") == null ? Optional.empty() : Optional.of(Throttle.parse(step.get("throttle"), step.where("throttle"))));
    }

    private static Delay delay(JsonFields step, Optional<String> condition) {
        step.allowOnly(Set.of("action", "if", "duration", "until"), "a delay step");
        if (!step.has("duration") && !step.has("until")) {
            throw new InvalidValueException(step.where("duration") + " (milliseconds, \"PT2H\" or \"2 hours\") or " + step.where("until")
                    + " (ISO-8601 date-time) is required");
        }
        Optional<Duration> duration = step.has("duration")
                ? Optional.of(Durations.parse(step.get("duration"), step.where("duration"))) : Optional.empty();
        Optional<Instant> until = Optional.empty();
        if (step.has("until")) {
            String text = step.requiredText("until");
            try {
                until = Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e) {
                throw new InvalidValueException(step.where("until") + " '" + text + "' is not an ISO-8601 date-time (2026-03-01T09:00:00Z)");
            }
        }
        return new Delay(condition, duration, until);
    }

    private static Optional<UserId> userId(JsonFields step, String field) {
        Optional<String> id = step.optionalText(field);
        if (id.isPresent() && id.get().length() > UserId.MAX_LENGTH) {
            throw new InvalidValueException(step.where(field) + " must be at most " + UserId.MAX_LENGTH + " characters");
        }
        return id.map(UserId::of);
    }

    private static Map<String, Object> start(Step step) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("action", step.action());
        step.condition().ifPresent(condition -> json.put("if", condition));
        return json;
    }
}
