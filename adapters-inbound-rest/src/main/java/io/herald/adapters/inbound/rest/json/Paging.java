package io.herald.adapters.inbound.rest.json;

import io.herald.application.port.Page;
import io.herald.domain.shared.InvalidValueException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Courier's paged responses: {@code {"paging": {"cursor", "more"}, "<items>": [...]}}. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private Paging() {
    }

    public static int limit(Integer requested) {
        int limit = requested == null ? DEFAULT_LIMIT : requested;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    public static <T> Map<String, Object> of(Page<T> page, String itemsField, Function<T, ?> view) {
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("cursor", page.nextCursor());
        paging.put("more", page.hasMore());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("paging", paging);
        List<?> items = page.items().stream().map(view).toList();
        body.put(itemsField, items);
        return body;
    }
}
