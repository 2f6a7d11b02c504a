package io.herald.application.port;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing and the opaque cursor of the next one (absent on the last page).
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }

    public Optional<String> cursor() {
        return Optional.ofNullable(nextCursor);
    }

    public <R> Page<R> map(java.util.function.Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
