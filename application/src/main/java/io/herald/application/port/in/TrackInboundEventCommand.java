package io.herald.application.port.in;

import io.herald.domain.json.JsonTrees;
import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;

import java.util.Map;
import java.util.Optional;

/** Courier's {@code {event, messageId, properties, type:"track", userId}}. */
public record TrackInboundEventCommand(String event, String messageId, Map<String, Object> properties, Optional<UserId> userId) {

    public TrackInboundEventCommand {
        if (event == null || event.isBlank()) {
            throw new InvalidValueException("event is required");
        }
        if (messageId == null || messageId.isBlank()) {
            throw new InvalidValueException("messageId is required");
        }
        properties = JsonTrees.deepCopy(properties == null ? Map.of() : properties);
        userId = userId == null ? Optional.empty() : userId;
    }
}
