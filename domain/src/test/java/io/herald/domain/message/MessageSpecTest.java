package io.herald.domain.message;

import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.routing.RoutingNode;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Content;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageSpecTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private static MessageSpec parse(Map<String, Object> extra) {
        Map<String, Object> message = new LinkedHashMap<>(Map.of("to", Map.of("user_id", "u1"), "template", "welcome"));
        message.putAll(extra);
        return MessageSpec.parse(message);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Map<String, Object> extra) {
        return assertThatThrownBy(() -> parse(extra)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aSendToAUserWithATemplate() {
        MessageSpec spec = parse(Map.of("data", Map.of("name", "Alex")));

        assertThat(spec.recipient().userId()).contains(UserId.of("u1"));
        assertThat(spec.template()).contains("welcome");
        assertThat(spec.content()).isEmpty();
        assertThat(spec.data()).containsEntry("name", "Alex");
        assertThat(spec.routing()).isEmpty();
    }

    @Test
    void aSendWithInlineContent() {
        MessageSpec spec = MessageSpec.parse(Map.of("to", Map.of("email", "a@example.org"),
                "content", Map.of("title", "Hi", "body", "Hello {{name}}")));

        assertThat(spec.content()).contains(new Content("Hi", "Hello {{name}}"));
        assertThat(spec.recipient().profileOverrides()).isEqualTo(Map.of("email", "a@example.org"));
    }

    @Test
    void courierMetadataIsKept_tagsTraceIdAndUtm_andChecked() {
        MessageSpec spec = parse(Map.of("metadata", Map.of("tags", List.of("billing", "eu"), "trace_id", "t-1",
                "utm", Map.of("source", "herald", "campaign", "winter")), "brand_id", "acme"));
        assertThat(spec.tags()).containsExactly("billing", "eu");
        assertThat(spec.traceId()).contains("t-1");
        assertThat(spec.brandId()).contains("acme");
        assertThat(parse(Map.of()).tags()).isEmpty();

        refused(Map.of("metadata", Map.of("tags", List.of("ok", 3)))).hasMessage("message.metadata.tags[1] must be a string");
        refused(Map.of("metadata", Map.of("trace_id", 7))).hasMessageContaining("message.metadata.trace_id");
        refused(Map.of("metadata", Map.of("utm", Map.of("source", List.of())))).hasMessageContaining("message.metadata.utm.source");
        refused(Map.of("metadata", Map.of("tags", java.util.Collections.nCopies(51, "t")))).hasMessageContaining("at most 50");
        refused(Map.of("brand_id", "")).hasMessageContaining("message.brand_id");
    }

    @Test
    void theRecipientIsRequired() {
        assertThatThrownBy(() -> MessageSpec.parse(Map.of("template", "welcome")))
                .isInstanceOf(InvalidValueException.class).hasMessage("message.to is required");
        assertThatThrownBy(() -> MessageSpec.parse(Map.of("to", List.of(), "template", "welcome")))
                .hasMessage("message.to must not be an empty array");
    }

    @Test
    void exactlyOneOfTemplateAndContentIsRequired() {
        refused(Map.of("content", Map.of("body", "hi"))).hasMessage("message: send either template or content, not both");
        assertThatThrownBy(() -> MessageSpec.parse(Map.of("to", Map.of("user_id", "u1"))))
                .isInstanceOf(InvalidValueException.class).hasMessage("message.template or message.content is required");
    }

    @Test
    void aSendToSeveralRecipientsNamesTheIndexOfABadOne() {
        MessageSpec spec = parse(Map.of("to", List.of(Map.of("user_id", "u1"), Map.of("phone_number", "+15550100"))));
        assertThat(spec.to()).hasSize(2);

        refused(Map.of("to", List.of(Map.of("user_id", "u1"), Map.of("user_id", ""))))
                .hasMessage("message.to[1].user_id must be a non-empty string");
        refused(Map.of("to", List.of(Map.of("user_id", "u1"), "u2"))).hasMessageStartingWith("message.to[1] must be an object");
        refused(Map.of("to", List.of(Map.of("user_id", "u1"), Map.of("data", Map.of()))))
                .hasMessage("message.to[1] needs user_id, email, phone_number or list_id");
    }

    @Test
    void recipientKindsHeraldDoesNotDeliverToAreRefused() {
        refused(Map.of("to", Map.of("slack", Map.of("channel", "C1")))).hasMessageStartingWith("message.to.slack")
                .hasMessageContaining("not supported");
        refused(Map.of("to", Map.of("user_id", "u1", "webhook", Map.of()))).hasMessageStartingWith("message.to.webhook");
        refused(Map.of("to", Map.of("audience_id", "a1"))).hasMessageStartingWith("message.to.audience_id");
    }

    @Test
    void aListCannotBeCombinedWithAUserOrAddress() {
        refused(Map.of("to", Map.of("list_id", "news", "user_id", "u1"))).hasMessageContaining("list_id cannot be combined");
        refused(Map.of("to", Map.of("list_id", "news", "email", "a@example.org"))).hasMessageContaining("list_id cannot be combined");
        assertThat(parse(Map.of("to", Map.of("list_id", "news"))).recipient().isList()).isTrue();
    }

    @Test
    void aDelayIsADurationOrAMoment() {
        assertThat(parse(Map.of("delay", Map.of("duration", 60_000))).delay().orElseThrow().from(NOW))
                .isEqualTo(NOW.plusSeconds(60));
        assertThat(parse(Map.of("delay", Map.of("duration", "2 hours"))).delay().orElseThrow().from(NOW))
                .isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(parse(Map.of("delay", Map.of("until", "2026-03-02T10:00:00+01:00"))).delay().orElseThrow().from(NOW))
                .isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
    }

    @Test
    void aDelayNeedsADurationOrAMomentItCanRead() {
        refused(Map.of("delay", Map.of())).hasMessageStartingWith("message.delay needs duration");
        refused(Map.of("delay", Map.of("duration", "soon"))).hasMessageStartingWith("message.delay.duration 'soon'");
        refused(Map.of("delay", Map.of("until", "tomorrow"))).hasMessageStartingWith("message.delay.until 'tomorrow'");
        refused(Map.of("delay", "1 hour")).hasMessage("message.delay must be an object");
    }

    @Test
    void anExpiryIsADurationInAnyFormOrAMoment() {
        for (Object expiresIn : List.of(7_200_000, "2 hours", "PT2H")) {
            assertThat(parse(Map.of("expiry", Map.of("expires_in", expiresIn))).expiry().orElseThrow().from(NOW))
                    .as("%s", expiresIn).isEqualTo(NOW.plus(Duration.ofHours(2)));
        }
        assertThat(parse(Map.of("expiry", Map.of("expires_at", "2026-03-01T12:00:00Z"))).expiry().orElseThrow().from(NOW))
                .isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    }

    @Test
    void anExpiryNeedsADurationOrAMomentItCanRead() {
        refused(Map.of("expiry", Map.of())).hasMessage("message.expiry needs expires_in or expires_at");
        refused(Map.of("expiry", Map.of("expires_in", -5))).hasMessageStartingWith("message.expiry.expires_in");
        refused(Map.of("expiry", Map.of("expires_at", 1234))).hasMessageStartingWith("message.expiry.expires_at");
    }

    @Test
    void aTimeoutWithAnEscalationTimeEscalatesOnItsCriteria() {
        assertThat(parse(Map.of("timeout", Map.of("escalation", "1 hour", "criteria", "viewed"))).escalation())
                .contains(new Escalation(Duration.ofHours(1), Escalation.Criteria.VIEWED));
        assertThat(parse(Map.of("timeouts", Map.of("escalation", 60_000, "criteria", "engaged"))).escalation())
                .contains(new Escalation(Duration.ofMinutes(1), Escalation.Criteria.ENGAGED));
        assertThat(parse(Map.of("timeout", Map.of("escalation", "PT30M"))).escalation())
                .contains(new Escalation(Duration.ofMinutes(30), Escalation.Criteria.DELIVERED));
    }

    @Test
    void aTimeoutWithoutEscalationOrWithNoEscalationCriteriaDoesNotEscalate() {
        assertThat(parse(Map.of("timeout", Map.of("escalation", "1 hour", "criteria", "no-escalation"))).escalation()).isEmpty();
        assertThat(parse(Map.of("timeout", Map.of("provider", 5000))).escalation()).isEmpty();
    }

    @Test
    void aBadTimeoutNamesTheFieldAsTheCallerWroteIt() {
        refused(Map.of("timeout", Map.of("escalation", "1 hour", "criteria", "read")))
                .hasMessageStartingWith("message.timeout.criteria must be \"delivered\"");
        refused(Map.of("timeouts", Map.of("escalation", "1 hour", "criteria", "read")))
                .hasMessageStartingWith("message.timeouts.criteria");
        refused(Map.of("timeouts", Map.of("criteria", "read"))).hasMessageStartingWith("message.timeouts.criteria");
        refused(Map.of("timeout", Map.of("escalation", "later"))).hasMessageStartingWith("message.timeout.escalation 'later'");
        refused(Map.of("timeout", 5000)).hasMessage("message.timeout must be an object");
    }

    @Test
    void theSubscriptionTopicComesFromThePreferences() {
        assertThat(parse(Map.of("preferences", Map.of("subscription_topic_id", "billing"))).topicId()).contains("billing");
        assertThat(parse(Map.of()).topicId()).isEmpty();
        refused(Map.of("preferences", Map.of("subscription_topic_id", " ")))
                .hasMessage("message.preferences.subscription_topic_id must be a non-empty string");
    }

    @Test
    void anExplicitRoutingIsReadAndItsFaultsNamed() {
        MessageSpec spec = parse(Map.of("routing", Map.of("method", "all", "channels", List.of("email", "push"))));

        assertThat(spec.routing()).contains(new RoutingNode.Group(io.herald.domain.routing.RoutingMethod.ALL, List.of(
                new RoutingNode.Leaf(Channel.EMAIL), new RoutingNode.Leaf(Channel.PUSH))));
        refused(Map.of("routing", Map.of("method", "single", "channels", List.of("email", "fax"))))
                .hasMessageStartingWith("message.routing.channels[1] 'fax' is neither a channel");
    }

    @Test
    void channelSettingsMustNameAKnownChannelAndListProvidersAsStrings() {
        refused(Map.of("channels", Map.of("fax", Map.of()))).hasMessageContaining("'fax' is not a channel");
        refused(Map.of("channels", Map.of("email", Map.of("providers", "sendgrid"))))
                .hasMessage("message.channels.email.providers must be an array of provider names");
        refused(Map.of("channels", Map.of("email", Map.of("providers", List.of("sendgrid", 3)))))
                .hasMessage("message.channels.email.providers must be an array of provider names");
        refused(Map.of("channels", Map.of("sms", "twilio"))).hasMessage("message.channels.sms must be an object");
        refused(Map.of("channels", Map.of("sms", Map.of("override", "x")))).hasMessage("message.channels.sms.override must be an object");
        refused(Map.of("providers", Map.of("twilio", Map.of("override", List.of()))))
                .hasMessage("message.providers.twilio.override must be an object");
        refused(Map.of("providers", Map.of("email", "sendgrid"))).as("the shape of Courier's blog post")
                .hasMessage("message.providers.email must be an object of that provider's settings ({\"override\": {…}}); "
                        + "to send email through sendgrid, use message.channels.email.providers: [\"sendgrid\"]");
    }

    @Test
    void aChannelCanBeRestrictedToSomeProviders() {
        MessageSpec spec = parse(Map.of("channels", Map.of("email", Map.of("providers", List.of("postmark", "sendgrid")))));

        assertThat(spec.providersFor(Channel.EMAIL)).contains(List.of("postmark", "sendgrid"));
        assertThat(spec.providersFor(Channel.SMS)).isEmpty();
    }

    @Test
    void theProviderOverrideIsMergedOverTheChannelOverride() {
        MessageSpec spec = parse(Map.of(
                "channels", Map.of("email", Map.of("override", Map.of("from", "channel@example.org", "reply_to", "help@example.org"))),
                "providers", Map.of("sendgrid", Map.of("override", Map.of("from", "provider@example.org")))));

        assertThat(spec.overrideFor(Channel.EMAIL, "sendgrid"))
                .isEqualTo(Map.of("from", "provider@example.org", "reply_to", "help@example.org"));
        assertThat(spec.overrideFor(Channel.EMAIL, "postmark"))
                .isEqualTo(Map.of("from", "channel@example.org", "reply_to", "help@example.org"));
        assertThat(spec.overrideFor(Channel.SMS, "twilio")).isEmpty();
    }

    @Test
    void aChannelKeyWrittenInCapitalsRestrictsItsChannelLikeRoutingDoes() {
        MessageSpec spec = parse(Map.of("channels", Map.of("EMAIL", Map.of("providers", List.of("postmark")))));

        assertThat(spec.providersFor(Channel.EMAIL)).isEqualTo(Optional.of(List.of("postmark")));
    }
}
