package io.herald.adapters.outbound.providers.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.herald.adapters.outbound.providers.ProviderFailures;
import io.herald.adapters.outbound.providers.ProviderOverride;
import io.herald.adapters.outbound.providers.RemoteSender;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.routing.Channel;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * SMS through Twilio's Messages API. The send request's override may set {@code from}, {@code messagingServiceSid},
 * {@code statusCallback} (replaces Herald's own), {@code validityPeriod} (seconds), {@code maxPrice} and
 * {@code smartEncoded}, in camelCase or as Twilio's parameter names ({@code ValidityPeriod}); any other field fails
 * the attempt for good rather than being dropped unseen.
 */
@Singleton
@Requires(property = "herald.providers.twilio.account-sid")
class TwilioSender extends RemoteSender {

    static final String NAME = "twilio";

    /**
     * Twilio error codes that come with a 4xx status yet may pass: 20429 too many requests, 21611 the sender's
     * queue of messages is full.
     */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(20429, 21611);

    private final String from;
    private final String messagingServiceSid;
    private final String statusCallbackUrl;
    private final RebasedTwilioHttpClient http;
    private final TwilioRestClient client;

    private final Map<String, String> shown;

    TwilioSender(TwilioSettings settings) {
        super(NAME, Channel.SMS);
        String accountSid = required(settings.accountSid(), "account-sid");
        String authToken = required(settings.authToken(), "auth-token");
        this.from = blankToNull(settings.from());
        this.messagingServiceSid = blankToNull(settings.messagingServiceSid());
        if (from == null && messagingServiceSid == null) {
            throw new IllegalStateException("herald.providers.twilio.from or .messaging-service-sid must be set to send SMS with Twilio");
        }
        this.statusCallbackUrl = blankToNull(settings.statusCallbackUrl());
        if (statusCallbackUrl != null && !statusCallbackUrl.matches("https?://[^\\s]+")) {
            throw new IllegalStateException("herald.providers.twilio.status-callback-url must be Herald's public http(s) URL "
                    + "of /webhooks/twilio/status");
        }
        this.shown = shown("account SID and auth token", "set", "from", from == null ? "—" : from,
                "messaging service", messagingServiceSid == null ? "—" : messagingServiceSid, "base URL", settings.baseUrl(),
                "status callbacks", statusCallbackUrl == null ? "off: no status-callback-url, so Twilio reports no delivery" : statusCallbackUrl,
                "read timeout", settings.readTimeout().toMillis() + " ms");
        this.http = new RebasedTwilioHttpClient(settings.baseUrl(), settings.readTimeout());
        this.client = new TwilioRestClient.Builder(accountSid, authToken).httpClient(http).build();
    }

    @PreDestroy
    void close() throws IOException {
        http.close();
    }

    @Override
    public Map<String, String> settings() {
        return shown;
    }

    @Override
    protected DeliveryResult attempt(Delivery delivery) {
        if (delivery.address() == null || delivery.address().isBlank()) {
            return new DeliveryResult.PermanentFailure(NAME + ": the recipient has no phone number");
        }
        if (delivery.content().get("body") == null) {
            return new DeliveryResult.PermanentFailure(NAME + ": the sms has no body");
        }
        MessageCreator creator;
        try {
            creator = creator(delivery);
        } catch (IllegalArgumentException invalidOverride) {
            return new DeliveryResult.PermanentFailure(NAME + ": " + invalidOverride.getMessage());
        }
        try {
            return new DeliveryResult.Sent(creator.create(client).getSid());
        } catch (ApiConnectionException e) {
            return ProviderFailures.unreachable(NAME, e);
        } catch (ApiException e) {
            return failure(e);
        } catch (TwilioException e) {
            return new DeliveryResult.PermanentFailure(NAME + ": " + ProviderFailures.describe(e));
        }
    }

    private MessageCreator creator(Delivery delivery) {
        Map<String, Object> override = new LinkedHashMap<>();
        ProviderOverride.fields(delivery.override()).forEach((field, value) ->
                override.put(field.isEmpty() ? field : Character.toLowerCase(field.charAt(0)) + field.substring(1), value));
        String sender = override.containsKey("from") ? text(override.remove("from"), "from") : from;
        String service = override.containsKey("messagingServiceSid")
                ? text(override.remove("messagingServiceSid"), "messagingServiceSid") : messagingServiceSid;
        MessageCreator creator = Message.creator(new PhoneNumber(delivery.address()),
                sender == null ? null : new PhoneNumber(sender), String.valueOf(delivery.content().get("body")));
        if (service != null) {
            creator.setMessagingServiceSid(service);
        }
        String statusCallback = override.containsKey("statusCallback") ? text(override.remove("statusCallback"), "statusCallback")
                : statusCallbackUrl == null ? null : TwilioStatusCallback.url(statusCallbackUrl, delivery.messageId().value());
        if (statusCallback != null) {
            creator.setStatusCallback(URI.create(statusCallback));
        }
        if (override.containsKey("validityPeriod")) {
            creator.setValidityPeriod(wholeNumber(override.remove("validityPeriod"), "validityPeriod"));
        }
        if (override.containsKey("maxPrice")) {
            creator.setMaxPrice(decimal(override.remove("maxPrice"), "maxPrice"));
        }
        if (override.containsKey("smartEncoded")) {
            creator.setSmartEncoded(bool(override.remove("smartEncoded"), "smartEncoded"));
        }
        if (!override.isEmpty()) {
            throw new IllegalArgumentException("override " + override.keySet() + " is not supported (supported: from, "
                    + "messagingServiceSid, statusCallback, validityPeriod, maxPrice, smartEncoded)");
        }
        return creator;
    }

    /**
     * Twilio explains an error with its own code ({@code 21211} invalid 'To' number, {@code 21610} unsubscribed
     * recipient, {@code 21614} not a mobile number…) and the HTTP status in the body. Without a status the answer
     * was unreadable or never came, and a later try may fare better.
     */
    private static DeliveryResult failure(ApiException e) {
        Integer status = e.getStatusCode();
        if (status == null) {
            if (e.getCause() instanceof IOException cause && !(cause instanceof JsonProcessingException)) {
                return ProviderFailures.unreachable(NAME, cause);
            }
            return new DeliveryResult.TransientFailure(NAME + ": unreadable answer (" + ProviderFailures.describe(e) + ")");
        }
        Integer code = e.getCode();
        String error = NAME + " " + (code != null ? code : status) + ": " + ProviderFailures.brief(String.valueOf(e.getMessage()));
        if (code != null && TRANSIENT_CODES.contains(code)) {
            return DeliveryResult.TransientFailure.status(status, error);
        }
        return ProviderFailures.forStatus(status, error);
    }

    private static String text(Object value, String field) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("override " + field + " must be a non-empty string");
        }
        return text;
    }

    private static Integer wholeNumber(Object value, String field) {
        try {
            return new BigDecimal(String.valueOf(value)).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("override " + field + " must be a whole number, not " + value);
        }
    }

    private static BigDecimal decimal(Object value, String field) {
        try {
            return new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("override " + field + " must be a number, not " + value);
        }
    }

    private static Boolean bool(Object value, String field) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf((String) value);
        }
        throw new IllegalArgumentException("override " + field + " must be true or false, not " + value);
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("herald.providers.twilio." + key + " must be set to send SMS with Twilio");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
