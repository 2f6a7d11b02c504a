package io.herald.application.delivery;

import io.herald.application.port.out.ChannelSender.Delivery;
import io.herald.application.port.in.RecordEngagementUseCase;
import io.herald.application.port.out.InboxRepository;
import io.herald.application.port.out.InboxRepository.InboxEntry;
import io.herald.application.port.out.MessageRepository.DeliveryAttempt;
import io.herald.domain.delivery.AttemptOutcome;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.HistoryType;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageReason;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.preference.PreferenceSection;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.preference.WorkspaceTopic;
import io.herald.domain.profile.PushToken;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.herald.application.delivery.DeliveryFixture.START;
import static io.herald.domain.message.HistoryType.DELAYED;
import static io.herald.domain.message.HistoryType.ENQUEUED;
import static io.herald.domain.message.HistoryType.MAPPED;
import static io.herald.domain.message.HistoryType.PROFILE_LOADED;
import static io.herald.domain.message.HistoryType.PROVIDER_ERROR;
import static io.herald.domain.message.HistoryType.RENDERED;
import static io.herald.domain.message.HistoryType.ROUTED;
import static io.herald.domain.message.HistoryType.SENT;
import static io.herald.domain.message.HistoryType.UNDELIVERABLE;
import static io.herald.domain.message.HistoryType.UNMAPPED;
import static io.herald.domain.message.HistoryType.UNROUTABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Where and when the pipeline delivers a message when providers answer: the template rendered for the channel its
 * routing picks, what the provider is given, the history, the attempt log and the Segment events recorded; routing
 * that falls through or goes to every channel; messages that cannot be routed; delays and expiry.
 */
class DeliveryRoutingTest {

    private static final Map<String, Object> WELCOME = Map.of(
            "topic", "onboarding",
            "channels", Map.of(
                    "email", Map.of("subject", "Welcome, {{first_name}}!", "text", "Hi {{profile.name}}"),
                    "sms", Map.of("body", "Welcome {{first_name}}")),
            "routing", Map.of("method", "single", "channels", List.of("email", "sms")));

    private final ScriptedSender email = ScriptedSender.local("email-local", Channel.EMAIL);
    private final ScriptedSender otherEmail = ScriptedSender.local("email-other", Channel.EMAIL);
    private final ScriptedSender sms = ScriptedSender.local("sms-local", Channel.SMS);
    private final ScriptedSender push = ScriptedSender.local("push-local", Channel.PUSH);
    private final DeliveryFixture herald = DeliveryFixture.builder()
            .channel(Channel.EMAIL, email, otherEmail)
            .channel(Channel.SMS, sms)
            .channel(Channel.PUSH, push)
            .inbox()
            .build();

    DeliveryRoutingTest() {
        herald.template("welcome", WELCOME);
        herald.profile("alex", Map.of("email", "alex@example.org", "phone_number", "+15550100", "name", "Alex"));
    }

    @AfterEach
    void stop() {
        herald.close();
    }

    @Test
    void aThrottleOf3PerHourLetsThreeThroughPerUser_andTheFourthIsThrottledAndNotSent() {
        Map<String, Object> throttled = new java.util.HashMap<>(WELCOME);
        throttled.put("throttle", Map.of("key", "{{user_id}}-welcome", "max", 3, "period", "1 hour"));
        herald.template("welcome", throttled);
        herald.profile("kim", Map.of("email", "kim@example.org"));
        List<MessageId> alex = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            alex.add(herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome")));
            herald.clock.advance(Duration.ofMinutes(5));
            herald.runDueJobs();
        }
        MessageId kim = herald.send(Map.of("to", Map.of("user_id", "kim"), "template", "welcome"));
        herald.runDueJobs();

        assertThat(alex.stream().map(id -> herald.message(id).status())).containsExactly(MessageStatus.SENT, MessageStatus.SENT,
                MessageStatus.SENT, MessageStatus.THROTTLED);
        assertThat(herald.historyTypes(alex.get(3))).containsExactly(ENQUEUED, PROFILE_LOADED, MAPPED, HistoryType.THROTTLED);
        assertThat(herald.historyOf(alex.get(3), HistoryType.THROTTLED).get(0).details())
                .isEqualTo(Map.of("key", "alex-welcome", "max", 3, "period", "1 hour"));
        assertThat(herald.message(kim).status()).as("a key per user").isEqualTo(MessageStatus.SENT);
        assertThat(email.calls()).isEqualTo(4);

        herald.clock.advance(Duration.ofMinutes(45));
        MessageId later = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome"));
        herald.runDueJobs();
        assertThat(herald.message(later).status()).as("the first has left the hour").isEqualTo(MessageStatus.SENT);
    }

