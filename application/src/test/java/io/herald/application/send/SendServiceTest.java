package io.herald.application.send;

import io.herald.application.errors.ConflictException;
import io.herald.application.fakes.DirectTransactions;
import io.herald.application.fakes.InMemoryBrandRepository;
import io.herald.domain.brand.Brand;
import io.herald.application.fakes.InMemoryIdempotencyStore;
import io.herald.application.fakes.InMemoryListRepository;
import io.herald.application.fakes.InMemoryMessageRepository;
import io.herald.application.fakes.InMemoryTemplateRepository;
import io.herald.application.fakes.MutableClock;
import io.herald.application.fakes.RecordingDurableScheduler.Scheduled;
import io.herald.application.fakes.RecordingDurableScheduler;
import io.herald.application.port.in.SendMessageCommand;
import io.herald.application.port.in.SendMessageUseCase.SendResult;
import io.herald.application.port.out.DurableScheduler.ListPage;
import io.herald.application.port.out.MessageRepository.MessageQuery;
import io.herald.application.support.GroupCommit.Outcome;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.list.SubscriptionList;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.HistoryType;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Template;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Accepting sends: one stored message per recipient (a list stands for its subscribers, expanded a page at a time by
 * durable work), their delivery scheduled at their due time, and the refusals that leave nothing written.
 */
class SendServiceTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final int LIST_PAGE = 2;
    private static final int MAX_RECIPIENTS = 3;

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryMessageRepository messages = new InMemoryMessageRepository();
    private final InMemoryTemplateRepository templates = new InMemoryTemplateRepository();
    private final InMemoryBrandRepository brands = new InMemoryBrandRepository();
    private final InMemoryListRepository lists = new InMemoryListRepository();
    private final RecordingDurableScheduler scheduler = new RecordingDurableScheduler();
    private final SendService sends = new SendService(messages, templates, brands, lists, new InMemoryIdempotencyStore(), scheduler,
            new TemplateRenderer(), LIST_PAGE, MAX_RECIPIENTS, new DirectTransactions(), clock);

    SendServiceTest() {
        templates.save(Template.parse("welcome", Map.of("events", List.of("Trial Started"),
                "channels", Map.of("email", Map.of("subject", "Welcome", "text", "Hi {{first_name}}")))));
    }

    private static SendMessageCommand command(Map<String, Object> message) {
        return new SendMessageCommand(MessageSpec.parse(message), Optional.empty(), "hash-of-" + message);
    }

    private static SendMessageCommand withKey(Map<String, Object> message, String key, String requestHash) {
        return new SendMessageCommand(MessageSpec.parse(message), Optional.of(key), requestHash);
    }

    private Message stored(String id) {
        return messages.find(new MessageId(id)).orElseThrow();
    }

    private List<Message> ofRequest(String requestId) {
        return messages.list(new MessageQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(requestId),
                Optional.empty(), 100)).items();
    }

    private List<Message> all() {
        return messages.list(new MessageQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 100)).items();
    }

    @Test
    void aSendToOneUserStoresOneEnqueuedMessageNamedByTheRequestIdAndSchedulesItsDelivery() {
        SendResult result = sends.send(command(Map.of("to", Map.of("user_id", "alex"), "template", "welcome",
                "data", Map.of("first_name", "Alex"))));

        assertThat(result.messageIds()).containsExactly(result.requestId());
        Message message = stored(result.requestId());
        assertThat(message.status()).isEqualTo(MessageStatus.ENQUEUED);
        assertThat(message.recipient().userId()).contains(UserId.of("alex"));
        assertThat(message.templateId()).contains("welcome");
        assertThat(message.spec().data()).isEqualTo(Map.of("first_name", "Alex"));
        assertThat(message.enqueuedAt()).isEqualTo(START);
        assertThat(messages.history(message.id())).extracting(HistoryEntry::type).containsExactly(HistoryType.ENQUEUED);
        assertThat(scheduler.deliveries()).containsExactly(new Scheduled(List.of(message.id()), START));
    }

    @Test
    void everyKindOfRecipientGetsAMessageOfItsOwnUnderOneRequest() {
        SendResult result = sends.send(command(Map.of("to", List.of(
                        Map.of("email", "ad-hoc@example.org"),
                        Map.of("phone_number", "+15550111"),
                        Map.of("user_id", "alex", "email", "alex@work.example.org", "data", Map.of("seat", 3))),
                "content", Map.of("title", "Hello", "body", "News"))));

        assertThat(result.messageIds()).hasSize(3).doesNotContain(result.requestId()).doesNotHaveDuplicates();
        List<Message> sent = result.messageIds().stream().map(this::stored).toList();
        assertThat(sent).extracting(Message::requestId).containsOnly(result.requestId());
        assertThat(sent).extracting(message -> message.recipient().displayName())
                .containsExactly("ad-hoc@example.org", "+15550111", "alex");
        Message alex = sent.get(2);
        assertThat(alex.recipient().profileOverrides()).isEqualTo(Map.of("email", "alex@work.example.org"));
        assertThat(alex.recipient().data()).isEqualTo(Map.of("seat", 3));
        assertThat(alex.spec().raw().get("to")).as("each message keeps only its own recipient")
                .isEqualTo(Map.of("user_id", "alex", "email", "alex@work.example.org", "data", Map.of("seat", 3)));
        assertThat(scheduler.deliveries()).as("one delivery job for the request").singleElement().satisfies(job -> {
            assertThat(job.messages()).containsExactlyInAnyOrderElementsOf(sent.stream().map(Message::id).toList());
            assertThat(job.at()).isEqualTo(START);
        });
    }

    @Test
    void aTemplateMayBeNamedByAnEventMappedToIt() {
        SendResult result = sends.send(command(Map.of("to", Map.of("user_id", "alex"), "template", "Trial Started")));

        assertThat(stored(result.requestId()).status()).isEqualTo(MessageStatus.ENQUEUED);
    }

    @Test
    void anUnknownTemplateIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> sends.send(command(Map.of("to", Map.of("user_id", "alex"), "template", "nope"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("message.template 'nope' is neither a template id nor an event mapped to a template");

        assertThat(all()).isEmpty();
        assertThat(scheduler.deliveries()).isEmpty();
    }

    @Test
    void anUnknownBrandIsRefusedAndNothingIsWritten_aKnownOneIsKeptWithTheMessage() {
        assertThatThrownBy(() -> sends.send(command(Map.of("to", Map.of("user_id", "alex"), "template", "welcome", "brand_id", "nope"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("message.brand_id 'nope' is not a brand (POST /brands creates one)");
        assertThat(all()).isEmpty();

        brands.insert(Brand.parse("acme", Map.of("name", "Acme"), clock.now(), clock.now()));
        SendResult result = sends.send(command(Map.of("to", Map.of("user_id", "alex"), "template", "welcome", "brand_id", "acme")));
        assertThat(stored(result.requestId()).spec().brandId()).contains("acme");
    }

    @Test
    void inlineContentThatDoesNotCompileIsRefusedNamingTheField() {
        assertThatThrownBy(() -> sends.send(command(Map.of("to", Map.of("email", "a@example.org"),
                "content", Map.of("title", "Hi", "body", "Hello {{#if}}")))))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("message.content.body is not a valid Handlebars template");
        assertThat(all()).isEmpty();
        assertThat(scheduler.deliveries()).isEmpty();
    }

    @Test
    void aSendToAListIsAnsweredAtOnceAndExpandedAPageAtATimeWithoutDuplicates() {
        lists.put(new SubscriptionList("beta", "Beta testers", null, START, START));
        for (String user : List.of("u1", "u2", "u3", "u4", "u5")) {
            lists.subscribe("beta", UserId.of(user), Map.of(), START);
        }

        SendResult result = sends.send(command(Map.of("to", List.of(Map.of("list_id", "beta", "data", Map.of("plan", "pro")),
                Map.of("email", "also@example.org")), "template", "welcome")));

        assertThat(result.messageIds()).as("only the direct recipient's message exists yet").hasSize(1);
        assertThat(scheduler.listPages()).containsExactly(new ListPage(result.requestId(), MessageSpec.parse(Map.of("to", List.of(
                Map.of("list_id", "beta", "data", Map.of("plan", "pro")), Map.of("email", "also@example.org")),
                "template", "welcome")).raw(), 0, Optional.empty()));

        List<Integer> created = new ArrayList<>();
        for (int page = 0; page < scheduler.listPages().size(); page++) {
            created.add(sends.expand(scheduler.listPages().get(page)));
        }

        assertThat(created).as("pages of %d subscribers", LIST_PAGE).containsExactly(2, 2, 1);
        assertThat(scheduler.listPages()).extracting(ListPage::after)
                .containsExactly(Optional.empty(), Optional.of("u2"), Optional.of("u4"));
        List<Message> request = ofRequest(result.requestId());
        assertThat(request).hasSize(6);
        assertThat(request).filteredOn(message -> message.recipient().userId().isPresent())
                .extracting(message -> message.recipient().userId().orElseThrow().value())
                .containsExactlyInAnyOrder("u1", "u2", "u3", "u4", "u5");
        assertThat(request).filteredOn(message -> message.recipient().userId().isPresent())
                .allSatisfy(message -> assertThat(message.recipient().data()).isEqualTo(Map.of("plan", "pro")));
        assertThat(scheduler.deliveries()).as("the direct message, then each page's").hasSize(4);

        assertThat(sends.expand(scheduler.listPages().get(1))).as("a page run again creates nothing").isZero();
        assertThat(ofRequest(result.requestId())).hasSize(6);
    }

    @Test
    void anUnknownListIsRefusedNamingTheRecipient() {
        assertThatThrownBy(() -> sends.send(command(Map.of("to", List.of(Map.of("email", "a@example.org"), Map.of("list_id", "nope")),
                "template", "welcome"))))
                .isInstanceOf(InvalidValueException.class).hasMessage("message.to[1].list_id: there is no list 'nope'");
        assertThat(all()).isEmpty();
        assertThat(scheduler.listPages()).isEmpty();
    }

    @Test
    void anUnknownListAsTheOnlyRecipientIsRefusedNamingIt() {
        assertThatThrownBy(() -> sends.send(command(Map.of("to", Map.of("list_id", "ghosts"), "template", "welcome"))))
                .isInstanceOf(InvalidValueException.class).hasMessage("message.to.list_id: there is no list 'ghosts'");
        assertThat(all()).isEmpty();
        assertThat(scheduler.deliveries()).isEmpty();
        assertThat(scheduler.listPages()).isEmpty();
    }

    @Test
    void moreRecipientsThanTheLimitAreRefusedWhileAListCountsAsOne() {
        List<Map<String, Object>> four = List.of(Map.of("email", "a@example.org"), Map.of("email", "b@example.org"),
                Map.of("email", "c@example.org"), Map.of("email", "d@example.org"));
        assertThatThrownBy(() -> sends.send(command(Map.of("to", four, "template", "welcome"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("message.to names 4 recipients; at most 3 (herald.send.max-recipients)")
                .hasMessageContaining("list_id");
        assertThat(all()).isEmpty();

        lists.put(new SubscriptionList("big", "Big", null, START, START));
        SendResult three = sends.send(command(Map.of("to", List.of(four.get(0), four.get(1), Map.of("list_id", "big")),
                "template", "welcome")));
        assertThat(three.messageIds()).hasSize(2);
    }

    @Test
    void aDelayedSendIsStoredDelayedAndScheduledForItsTime() {
        SendResult inAMinute = sends.send(command(Map.of("to", Map.of("user_id", "alex"), "template", "welcome",
                "delay", Map.of("duration", 60_000))));
        SendResult atNine = sends.send(command(Map.of("to", Map.of("user_id", "bo"), "template", "welcome",
                "delay", Map.of("until", "2026-12-02T09:00:00Z"))));
        SendResult pastDate = sends.send(command(Map.of("to", Map.of("user_id", "cy"), "template", "welcome",
                "delay", Map.of("until", "2026-01-01T00:00:00Z"))));

        Message delayed = stored(inAMinute.requestId());
        assertThat(delayed.status()).isEqualTo(MessageStatus.DELAYED);
        assertThat(delayed.deliverAt()).contains(START.plusSeconds(60));
        assertThat(messages.history(delayed.id())).extracting(HistoryEntry::type).containsExactly(HistoryType.ENQUEUED, HistoryType.DELAYED);
        assertThat(stored(pastDate.requestId()).status()).as("a time already past is now").isEqualTo(MessageStatus.ENQUEUED);
        assertThat(scheduler.deliveries()).containsExactly(
                new Scheduled(List.of(delayed.id()), START.plusSeconds(60)),
                new Scheduled(List.of(new MessageId(atNine.requestId())), Instant.parse("2026-12-02T09:00:00Z")),
                new Scheduled(List.of(new MessageId(pastDate.requestId())), START));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstResponseRefusesAnotherBodyAndExpiresAfterADay() {
        Map<String, Object> body = Map.of("to", Map.of("user_id", "alex"), "template", "welcome");

        SendResult first = sends.send(withKey(body, "order-42", "hash-1"));
        SendResult retry = sends.send(withKey(body, "order-42", "hash-1"));

        assertThat(retry).isEqualTo(first);
        assertThat(all()).hasSize(1);
        assertThat(scheduler.deliveries()).hasSize(1);
        assertThatThrownBy(() -> sends.send(withKey(Map.of("to", Map.of("user_id", "bo"), "template", "welcome"), "order-42", "hash-2")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Idempotency-Key 'order-42' was used for a different request in the last 24 hours");
        assertThat(all()).hasSize(1);

        clock.advance(SendService.IDEMPOTENCY_WINDOW.plusSeconds(1));
        SendResult nextDay = sends.send(withKey(body, "order-42", "hash-1"));

        assertThat(nextDay.requestId()).isNotEqualTo(first.requestId());
        assertThat(all()).hasSize(2);
    }

    @Test
    void malformedSendsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> MessageSpec.parse(Map.of("template", "welcome")))
                .isInstanceOf(InvalidValueException.class).hasMessage("message.to is required");
        assertThatThrownBy(() -> MessageSpec.parse(Map.of("to", Map.of("user_id", "alex"), "template", "welcome",
                "content", Map.of("body", "b")))).isInstanceOf(InvalidValueException.class)
                .hasMessage("message: send either template or content, not both");
        assertThatThrownBy(() -> MessageSpec.parse(Map.of("to", Map.of("audience_id", "all"), "template", "welcome")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("message.to.audience_id");
        assertThatThrownBy(() -> MessageSpec.parse(Map.of("to", Map.of("user_id", "alex"), "template", "welcome",
                "routing", Map.of("method", "single", "channels", List.of("fax"))))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("message.routing.channels[0]");
        assertThatThrownBy(() -> new SendMessageCommand(MessageSpec.parse(Map.of("to", Map.of("user_id", "alex"), "template", "welcome")),
                Optional.of(" "), "hash")).isInstanceOf(InvalidValueException.class).hasMessage("Idempotency-Key must be 1 to 255 characters");
    }

    @Test
    void sendsStoredTogetherFailAloneAndShareOneDeliveryJob() {
        List<Outcome<SendResult>> outcomes = sends.sendAll(List.of(
                command(Map.of("to", Map.of("user_id", "alex"), "template", "welcome")),
                command(Map.of("to", Map.of("user_id", "bo"), "template", "nope")),
                command(Map.of("to", Map.of("user_id", "cy"), "template", "welcome"))));

        assertThat(outcomes.get(0)).isInstanceOf(Outcome.Done.class);
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(Outcome.Failed.class, failed ->
                assertThat(failed.failure()).isInstanceOf(InvalidValueException.class).hasMessageContaining("'nope'"));
        assertThat(outcomes.get(2)).isInstanceOf(Outcome.Done.class);
        assertThat(all()).extracting(message -> message.recipient().displayName()).containsExactlyInAnyOrder("alex", "cy");
        assertThat(scheduler.deliveries()).singleElement().satisfies(job -> assertThat(job.messages()).hasSize(2));
    }

    @Test
    void messagesHeraldSendsItselfCarryTheirEventAndRun() {
        List<Message> created = sends.enqueue(List.of(MessageSpec.toUser(UserId.of("alex"), Optional.of("welcome"), Optional.empty(),
                Map.of("plan", "pro"), Optional.empty())), Optional.of("Trial Started"), Optional.of("run-1"), START.minus(Duration.ofSeconds(5)));

        Message message = stored(created.get(0).id().value());
        assertThat(message.event()).contains("Trial Started");
        assertThat(message.automationRunId()).contains("run-1");
        assertThat(message.spec().data()).isEqualTo(Map.of("plan", "pro"));
        assertThat(scheduler.deliveries()).containsExactly(new Scheduled(List.of(message.id()), START.minus(Duration.ofSeconds(5))));
    }
}
