package io.herald.application.operations;

import io.herald.application.automation.RunStarter;
import io.herald.application.delivery.DeliveryFixture;
import io.herald.application.delivery.ScriptedSender;
import io.herald.application.fakes.RecordingDurableScheduler.Scheduled;
import io.herald.application.fakes.RecordingDurableScheduler.WakeUp;
import io.herald.application.port.in.RecordEngagementUseCase.EngagementReport;
import io.herald.application.port.in.RecordEngagementUseCase.Kind;
import io.herald.application.port.in.RedriveUseCase.MessageFilter;
import io.herald.application.port.in.RedriveUseCase.Window;
import io.herald.application.port.out.InboundEventLog.NewInboundEvent;
import io.herald.application.port.out.InboundEventLog.Outcome;
import io.herald.application.port.out.Transactions;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.automation.AdHocAutomation;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.RunStatus;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.inbound.InboundEventStatus;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static io.herald.application.delivery.DeliveryFixture.START;
import static io.herald.domain.message.HistoryType.ENQUEUED;
import static io.herald.domain.message.HistoryType.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Re-drive after an outage or a configuration fix: undeliverable messages start over from routing (never one a provider
 * accepted once), failed inbound events and automation runs go again; a page at a time, each in its own transaction.
 */
class RedriveServiceTest {

    private static final Window ANY_TIME = new Window(Optional.empty(), Optional.empty());

