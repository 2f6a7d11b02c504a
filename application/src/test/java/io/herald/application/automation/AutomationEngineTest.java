package io.herald.application.automation;

import io.herald.application.condition.Conditions;
import io.herald.application.automation.AutomationEngine.FetchCall;
import io.herald.application.automation.AutomationEngine.Progress;
import io.herald.application.fakes.InMemoryAutomationRepository;
import io.herald.application.fakes.InMemoryAutomationRunRepository;
import io.herald.application.fakes.InMemoryProfileRepository;
import io.herald.application.fakes.MutableClock;
import io.herald.application.fakes.RecordingDurableScheduler;
import io.herald.application.fakes.RecordingDurableScheduler.WakeUp;
import io.herald.application.fakes.Unused;
import io.herald.application.port.out.OperationalMetrics;
import io.herald.application.port.out.IdempotencyStore;
import io.herald.application.port.out.ListRepository;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.BrandRepository;
import io.herald.application.port.out.TemplateRepository;
import io.herald.application.port.out.Transactions;
import io.herald.application.port.out.WebhookCaller;
import io.herald.application.send.SendService;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.automation.AdHocAutomation;
import io.herald.domain.automation.Automation;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.automation.RunStatus;
import io.herald.domain.automation.StepResult;
import io.herald.domain.automation.StepStatus;
import io.herald.domain.profile.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run engine against in-memory out-ports: wake-ups that come twice or late, fetch-data calls made between
 * transactions and repeated after a crash, cancel and invoke. These scenarios send nothing: sends are covered end
 * to end by the system tests, so the send path's ports fail the test if touched.
 */
class AutomationEngineTest {

    private static final UserId ALEX = UserId.of("alex");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final InMemoryAutomationRunRepository runs = new InMemoryAutomationRunRepository();
    private final InMemoryAutomationRepository automations = new InMemoryAutomationRepository();
    private final InMemoryProfileRepository profiles = new InMemoryProfileRepository();
    private final RecordingDurableScheduler scheduler = new RecordingDurableScheduler();
    private final TemplateRenderer renderer = new TemplateRenderer();
    private final RunStarter starter = new RunStarter(runs, scheduler, renderer);
    private final SendService sendsNothing = new SendService(Unused.port(MessageRepository.class), Unused.port(TemplateRepository.class),
            Unused.port(BrandRepository.class), Unused.port(ListRepository.class), Unused.port(IdempotencyStore.class), scheduler, renderer, Unused.port(Transactions.class), clock);
    private final AutomationEngine engine = new AutomationEngineService(runs, automations, profiles, Unused.port(MessageRepository.class),
            Unused.port(TemplateRepository.class), sendsNothing, starter, new Conditions(), renderer, scheduler, OperationalMetrics.NONE, 100, clock);
    private final List<WebhookCaller.Request> calls = new ArrayList<>();

    private AutomationRunId start(List<Map<String, Object>> steps, Map<String, Object> data) {
        return start(Optional.empty(), steps, data);
    }

    private AutomationRunId start(Optional<String> token, List<Map<String, Object>> steps, Map<String, Object> data) {
        AdHocAutomation automation = AdHocAutomation.parse(token.isPresent()
                ? Map.of("cancelation_token", token.get(), "steps", steps) : Map.of("steps", steps), Optional.empty());
        return starter.start(Optional.empty(), automation.steps(), automation.cancelationToken(), ALEX, data, Map.of(), Map.of(), 0,
                Optional.empty(), clock.now()).id();
    }

    private static Map<String, Object> delay(String duration) {
        return Map.of("action", "delay", "duration", duration);
    }

    private static Map<String, Object> updateProfile(Map<String, Object> profile) {
        return Map.of("action", "update-profile", "profile", profile);
    }

    private static Map<String, Object> fetch(Map<String, Object> webhook) {
        return Map.of("action", "fetch-data", "webhook", webhook);
    }

    private AutomationRun run(AutomationRunId id) {
        return runs.find(id).orElseThrow();
    }

    private static List<StepStatus> statuses(AutomationRun run) {
        return run.results().stream().map(StepResult::status).toList();
    }

    private AutomationRunner runner(WebhookCaller.Result answer) {
        return new AutomationRunner(engine, new WebhookCaller() {
            @Override
            public Result call(Request request) {
                calls.add(request);
                return answer;
            }

            @Override
            public Optional<String> refusal(String urlTemplate) {
                return Optional.empty();
            }
        });
    }

    @Test
    void aWakeUpThatComesTwiceOrLateExecutesNothingTwice() {
        AutomationRunId id = start(List.of(delay("1 hour"), updateProfile(Map.of("visits", 1)), delay("1 hour"),
                updateProfile(Map.of("visits", 2))), Map.of());
        engine.advance(id, 0);
        assertThat(scheduler.wakeUps()).containsExactly(new WakeUp(id, 0, clock.now()), new WakeUp(id, 0, clock.now().plus(Duration.ofHours(1))));

        engine.advance(id, 0);
        assertThat(scheduler.wakeUps()).as("the first wake-up again: the run waits in step 0 already").hasSize(2);

        clock.advance(Duration.ofHours(1));
        engine.advance(id, 0);
        engine.advance(id, 0);

        assertThat(run(id).stepIndex()).isEqualTo(2);
        assertThat(run(id).status()).isEqualTo(RunStatus.WAITING);
        assertThat(scheduler.wakeUps()).hasSize(3);
        assertThat(scheduler.wakeUps().get(2)).isEqualTo(new WakeUp(id, 2, clock.now().plus(Duration.ofHours(1))));
        assertThat(profiles.find(ALEX).orElseThrow().attributes()).isEqualTo(Map.of("visits", 1));
        assertThat(engine.advance(id, 0)).as("a stale wake-up for step 0 is ignored").isEqualTo(new Progress(Optional.empty()));
        assertThat(run(id).stepIndex()).isEqualTo(2);
    }

