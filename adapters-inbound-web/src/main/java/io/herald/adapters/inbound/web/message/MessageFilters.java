package io.herald.adapters.inbound.web.message;

import io.herald.application.port.out.MessageRepository.MessageQuery;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The message log's filters as the form and the URL carry them. A value that is not a status, a channel or a time is
 * no filter rather than an error: the log shows everything and the form shows what was dropped. Times are UTC, as
 * everywhere in the console, written as a {@code datetime-local} input gives them ({@code 2026-12-03T08:00}) or as a
 * day.
 */
public record MessageFilters(String status, String recipient, String template, String channel, String provider, String from,
                             String until) {

    public static final List<String> STATUSES = Arrays.stream(MessageStatus.values()).map(Enum::name).toList();
    public static final List<String> CHANNELS = Arrays.stream(Channel.values()).map(Channel::wireName).toList();

    public MessageFilters {
        status = status == null ? "" : status.trim().toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            status = "";
        }
        recipient = trimmed(recipient);
        template = trimmed(template);
        channel = trimmed(channel).toLowerCase(Locale.ROOT);
        if (!CHANNELS.contains(channel)) {
            channel = "";
        }
        provider = trimmed(provider);
        from = time(from).isPresent() ? trimmed(from) : "";
        until = time(until).isPresent() ? trimmed(until) : "";
    }

    MessageQuery query(Optional<String> cursor, int limit) {
        return new MessageQuery(optional(recipient), status.isEmpty() ? Optional.empty() : Optional.of(MessageStatus.valueOf(status)),
                optional(template), Optional.empty(), Channel.find(channel), optional(provider), time(from), time(until), cursor, limit);
    }

    public boolean any() {
        return !query().isEmpty();
    }

    /** Whether a page may end early with more to come: channel and provider sift a bounded walk (see MessageQuery). */
    public boolean sifts() {
        return !channel.isEmpty() || !provider.isEmpty();
    }

    /** The filters as a query string, for links that keep them (the next page, the live stream). */
    public String query() {
        StringBuilder query = new StringBuilder();
        append(query, "status", status);
        append(query, "recipient", recipient);
        append(query, "template", template);
        append(query, "channel", channel);
        append(query, "provider", provider);
        append(query, "from", from);
        append(query, "until", until);
        return query.toString();
    }

    private static Optional<Instant> time(String text) {
        String given = trimmed(text);
        if (given.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(given.length() == 10 ? LocalDate.parse(given).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : LocalDateTime.parse(given).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> optional(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!value.isEmpty()) {
            query.append(query.length() == 0 ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
