package io.herald.bootstrap.startup;

import io.herald.adapters.outbound.providers.sendgrid.SendGridWebhookKey;
import io.herald.application.delivery.SendRate;
import io.herald.bootstrap.wiring.ChannelProviders;
import io.herald.domain.routing.Channel;
import io.micronaut.core.value.PropertyResolver;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Herald checks in its configuration before it starts anything (DESIGN §10): every provider a channel names
 * exists and can deliver on it, every named provider has its credentials, and durations, numbers and URLs parse.
 * Each problem is one line naming the key; all of them are reported, not only the first.
 */
public final class ConfigurationCheck {

    /** The built-in providers and the channels each can deliver on. */
    static final Map<String, Set<Channel>> PROVIDERS = Map.of(
            "console", Set.of(Channel.EMAIL, Channel.SMS, Channel.PUSH, Channel.INBOX),
            "inbox", Set.of(Channel.INBOX),
            "sendgrid", Set.of(Channel.EMAIL),
            "twilio", Set.of(Channel.SMS),
            "fcm", Set.of(Channel.PUSH));

    private static final List<String> DURATIONS = List.of(
            "herald.delivery.first-retry-delay", "herald.delivery.max-retry-delay", "herald.delivery.in-flight-lease",
            "herald.delivery.give-up-after", "herald.delivery.circuit.probe-after", "herald.scheduler.polling-interval",
            "herald.scheduler.heartbeat-interval", "herald.scheduler.shutdown-max-wait", "herald.segment.feedback.first-retry-delay",
            "herald.segment.feedback.timeout", "herald.automations.fetch-data.timeout", "herald.automations.fetch-data.connect-timeout",
            "herald.providers.sendgrid.connect-timeout", "herald.providers.sendgrid.read-timeout",
            "herald.providers.twilio.read-timeout", "herald.providers.fcm.connect-timeout", "herald.providers.fcm.read-timeout",
            "herald.retention.messages", "herald.retention.inbound-events", "herald.retention.automation-runs",
            "herald.providers.sendgrid.webhook-max-age", "herald.http.read-timeout", "micronaut.server.idle-timeout");
    private static final List<String> POSITIVE_INTEGERS = List.of(
            "herald.delivery.attempts-per-provider", "herald.delivery.circuit.failures", "herald.delivery.concurrent-provider-calls",
            "herald.delivery.provider-queue", "herald.scheduler.threads", "herald.ingest.writers", "herald.send.writers",
            "datasources.default.maximum-pool-size", "herald.providers.sendgrid.concurrency", "herald.providers.twilio.concurrency",
            "herald.providers.fcm.concurrency", "herald.limits.render-bytes", "herald.limits.template-depth",
            "herald.automations.fetch-data.max-bytes", "herald.automations.max-runs-per-chain", "herald.send.max-recipients",
            "herald.send.list-page-size");
    private static final List<String> URLS = List.of(
            "herald.providers.sendgrid.base-url", "herald.providers.twilio.base-url", "herald.providers.twilio.status-callback-url",
            "herald.providers.fcm.base-url", "herald.segment.feedback.endpoint", "herald.public-url");
    private static final Pattern DURATION = Pattern.compile("\\d+(ms|s|m|h|d)|P(?:\\d+D)?(?:T(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("^(?:.*<)?[^<>\\s@]+@[^<>\\s@]+\\.[^<>\\s@]+>?$");

    private final PropertyResolver properties;

    public ConfigurationCheck(PropertyResolver properties) {
        this.properties = properties;
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (Channel channel : Channel.values()) {
            String key = ChannelProviders.key(channel);
            List<String> names = ChannelProviders.of(properties, channel);
            if (names.isEmpty()) {
                problems.add(key + " names no provider; leave it unset for the default (" + ChannelProviders.defaults(channel).get(0) + ")");
            }
            for (String name : names) {
                Set<Channel> channels = PROVIDERS.get(name);
                if (channels == null) {
                    problems.add(key + " names '" + name + "', which is not a provider; providers: " + String.join(", ", PROVIDERS.keySet().stream().sorted().toList()));
                } else if (!channels.contains(channel)) {
                    problems.add(key + " names '" + name + "', which cannot deliver " + channel.wireName());
                } else {
                    named.add(name);
                }
            }
        }
        if (named.contains("sendgrid")) {
            require(problems, "herald.providers.sendgrid.api-key", "to send email with SendGrid");
            require(problems, "herald.providers.sendgrid.from", "to send email with SendGrid (a verified sender, e.g. Acme <noreply@acme.example>)")
                    .filter(from -> !EMAIL.matcher(from.trim()).matches())
                    .ifPresent(from -> problems.add("herald.providers.sendgrid.from must be an email address, optionally with a name: Acme <noreply@acme.example>"));
        }
        if (named.contains("twilio")) {
            require(problems, "herald.providers.twilio.account-sid", "to send SMS with Twilio");
            require(problems, "herald.providers.twilio.auth-token", "to send SMS with Twilio");
            if (text("herald.providers.twilio.from").isEmpty() && text("herald.providers.twilio.messaging-service-sid").isEmpty()) {
                problems.add("herald.providers.twilio.from or herald.providers.twilio.messaging-service-sid must be set to send SMS with Twilio");
            }
        }
        if (named.contains("fcm")) {
            require(problems, "herald.providers.fcm.credentials-file", "to send push with FCM (a service-account JSON file)")
                    .filter(file -> !Files.isReadable(Path.of(file)))
                    .ifPresent(file -> problems.add("herald.providers.fcm.credentials-file: cannot read " + file));
        }
        text("herald.providers.sendgrid.webhook-public-key").filter(key -> SendGridWebhookKey.parse(key).isEmpty())
                .ifPresent(key -> problems.add("herald.providers.sendgrid.webhook-public-key must be the verification key of SendGrid's"
                        + " signed event webhook (base64 ECDSA public key, from its Mail Settings)"));
        for (String key : DURATIONS) {
            text(key).filter(value -> !isDuration(value))
                    .ifPresent(value -> problems.add(key + " must be a duration such as 500ms, 30s, 5m, 72h or PT30S, not '" + value + "'"));
        }
        for (String key : POSITIVE_INTEGERS) {
            text(key).filter(value -> !isPositiveInteger(value))
                    .ifPresent(value -> problems.add(key + " must be a whole number above 0, not '" + value + "'"));
        }
        for (String provider : List.of("sendgrid", "twilio", "fcm")) {
            String key = "herald.providers." + provider + ".rate";
            text(key).filter(value -> SendRate.parse(value).isEmpty())
                    .ifPresent(value -> problems.add(key + " must be a rate such as 1/s, 600/m or 5/10s, not '" + value + "'"));
        }
        for (String key : List.of("herald.auth.token-secret", "herald.auth.token-secret-previous")) {
            text(key).filter(secret -> secret.length() < 32)
                    .ifPresent(secret -> problems.add(key + " must be at least 32 characters (a random string; unset, Herald generates one)"));
        }
        text("micronaut.server.port").filter(value -> !isPort(value))
                .ifPresent(value -> problems.add("micronaut.server.port must be a port number (0 to 65535), not '" + value + "'"));
        for (String key : URLS) {
            text(key).filter(value -> !isHttpUrl(value))
                    .ifPresent(value -> problems.add(key + " must be an http(s) URL such as https://host:port, not '" + value + "'"));
        }
        text("datasources.default.url").filter(value -> !value.startsWith("jdbc:postgresql://"))
                .ifPresent(value -> problems.add("datasources.default.url must be a PostgreSQL JDBC URL such as jdbc:postgresql://host:5432/herald"));
        return problems;
    }

    /** The providers of each channel, in failover order, for the start-up summary. */
    public Map<Channel, List<String>> channelProviders() {
        Map<Channel, List<String>> byChannel = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            byChannel.put(channel, ChannelProviders.of(properties, channel));
        }
        return byChannel;
    }

