package io.herald.adapters.inbound.web.message;

import io.herald.adapters.inbound.web.page.Times;
import io.herald.domain.message.HistoryEntry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One step of a message's story as the timeline tells it: a sentence, when, and the particulars.
 *
 * @param tone ok, bad, warn or plain: how the step is coloured (its text says the same)
 */
public record TimelineEntry(String type, String headline, String at, String tone, List<Detail> details) {

    public record Detail(String name, String value) {
    }

    static TimelineEntry of(HistoryEntry entry) {
        Map<String, Object> details = entry.details();
        String channel = text(details.get("channel"));
        String provider = text(details.get("provider"));
        String headline = switch (entry.type()) {
            case ENQUEUED -> "Enqueued";
            case DELAYED -> "Delayed until " + text(details.get("until"));
            case MAPPED -> "Template " + quoted(text(details.get("template")));
            case UNMAPPED -> "No template for this event";
            case PROFILE_LOADED -> "Profile loaded";
            case ROUTED -> "Routed";
            case RENDERED -> "Rendered" + on(channel);
            case PROVIDER_ERROR -> "Provider error" + by(provider) + on(channel) + (details.containsKey("next") ? ": " + text(details.get("next")) : "");
            case SENT -> "Sent" + on(channel) + by(provider);
            case DELIVERED -> "Delivered" + on(channel);
            case OPENED -> "Opened" + on(channel);
            case CLICKED -> "Clicked" + on(channel);
            case UNDELIVERABLE -> "Undeliverable" + on(channel);
            case UNROUTABLE -> "Unroutable";
            case ESCALATED -> "Not " + text(details.get("criteria")) + on(channel) + ", escalated"
                    + (details.containsKey("next_channel") ? " to " + text(details.get("next_channel")) : "");
            case CANCELED -> "Canceled";
            case THROTTLED -> "Throttled: " + text(details.get("max")) + " per " + text(details.get("period")) + " for "
                    + quoted(text(details.get("key")));
        };
        String tone = switch (entry.type()) {
            case SENT, DELIVERED, OPENED, CLICKED -> "ok";
            case UNDELIVERABLE, UNROUTABLE, UNMAPPED, CANCELED -> "bad";
            case THROTTLED -> "warn";
            case PROVIDER_ERROR, ESCALATED, DELAYED -> "warn";
            default -> "plain";
        };
        List<Detail> shown = details.entrySet().stream()
                .map(detail -> new Detail(detail.getKey().replace('_', ' '), text(detail.getValue())))
                .filter(detail -> !detail.value().isEmpty())
                .toList();
        return new TimelineEntry(entry.type().name().toLowerCase(Locale.ROOT), headline, Times.precise(entry.at()), tone, shown);
    }

    private static String on(String channel) {
        return channel.isEmpty() ? "" : " on " + channel;
    }

    private static String by(String provider) {
        return provider.isEmpty() ? "" : " by " + provider;
    }

    private static String quoted(String value) {
        return "“" + value + "”";
    }

    /** A detail as one line: nested values (a routing, an error body) in a compact JSON-like form. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(entry -> entry.getKey() + ": " + text(entry.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TimelineEntry::text).collect(Collectors.joining(", ", "[", "]"));
        }
        return value.toString();
    }
}
