package io.herald.application.port.in;

import io.herald.domain.automation.AdHocAutomation;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.profile.UserId;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Starts a run for {@code recipient}: of the saved automation {@code automationId}, or of the ad hoc {@code adHoc}
 * steps. {@code data} is the run's data; {@code profile}, when given, is merged into the recipient's profile first.
 */
public record InvokeAutomationCommand(Optional<String> automationId, Optional<AdHocAutomation> adHoc, UserId recipient,
                                      Map<String, Object> data, Optional<Map<String, Object>> profile) {

    public InvokeAutomationCommand {
        Objects.requireNonNull(recipient);
        if (automationId.isPresent() == adHoc.isPresent()) {
            throw new IllegalArgumentException("invoke either a saved automation or ad hoc steps");
        }
        data = JsonTrees.deepCopy(data);
        profile = profile.map(JsonTrees::deepCopy);
    }

    public static InvokeAutomationCommand saved(String automationId, UserId recipient, Map<String, Object> data,
                                                Optional<Map<String, Object>> profile) {
        return new InvokeAutomationCommand(Optional.of(automationId), Optional.empty(), recipient, data, profile);
    }

    public static InvokeAutomationCommand adHoc(AdHocAutomation automation, UserId recipient, Map<String, Object> data,
                                                Optional<Map<String, Object>> profile) {
        return new InvokeAutomationCommand(Optional.empty(), Optional.of(automation), recipient, data, profile);
    }
}
