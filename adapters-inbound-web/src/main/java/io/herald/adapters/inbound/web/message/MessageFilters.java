package io.herald.adapters.inbound.web.message;

import io.herald.domain.message.MessageStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The message log's filters as the form and the URL carry them. A value that is not a status is no filter rather
 * than an error: the log shows everything and the form shows what was dropped.
 */
public record MessageFilters(String status, String recipient, String template) {

    public static final List<String> STATUSES = Arrays.stream(MessageStatus.values()).map(Enum::name).toList();

    public MessageFilters {
        status = status == null ? "" : status.trim().toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            status = "";
        }
        recipient = recipient == null ? "" : recipient.trim();
        template = template == null ? "" : template.trim();
    }

    Optional<MessageStatus> statusFilter() {
        return status.isEmpty() ? Optional.empty() : Optional.of(MessageStatus.valueOf(status));
    }

    Optional<String> recipientFilter() {
        return recipient.isEmpty() ? Optional.empty() : Optional.of(recipient);
    }

    Optional<String> templateFilter() {
        return template.isEmpty() ? Optional.empty() : Optional.of(template);
    }

    public boolean any() {
        return !status.isEmpty() || !recipient.isEmpty() || !template.isEmpty();
    }

    /** The filters as a query string, for links that keep them (the next page, the live stream). */
    public String query() {
        StringBuilder query = new StringBuilder();
        append(query, "status", status);
        append(query, "recipient", recipient);
        append(query, "template", template);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!value.isEmpty()) {
            query.append(query.length() == 0 ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