    /** Remote providers given credentials that no channel uses: most likely a channel someone forgot to set. */
    public List<String> configuredButUnused() {
        Set<String> named = new LinkedHashSet<>();
        channelProviders().values().forEach(named::addAll);
        Map<String, String> credential = Map.of("sendgrid", "herald.providers.sendgrid.api-key",
                "twilio", "herald.providers.twilio.account-sid", "fcm", "herald.providers.fcm.credentials-file");
        return credential.entrySet().stream().filter(entry -> !named.contains(entry.getKey()) && text(entry.getValue()).isPresent())
                .map(Map.Entry::getKey).sorted().toList();
    }

    private Optional<String> require(List<String> problems, String key, String purpose) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            problems.add(key + " must be set " + purpose);
        }
        return value;
    }

    private Optional<String> text(String key) {
        return properties.getProperty(key, String.class).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static boolean isDuration(String value) {
        if (!DURATION.matcher(value).matches() || value.equalsIgnoreCase("P") || value.equalsIgnoreCase("PT")) {
            return false;
        }
        try {
            if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
                Duration.parse(value);
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isPositiveInteger(String value) {
        try {
            return Integer.parseInt(value) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A TCP port, or -1: Micronaut's "any free port". */
    private static boolean isPort(String value) {
        try {
            int port = Integer.parseInt(value);
            return port >= -1 && port <= 65535;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
