package io.herald.domain.automation;

import io.herald.domain.json.JsonTrees;
import io.herald.domain.shared.InvalidValueException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * How an update-profile step's {@code profile}, or a fetch-data step's response, combines with what is there
 * (Courier's merge algorithms). Merges are deep: objects merge key by key.
 */
public enum MergeStrategy {
    /** What is there becomes exactly the incoming object. */
    REPLACE("replace"),
    /** The incoming values win over what is there. */
    OVERWRITE("overwrite"),
    /** Only keys not there yet are added; what is there wins. */
    SOFT_MERGE("soft-merge"),
    /** Nothing changes, unless nothing is there yet. */
    NONE("none");

    private final String wireName;

    MergeStrategy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public Map<String, Object> apply(Map<String, Object> current, Map<String, Object> incoming) {
        return switch (this) {
            case REPLACE -> JsonTrees.deepCopy(incoming);
            case OVERWRITE -> JsonTrees.deepMerge(current, incoming);
            case SOFT_MERGE -> JsonTrees.deepMerge(incoming, current);
            case NONE -> JsonTrees.deepCopy(current.isEmpty() ? incoming : current);
        };
    }

    public static MergeStrategy parse(Object raw, String where) {
        return Arrays.stream(values()).filter(strategy -> strategy.wireName.equals(raw instanceof String text ? text.toLowerCase(Locale.ROOT) : null))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException(where + " must be one of replace, overwrite, soft-merge, none"));
    }
}