    @Test
    void aSendsOwnThrottleCountsOnlyMessagesThatWouldGoOut() {
        herald.stores.preferences().save(new TopicPreference(UserId.of("kim"), "onboarding", PreferenceStatus.OPTED_OUT, false, List.of()));
        Map<String, Object> limit = Map.of("key", "daily-digest", "max", 1, "period", "PT24H");
        MessageId optedOut = herald.send(Map.of("to", Map.of("user_id", "kim"), "template", "welcome", "throttle", limit));
        MessageId first = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome", "throttle", limit));
        MessageId second = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome", "throttle", limit));

        herald.runDueJobs();

        assertThat(herald.message(optedOut).status()).isEqualTo(MessageStatus.UNROUTABLE);
        assertThat(herald.message(first).status()).isEqualTo(MessageStatus.SENT);
        assertThat(herald.message(second).status()).isEqualTo(MessageStatus.THROTTLED);
    }

    @Test
    void aTemplateSendIsRenderedForItsFirstChannelAndSentByALocalProvider() {
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome",
                "data", Map.of("first_name", "Alex"), "metadata", Map.of("event", "Trial Started")));

        herald.runDueJobs();

        Message message = herald.message(id);
        assertThat(message.status()).isEqualTo(MessageStatus.SENT);
        assertThat(message.channel()).contains(Channel.EMAIL);
        assertThat(message.provider()).contains("email-local");
        assertThat(message.reachedAt(MessageStatus.SENT)).contains(START);
        assertThat(herald.historyTypes(id)).containsExactly(ENQUEUED, PROFILE_LOADED, MAPPED, ROUTED, RENDERED, SENT);
        assertThat(herald.historyOf(id, SENT)).singleElement().extracting(HistoryEntry::details)
                .isEqualTo(Map.of("channel", "email", "provider", "email-local", "provider_message_id", "email-local-1"));

        Delivery delivery = email.deliveries().get(0);
        assertThat(email.calls()).isEqualTo(1);
        assertThat(delivery.address()).isEqualTo("alex@example.org");
        assertThat(delivery.content()).containsEntry("subject", "Welcome, Alex!").containsEntry("text", "Hi Alex");
        assertThat(delivery.metadata()).containsEntry("template", "welcome").containsEntry("event", "Trial Started");
        assertThat(herald.stores.messages().outputs(id)).containsOnlyKeys(Channel.EMAIL);
        assertThat(otherEmail.calls() + sms.calls()).as("nobody else is called").isZero();

        assertThat(herald.attempts(id)).singleElement().satisfies(attempt -> {
            assertThat(attempt.provider()).isEqualTo("email-local");
            assertThat(attempt.attempt()).isEqualTo(1);
            assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.SENT);
            assertThat(attempt.providerMessageId()).isEqualTo("email-local-1");
        });
        assertThat(herald.feedbackEvents()).singleElement().satisfies(event -> {
            assertThat(event.segmentMessageId()).isEqualTo(id.value() + "-SENT");
            assertThat(event.event()).isEqualTo("Message Sent");
            assertThat(event.userId()).isEqualTo(UserId.of("alex"));
            assertThat(event.properties()).isEqualTo(Map.of("messageId", id.value(), "notification", "welcome", "channel", "email",
                    "provider", "email-local", "event", "Trial Started", "status", "SENT"));
        });
        assertThat(herald.jobsFor(id)).as("no follow-up: the message is sent").containsExactly(START);
    }

    @Test
    void singleRoutingFallsThroughToAChannelTheRecipientHasAnAddressFor() {
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "bo", "phone_number", "+15550199"), "template", "welcome",
                "data", Map.of("first_name", "Bo")));

        herald.runDueJobs();

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(herald.message(id).channel()).contains(Channel.SMS);
        assertThat(sms.deliveries()).singleElement().satisfies(delivery -> {
            assertThat(delivery.address()).isEqualTo("+15550199");
            assertThat(delivery.content()).isEqualTo(Map.of("body", "Welcome Bo"));
        });
        assertThat(email.calls()).isZero();
    }

    @Test
    void aPermanentFailureOnTheFirstChannelFallsThroughToTheNextInTheSameStep() {
        sms.answers(new DeliveryResult.PermanentFailure("400 invalid number", 400));
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome",
                "routing", Map.of("method", "single", "channels", List.of("sms", "email"))));

        herald.runDueJobs();

        Message message = herald.message(id);
        assertThat(message.status()).isEqualTo(MessageStatus.SENT);
        assertThat(message.channel()).contains(Channel.EMAIL);
        assertThat(herald.historyTypes(id)).containsSubsequence(ROUTED, RENDERED, PROVIDER_ERROR, RENDERED, SENT)
                .doesNotContain(UNDELIVERABLE);
        assertThat(herald.historyOf(id, PROVIDER_ERROR)).singleElement().extracting(HistoryEntry::details)
                .isEqualTo(Map.of("channel", "sms", "provider", "sms-local", "error", "400 invalid number",
                        "status_code", 400, "transient", false, "next", "fallthrough"));
        assertThat(sms.calls()).as("a permanent failure is not retried").isEqualTo(1);
        assertThat(herald.attempts(id)).extracting(DeliveryAttempt::channel, DeliveryAttempt::outcome)
                .containsExactlyInAnyOrder(tuple(Channel.SMS, AttemptOutcome.PERMANENT),
                        tuple(Channel.EMAIL, AttemptOutcome.SENT));
        assertThat(herald.jobsFor(id)).containsExactly(START);
    }

    @Test
    void routingAllSendsOnEveryChannelAndSegmentHearsOfTheMessageSentOnce() {
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome",
                "routing", Map.of("method", "all", "channels", List.of("email", "sms"))));

        herald.runDueJobs();

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(herald.historyOf(id, SENT)).extracting(entry -> entry.details().get("channel")).containsExactly("email", "sms");
        assertThat(email.calls()).isEqualTo(1);
        assertThat(sms.calls()).isEqualTo(1);
        assertThat(herald.stores.messages().outputs(id)).containsOnlyKeys(Channel.EMAIL, Channel.SMS);
        assertThat(herald.feedbackEventNames()).containsExactly("Message Sent");
    }

    @Test
    void routingAllKeepsTheMessageSentWhenOneOfItsChannelsFailsForGood() {
        sms.answers(new DeliveryResult.PermanentFailure("400 invalid number", 400));
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome",
                "routing", Map.of("method", "all", "channels", List.of("email", "sms"))));

        herald.runDueJobs();

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(herald.historyTypes(id)).doesNotContain(UNDELIVERABLE);
        assertThat(herald.historyOf(id, SENT)).singleElement().satisfies(sent -> assertThat(sent.details()).containsEntry("channel", "email"));
        assertThat(herald.message(id).plan().orElseThrow().isExhausted()).isFalse();
    }

    @Test
    void anEmailOnATopicOfferingUnsubscribeCarriesTheOneClickHeaders_andTemplatesSeeTheLinks() {
        workspaceTopic("onboarding", PreferenceStatus.OPTED_IN);
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome"));
        MessageId inline = herald.send(Map.of("to", Map.of("user_id", "alex"), "content", Map.of("title", "Tips",
                "body", "Stop: {{unsubscribe_url}} Manage: {{preferences_url}}"), "preferences", Map.of("subscription_topic_id", "onboarding"),
                "routing", Map.of("method", "single", "channels", List.of("email"))));

        herald.runDueJobs();

        String unsubscribe = DeliveryFixture.LINKS.unsubscribeUrl(UserId.of("alex"), "onboarding");
        assertThat(email.deliveries().get(0).content().get("headers")).isEqualTo(Map.of("List-Unsubscribe", "<" + unsubscribe + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        assertThat(herald.stores.messages().outputs(inline).get(Channel.EMAIL).get("text")).asString()
                .contains("Stop: " + unsubscribe, "Manage: " + DeliveryFixture.LINKS.preferencesUrl(UserId.of("alex")));
        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void aRequiredTopicsEmailHasNoUnsubscribeHeader() {
        workspaceTopic("onboarding", PreferenceStatus.REQUIRED);
        herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome"));

        herald.runDueJobs();

        assertThat(email.deliveries().get(0).content()).doesNotContainKey("headers");
    }

    @Test
    void anEmailOpenedMarksTheSameSendsInboxItemRead() {
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "content", Map.of("title", "Hi", "body", "Both"),
                "routing", Map.of("method", "all", "channels", List.of("email", "inbox"))));
        herald.runDueJobs();
        assertThat(herald.stores.inbox().find(UserId.of("alex"), id).orElseThrow().read()).isNull();

        herald.clock.advance(Duration.ofMinutes(5));
        herald.engagement().record(new RecordEngagementUseCase.EngagementReport("email-local", Optional.of(id), Optional.empty(),
                RecordEngagementUseCase.Kind.OPENED, herald.clock.now(), Optional.empty()));

        assertThat(herald.stores.inbox().find(UserId.of("alex"), id).orElseThrow().read()).isEqualTo(herald.clock.now());
        assertThat(herald.stores.inbox().eventsAfter(UserId.of("alex"), 0, 10)).extracting(InboxRepository.InboxEvent::type)
                .containsExactly("message", "read");
    }

    @Test
    void inlineContentForAUserWithNoAddressGoesToTheInbox() {
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "casey"), "content", Map.of("title", "Hi {{name}}", "body", "In app"),
                "data", Map.of("name", "Casey")));

        herald.runDueJobs();

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(herald.message(id).provider()).contains(InboxSender.NAME);
        InboxEntry entry = herald.stores.inbox().find(UserId.of("casey"), id).orElseThrow();
        assertThat(entry.content()).isEqualTo(Map.of("title", "Hi Casey", "body", "In app"));
        assertThat(entry.created()).isEqualTo(START);
        assertThat(email.calls() + sms.calls() + push.calls()).isZero();
    }

    @Test
    void pushGoesToTheUsersUsableTokensOnly() {
        herald.stores.pushTokens().put(new PushToken(UserId.of("pat"), "fcm-1", "firebase-fcm", null, null, null, null, null, null));
        herald.stores.pushTokens().put(new PushToken(UserId.of("pat"), "fcm-old", "firebase-fcm", null, null, null,
                START.minus(Duration.ofDays(1)), null, null));
        herald.stores.pushTokens().put(new PushToken(UserId.of("pat"), "fcm-revoked", "firebase-fcm", null, null, null, null, "revoked", null));

        MessageId id = herald.send(Map.of("to", Map.of("user_id", "pat"), "content", Map.of("title", "Hi", "body", "Hello"),
                "routing", Map.of("method", "single", "channels", List.of("push"))));
        herald.runDueJobs();

        assertThat(herald.message(id).channel()).contains(Channel.PUSH);
        assertThat(push.deliveries()).singleElement().satisfies(delivery -> {
            assertThat(delivery.pushTokens()).containsExactly("fcm-1");
            assertThat(delivery.address()).isEqualTo("pat");
            assertThat(delivery.content()).isEqualTo(Map.of("title", "Hi", "body", "Hello"));
        });
    }

    @Test
    void aSendCanNarrowAChannelToOneOfItsProvidersAndPassItFields() {
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome",
                "channels", Map.of("email", Map.of("providers", List.of("email-other"))),
                "providers", Map.of("email-other", Map.of("override", Map.of("ip_pool", "transactional")))));

        herald.runDueJobs();

        assertThat(herald.message(id).provider()).contains("email-other");
        assertThat(email.calls()).isZero();
        assertThat(otherEmail.deliveries()).singleElement()
                .satisfies(delivery -> assertThat(delivery.override()).isEqualTo(Map.of("ip_pool", "transactional")));
    }

    @Test
    void aRecipientWhoOptedOutOfTheTopicIsUnroutableAndSegmentIsTold() {
        herald.stores.preferences().save(new TopicPreference(UserId.of("alex"), "onboarding", PreferenceStatus.OPTED_OUT, false, List.of()));
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome"));

        herald.runDueJobs();

        Message message = herald.message(id);
        assertThat(message.status()).isEqualTo(MessageStatus.UNROUTABLE);
        assertThat(message.reason()).contains(MessageReason.UNSUBSCRIBED);
        assertThat(herald.historyTypes(id)).containsExactly(ENQUEUED, PROFILE_LOADED, MAPPED, UNROUTABLE);
        assertThat(email.calls() + sms.calls()).isZero();
        assertThat(herald.feedbackEvents()).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo("Message Unroutable");
            assertThat(event.properties()).containsEntry("reason", "UNSUBSCRIBED").containsEntry("status", "UNROUTABLE");
        });
    }

    private void workspaceTopic(String id, PreferenceStatus status) {
        herald.workspacePreferences.insertSection(new PreferenceSection("account", "Account", Optional.empty(), false, List.of(), START, START,
                "key_a", "key_a"));
        herald.workspacePreferences.insertTopic(new WorkspaceTopic(id, "account", id, Optional.empty(), status, List.of(),
                status != PreferenceStatus.REQUIRED, List.of(), Map.of(), START, START, "key_a", "key_a"));
    }

    @Test
    void aRequiredWorkspaceTopicReachesAUserWhoOptedOutBeforeItWasRequired() {
        herald.stores.preferences().save(new TopicPreference(UserId.of("alex"), "onboarding", PreferenceStatus.OPTED_OUT, false, List.of()));
        workspaceTopic("onboarding", PreferenceStatus.REQUIRED);
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome"));

        herald.runDueJobs();

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void aWorkspaceTopicOptedOutByDefaultReachesOnlyTheUsersWhoOptedIn() {
        workspaceTopic("onboarding", PreferenceStatus.OPTED_OUT);
        MessageId unchosen = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome"));
        herald.runDueJobs();
        herald.stores.preferences().save(new TopicPreference(UserId.of("alex"), "onboarding", PreferenceStatus.OPTED_IN, false, List.of()));
        MessageId chosen = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome"));
        herald.runDueJobs();

        assertThat(herald.message(unchosen).reason()).contains(MessageReason.UNSUBSCRIBED);
        assertThat(herald.message(chosen).status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void customRoutingNarrowsTheChannelsToTheUsersOwn() {
        herald.stores.preferences().save(new TopicPreference(UserId.of("alex"), "onboarding", PreferenceStatus.OPTED_IN, true,
                List.of(Channel.SMS)));
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome"));

        herald.runDueJobs();

        assertThat(herald.message(id).channel()).contains(Channel.SMS);
        assertThat(email.calls()).isZero();
    }

    @Test
    void providerSettingsForAProviderNoChannelUsesMakeTheMessageUnroutableRatherThanIgnored() {
        MessageId id = herald.send(Map.of("to", Map.of("email", "p@example.org"), "content", Map.of("title", "a", "body", "b"),
                "providers", Map.of("twilio", Map.of("override", Map.of("validityPeriod", 60)))));

        herald.runDueJobs();

        Message message = herald.message(id);
        assertThat(message.status()).isEqualTo(MessageStatus.UNROUTABLE);
        assertThat(message.reason()).contains(MessageReason.NO_PROVIDERS);
        assertThat(message.error()).contains("message.providers names [twilio], which no channel is configured with "
                + "(herald.channels.<channel>.providers)");
        assertThat(herald.feedbackEvents()).as("no user to report to").isEmpty();
    }

    @Test
    void aTemplateDeletedBeforeDeliveryLeavesTheMessageUnmapped() {
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome"));
        herald.templates.delete("welcome");

        herald.runDueJobs();

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.UNMAPPED);
        assertThat(herald.historyTypes(id)).containsExactly(ENQUEUED, PROFILE_LOADED, UNMAPPED);
        assertThat(email.calls()).isZero();
    }

    @Test
    void aDelayedMessageWaitsForItsTimeEvenWhenLookedAtEarlier() {
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome", "delay", Map.of("duration", 60_000)));
        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.DELAYED);
        assertThat(herald.jobsFor(id)).containsExactly(START.plusSeconds(60));

        herald.clock.advance(Duration.ofSeconds(30));
        herald.runDueJobs();
        herald.deliverNow(id);

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.DELAYED);
        assertThat(email.calls()).isZero();
        assertThat(herald.jobsFor(id)).as("the early look asks for its due time again").containsExactly(START.plusSeconds(60),
                START.plusSeconds(60));

        herald.runNextJob();

        assertThat(herald.clock.now()).isEqualTo(START.plusSeconds(60));
        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(herald.message(id).reachedAt(MessageStatus.SENT)).contains(START.plusSeconds(60));
        assertThat(herald.historyTypes(id)).startsWith(ENQUEUED, DELAYED).endsWith(SENT);
    }

    @Test
    void aMessageNotSentBeforeItsExpiryIsGivenUpWithoutACall() {
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome",
                "delay", Map.of("duration", 60_000), "expiry", Map.of("expires_in", 30_000)));

        herald.runNextJob();

        Message message = herald.message(id);
        assertThat(message.status()).isEqualTo(MessageStatus.UNDELIVERABLE);
        assertThat(message.reason()).contains(MessageReason.FAILED);
        assertThat(message.error()).contains("expired at " + START.plusSeconds(30) + " before it could be sent");
        assertThat(herald.historyTypes(id)).containsExactly(ENQUEUED, DELAYED, UNDELIVERABLE);
        assertThat(email.calls()).isZero();
        assertThat(herald.feedbackEvents()).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo("Message Undeliverable");
            assertThat(event.properties()).containsEntry("reason", "FAILED");
        });
        assertThat(herald.nextJobAt()).isEmpty();
    }
}