    private final ScriptedSender twilio = ScriptedSender.local("twilio", Channel.SMS);
    private final DeliveryFixture herald = DeliveryFixture.builder().channel(Channel.SMS, twilio).build();
    private final AtomicInteger transactions = new AtomicInteger();
    private final Transactions counting = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            transactions.incrementAndGet();
            return work.get();
        }
    };
    private final RedriveService redrive = new RedriveService(herald.stores.messages(), herald.stores.inboundEvents(),
            herald.stores.automationRuns(), herald.scheduler, counting, herald.clock);

    RedriveServiceTest() {
        herald.profile("alex", Map.of("phone_number", "+15550100"));
    }

    @AfterEach
    void stop() {
        herald.close();
    }

    private MessageId undeliverableText() {
        twilio.answers(new DeliveryResult.PermanentFailure("21608 unverified number", 400));
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "content", Map.of("title", "Hi", "body", "Hello"),
                "routing", Map.of("method", "single", "channels", List.of("sms"))));
        herald.runDueJobs();
        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.UNDELIVERABLE);
        return id;
    }

    private static MessageFilter undeliverableOn(Optional<String> provider) {
        return new MessageFilter(MessageStatus.UNDELIVERABLE, provider, Optional.empty(), Optional.empty(), ANY_TIME);
    }

    @Test
    void anUndeliverableMessageStartsOverFromRoutingAndIsSentOnceTheProviderIsFixed() {
        MessageId id = undeliverableText();
        herald.clock.advance(Duration.ofHours(1));
        Instant redrivenAt = herald.clock.now();

        assertThat(redrive.redriveMessages(undeliverableOn(Optional.of("twilio")))).isEqualTo(1);

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.ENQUEUED);
        assertThat(herald.message(id).error()).isEmpty();
        assertThat(herald.attempts(id)).as("its attempts are forgotten; its history keeps the story").isEmpty();
        assertThat(herald.history(id)).filteredOn(entry -> entry.type() == ENQUEUED).last().extracting(HistoryEntry::details)
                .isEqualTo(Map.of("redrive", true, "was", "UNDELIVERABLE"));
        assertThat(herald.scheduler.deliveries()).last().isEqualTo(new Scheduled(List.of(id), redrivenAt));

        herald.runDueJobs();

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(herald.historyOf(id, SENT)).hasSize(1);
        assertThat(twilio.calls()).isEqualTo(2);
    }

    @Test
    void onlyMessagesMatchingTheFilterAreRedrivenAndNeverOneAProviderAcceptedOnce() {
        MessageId failed = undeliverableText();
        MessageId bounced = herald.send(Map.of("to", Map.of("user_id", "alex"), "content", Map.of("title", "Hi", "body", "Again"),
                "routing", Map.of("method", "single", "channels", List.of("sms"))));
        herald.runDueJobs();
        herald.engagement().record(new EngagementReport("twilio", Optional.of(bounced), Optional.empty(), Kind.FAILED, START,
                Optional.of("30003 unreachable")));
        assertThat(herald.message(bounced).status()).isEqualTo(MessageStatus.UNDELIVERABLE);

        assertThat(redrive.redriveMessages(undeliverableOn(Optional.of("sendgrid")))).as("never tried on sendgrid").isZero();
        assertThat(redrive.redriveMessages(undeliverableOn(Optional.empty()))).isEqualTo(1);

        assertThat(herald.message(failed).status()).isEqualTo(MessageStatus.ENQUEUED);
        assertThat(herald.message(bounced).status()).as("sending it again could deliver it twice").isEqualTo(MessageStatus.UNDELIVERABLE);
    }

    @Test
    void onlyMessagesThatGaveUpCanBeRedriven() {
        assertThatThrownBy(() -> new MessageFilter(MessageStatus.SENT, Optional.empty(), Optional.empty(), Optional.empty(), ANY_TIME))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("UNDELIVERABLE or UNROUTABLE");
        assertThatThrownBy(() -> new Window(Optional.of(START), Optional.of(START))).isInstanceOf(InvalidValueException.class)
                .hasMessage("from must be before to");
        assertThat(redrive.redriveMessages(undeliverableOn(Optional.empty()))).isZero();
        assertThat(transactions).as("one page that found nothing").hasValue(1);
    }

    @Test
    void failedInboundEventsAreProcessedAgainAndTheDrainIsWoken() {
        List<Long> ids = herald.stores.inboundEvents().appendNew(List.of(
                new NewInboundEvent("seg-1", "segment", "track", "Trial Started", "alex", Map.of(), START),
                new NewInboundEvent("seg-2", "segment", "identify", null, "alex", Map.of(), START)));
        herald.stores.inboundEvents().recordOutcomes(List.of(
                new Outcome(ids.get(0), InboundEventStatus.FAILED, List.of(), List.of(), "boom", START),
                new Outcome(ids.get(1), InboundEventStatus.PROCESSED, List.of(), List.of(), null, START)));

        assertThat(redrive.redriveInboundEvents(ANY_TIME, Optional.of("track"))).isEqualTo(1);

        assertThat(herald.stores.inboundEvents().find(ids.get(0)).orElseThrow().status()).isEqualTo(InboundEventStatus.RECEIVED);
        assertThat(herald.stores.inboundEvents().find(ids.get(1)).orElseThrow().status()).isEqualTo(InboundEventStatus.PROCESSED);
        assertThat(herald.scheduler.inboundSignals()).isEqualTo(1);
    }

    @Test
    void aFailedAutomationRunGoesOnFromTheStepThatFailed() {
        RunStarter starter = new RunStarter(herald.stores.automationRuns(), herald.scheduler, new TemplateRenderer());
        AutomationRun run = starter.start(Optional.empty(), AdHocAutomation.parse(Map.of("steps", List.of(
                Map.of("action", "update-profile", "profile", Map.of("a", 1)))), Optional.empty()).steps(), Optional.empty(),
                UserId.of("alex"), Map.of(), Map.of(), Map.of(), 0, Optional.empty(), START);
        run.fail("the CRM did not answer", START);
        herald.stores.automationRuns().save(run);
        herald.clock.advance(Duration.ofMinutes(5));

        assertThat(redrive.redriveAutomationRuns(ANY_TIME, Optional.empty())).isEqualTo(1);

        assertThat(herald.stores.automationRuns().find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(herald.scheduler.wakeUps()).last().isEqualTo(new WakeUp(run.id(), 0, herald.clock.now()));
        assertThat(redrive.redriveAutomationRuns(ANY_TIME, Optional.empty())).as("it is no longer FAILED").isZero();
    }
}