    @Test
    void aFetchDataCallIsMadeBetweenTransactionsAndItsAnswerMergedIntoTheData() {
        AutomationRunId id = start(List.of(fetch(Map.of("url", "https://crm.example.org/users/{{user_id}}?plan={{plan}}")),
                Map.of("action", "update-profile", "profile", Map.of("fetched", true), "if", "data.seats > 10")), Map.of("plan", "pro"));

        runner(new WebhookCaller.Fetched(Map.of("seats", 12))).advance(id, 0);

        assertThat(calls).containsExactly(new WebhookCaller.Request("https://crm.example.org/users/alex?plan=pro", "GET", Map.of(),
                Optional.empty()));
        assertThat(run(id).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run(id).data()).isEqualTo(Map.of("plan", "pro", "seats", 12));
        assertThat(profiles.find(ALEX).orElseThrow().attributes()).isEqualTo(Map.of("fetched", true));
    }

    @Test
    void aFetchInterruptedByACrashIsMadeAgainByTheRepeatedWakeUpAndALateAnswerIsIgnored() {
        AutomationRunId id = start(List.of(fetch(Map.of("url", "https://crm.example.org/users/{{user_id}}"))), Map.of());
        FetchCall interrupted = engine.advance(id, 0).fetch().orElseThrow();
        assertThat(statuses(run(id))).containsExactly(StepStatus.RUNNING);

        FetchCall again = engine.advance(id, 0).fetch().orElseThrow();
        engine.fetched(again, new WebhookCaller.Fetched(Map.of("tier", "gold")));
        engine.fetched(interrupted, new WebhookCaller.Fetched(Map.of("tier", "silver")));

        assertThat(run(id).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run(id).data()).isEqualTo(Map.of("tier", "gold"));
    }

    @Test
    void aFailedFetchFailsTheRunWithTheReason() {
        AutomationRunId id = start(List.of(fetch(Map.of("url", "https://crm.example.org/users/{{user_id}}", "method", "POST",
                "body", Map.of("a", 1))), updateProfile(Map.of("fetched", true))), Map.of());

        runner(new WebhookCaller.Failed("answered 500")).advance(id, 0);

        assertThat(calls.get(0).body()).contains(Map.of("a", 1));
        assertThat(run(id).status()).isEqualTo(RunStatus.FAILED);
        assertThat(run(id).error()).contains("steps[0] (fetch-data): POST https://crm.example.org/users/alex failed: answered 500");
        assertThat(profiles.find(ALEX)).isEmpty();
    }

    @Test
    void aCancelStepCancelsTheActiveRunsWithItsRenderedTokenOnly() {
        AutomationRunId onboarding = start(Optional.of("{{user_id}}-onboarding"), List.of(delay("1 day")), Map.of());
        AutomationRunId drip = start(Optional.of("{{user_id}}-drip"), List.of(delay("1 day")), Map.of());
        engine.advance(onboarding, 0);
        engine.advance(drip, 0);

        AutomationRunId cancel = start(Optional.of("{{user_id}}-onboarding"),
                List.of(Map.of("action", "cancel", "cancelation_token", "{{user_id}}-{{journey}}")), Map.of("journey", "onboarding"));
        engine.advance(cancel, 0);

        assertThat(run(onboarding).status()).isEqualTo(RunStatus.CANCELED);
        assertThat(run(drip).status()).isEqualTo(RunStatus.WAITING);
        assertThat(run(cancel).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run(cancel).results().get(0).runIds()).containsExactly(onboarding.value());
    }

    @Test
    void automationsThatInvokeEachOtherInACycleStopAtTheDepthLimit() {
        automations.save(Automation.parse("ping", Map.of("steps", List.of(Map.of("action", "invoke", "template", "pong")))));
        automations.save(Automation.parse("pong", Map.of("steps", List.of(Map.of("action", "invoke", "template", "ping")))));
        AutomationRunId first = start(List.of(Map.of("action", "invoke", "template", "ping")), Map.of("n", 1));

        for (int i = 0; i < scheduler.wakeUps().size(); i++) {
            engine.advance(scheduler.wakeUps().get(i).run(), scheduler.wakeUps().get(i).step());
        }

        assertThat(runs.all()).hasSize(AutomationRun.MAX_INVOKE_DEPTH + 1);
        assertThat(run(first).status()).isEqualTo(RunStatus.COMPLETED);
        AutomationRun deepest = runs.all().stream().filter(run -> run.status() == RunStatus.FAILED).findFirst().orElseThrow();
        assertThat(deepest.depth()).isEqualTo(AutomationRun.MAX_INVOKE_DEPTH);
        assertThat(deepest.error().orElseThrow()).contains("invoked each other " + AutomationRun.MAX_INVOKE_DEPTH + " levels deep");
        assertThat(deepest.data()).as("invoked runs carry the data on").isEqualTo(Map.of("n", 1));
    }
}
