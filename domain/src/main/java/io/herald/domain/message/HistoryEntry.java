package io.herald.domain.message;

import io.herald.domain.json.JsonTrees;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** One entry of a message's history: what happened, when, and its particulars (channel, provider, reason…). */
public record HistoryEntry(HistoryType type, Instant at, Map<String, Object> details) {

    public HistoryEntry {
        Objects.requireNonNull(type);
        Objects.requireNonNull(at);
        details = JsonTrees.deepCopy(details == null ? Map.of() : details);
    }
}
