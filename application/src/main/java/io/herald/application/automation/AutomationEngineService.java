package io.herald.application.automation;

import io.herald.application.condition.ConditionException;
import io.herald.application.condition.ConditionContext;
import io.herald.application.condition.Conditions;
import io.herald.application.port.out.AutomationRepository;
import io.herald.application.port.out.AutomationRunRepository;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.DurableScheduler;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.OperationalMetrics;
import io.herald.application.port.out.ProfileRepository;
import io.herald.application.port.out.TemplateRepository;
import io.herald.application.port.out.WebhookCaller;
import io.herald.application.send.SendService;
import io.herald.application.support.LogSafe;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.automation.Automation;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.automation.RunStatus;
import io.herald.domain.automation.SentMessage;
import io.herald.domain.automation.Step;
import io.herald.domain.automation.StepStatus;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.profile.Profile;
import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Executes runs' steps ({@link AutomationEngine}). Every step reads the world as it is when it executes: a
 * condition sees the recipient's profile and the referenced messages as they are now. A step that cannot be
 * executed fails the run, with the reason on the step; the run's other effects in that transaction stay.
 */
public final class AutomationEngineService implements AutomationEngine {

    private static final Logger LOG = LoggerFactory.getLogger(AutomationEngineService.class);

    private final AutomationRunRepository runs;
    private final AutomationRepository automations;
    private final ProfileRepository profiles;
    private final MessageRepository messages;
    private final TemplateRepository templates;
    private final SendService sends;
    private final RunStarter starter;
    private final Conditions conditions;
    private final TemplateRenderer renderer;
    private final DurableScheduler scheduler;
    private final OperationalMetrics metrics;
    private final int maxRunsPerChain;
    private final Clock clock;

    public AutomationEngineService(AutomationRunRepository runs, AutomationRepository automations, ProfileRepository profiles,
                                   MessageRepository messages, TemplateRepository templates, SendService sends, RunStarter starter,
                                   Conditions conditions, TemplateRenderer renderer, DurableScheduler scheduler,
                                   OperationalMetrics metrics, int maxRunsPerChain, Clock clock) {
        this.runs = runs;
        this.automations = automations;
        this.profiles = profiles;
        this.messages = messages;
        this.templates = templates;
        this.sends = sends;
        this.starter = starter;
        this.conditions = conditions;
        this.renderer = renderer;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.maxRunsPerChain = maxRunsPerChain;
        this.clock = clock;
    }

    @Override
    public Progress advance(AutomationRunId runId, int scheduledAtStep) {
        Optional<AutomationRun> locked = runs.lock(runId);
        Instant now = clock.now();
        if (locked.isEmpty() || !locked.get().wakeUp(scheduledAtStep, now)) {
            return Progress.NOTHING;
        }
        AutomationRun run = locked.get();
        Progress progress = execute(run, now);
        runs.save(run);
        reportEnd(run);
        return progress;
    }

    @Override
    public Progress fetched(FetchCall call, WebhookCaller.Result result) {
        Optional<AutomationRun> locked = runs.lock(call.runId());
        if (locked.isEmpty() || !isAwaiting(locked.get(), call)) {
            return Progress.NOTHING;
        }
        AutomationRun run = locked.get();
        Instant now = clock.now();
        Step.FetchData step = (Step.FetchData) run.currentStep().orElseThrow();
        if (result instanceof WebhookCaller.Fetched fetched) {
            run.fetched(fetched.json(), step.merge(), now);
        } else {
            run.fail(step.webhook().method() + " " + call.request().url() + " failed: " + ((WebhookCaller.Failed) result).reason(), now);
        }
        Progress progress = execute(run, now);
        runs.save(run);
        reportEnd(run);
        return progress;
    }

    /** Counts runs that ended here; one that FAILED is said at WARN, with the step and the reason. */
    private void reportEnd(AutomationRun run) {
        if (run.isActive()) {
            return;
        }
        metrics.automationRunEnded(run.status().name());
        if (run.status() == RunStatus.FAILED) {
            LOG.warn("Automation run {} ({}) FAILED: {}", run.id(), run.automationId().orElse("ad hoc"),
                    LogSafe.redact(run.error().orElse("")));
        }
    }

    /** The call's answer still belongs to the run: no duplicate wake-up executed the step meanwhile, no cancel ended it. */
    private static boolean isAwaiting(AutomationRun run, FetchCall call) {
        return run.currentStep().isPresent() && run.stepIndex() == call.step()
                && run.results().get(call.step()).status() == StepStatus.RUNNING;
    }

    /** Executes steps until a delay, a fetch-data call or the end. */
    private Progress execute(AutomationRun run, Instant now) {
        while (run.currentStep().isPresent()) {
            Step step = run.currentStep().get();
            run.begin(now);
            try {
                if (step.condition().isPresent() && !conditions.holds(step.condition().get(), conditionContext(run, now), "if")) {
                    run.skip(now);
                    continue;
                }
                Optional<FetchCall> fetch = perform(run, step, now);
                if (fetch.isPresent()) {
                    return new Progress(fetch);
                }
            } catch (ConditionException | StepFailure | InvalidValueException cannotExecute) {
                run.fail(cannotExecute.getMessage(), now);
            }
        }
        return Progress.NOTHING;
    }

    private Optional<FetchCall> perform(AutomationRun run, Step step, Instant now) {
        if (step instanceof Step.Send send) {
            run.sent(send(run, send, now), now);
        } else if (step instanceof Step.Delay delay) {
            Instant wakeAt = delay.wakeAt(now);
            if (wakeAt.isAfter(now)) {
                run.waitUntil(wakeAt, now);
                scheduler.advanceAutomationRun(run.id(), run.stepIndex(), wakeAt);
            } else {
                run.done(now);
            }
        } else if (step instanceof Step.Cancel cancel) {
            run.affected(cancelOthers(run, cancel, now), now);
        } else if (step instanceof Step.UpdateProfile update) {
            Profile profile = profiles.lockOrCreate(update.recipient().orElse(run.recipient()));
            profiles.save(profile.replacedBy(update.merge().apply(profile.attributes(), update.profile())));
            run.done(now);
        } else if (step instanceof Step.Invoke invoke) {
            run.affected(List.of(invoke(run, invoke, now)), now);
        } else if (step instanceof Step.SendList sendList) {
            sendList(run, sendList, now);
            run.done(now);
        } else {
            Step.FetchData fetch = (Step.FetchData) step;
            return Optional.of(new FetchCall(run.id(), run.stepIndex(), request(run, fetch.webhook())));
        }
        return Optional.empty();
    }

    private List<String> send(AutomationRun run, Step.Send send, Instant now) {
        UserId recipient = send.recipient().orElse(run.recipient());
        send.template().ifPresent(template -> {
            if (templates.find(template).isEmpty() && templates.findByEvent(template).isEmpty()) {
                throw new StepFailure("template '" + template + "' does not exist (any more)");
            }
        });
        if (!send.profile().isEmpty()) {
            profiles.save(profiles.lockOrCreate(recipient).mergedWith(send.profile()));
        }
        MessageSpec unbranded = MessageSpec.toUser(recipient, send.template(), send.content(), JsonTrees.deepMerge(run.data(), send.data()),
                send.routing());
        MessageSpec branded = send.brand().map(unbranded::inBrand).orElse(unbranded);
        MessageSpec spec = send.throttle().map(branded::withThrottle).orElse(branded);
        List<Message> created = sends.enqueue(List.of(spec), run.eventName(), Optional.of(run.id().value()), now);
        return created.stream().map(sent -> sent.id().value()).toList();
    }

    private void sendList(AutomationRun run, Step.SendList step, Instant now) {
        Map<String, Object> message = new java.util.LinkedHashMap<>();
        message.put("to", Map.of("list_id", step.list()));
        message.put("template", step.template());
        message.put("data", JsonTrees.deepMerge(run.data(), step.data()));
        step.brand().ifPresent(brand -> message.put("brand_id", brand));
        run.eventName().ifPresent(event -> message.put("metadata", Map.of("event", event)));
        try {
            sends.enqueueListSend(MessageSpec.parse(message), now);
        } catch (InvalidValueException e) {
            throw new StepFailure(e.getMessage());
        }
    }

    private List<AutomationRunId> cancelOthers(AutomationRun run, Step.Cancel cancel, Instant now) {
        String token = renderer.renderText(cancel.cancelationToken(), textContext(run), "cancelation_token");
        List<AutomationRunId> canceled = new ArrayList<>();
        for (AutomationRun other : runs.lockActiveByToken(token)) {
            if (!other.id().equals(run.id()) && other.cancel(now)) {
                runs.save(other);
                canceled.add(other.id());
            }
        }
        return canceled;
    }

    private AutomationRunId invoke(AutomationRun run, Step.Invoke invoke, Instant now) {
        Automation automation = automations.find(invoke.automationId())
                .orElseThrow(() -> new StepFailure("there is no automation '" + invoke.automationId() + "' (any more)"));
        if (run.depth() + 1 > AutomationRun.MAX_INVOKE_DEPTH) {
            throw new StepFailure("runs have invoked each other " + AutomationRun.MAX_INVOKE_DEPTH
                    + " levels deep; automations that invoke each other in a cycle never end");
        }
        if (runs.lockChainAndCount(run.chain()) >= maxRunsPerChain) {
            throw new StepFailure("this chain of runs (" + run.chain() + ") has started " + maxRunsPerChain
                    + " runs, the most herald.automations.max-runs-per-chain allows; automations that invoke each other never end");
        }
        return starter.start(Optional.of(automation.id()), automation.steps(), automation.cancelationToken(), run.recipient(),
                run.data(), run.event(), profileView(run.recipient()), run.depth() + 1, Optional.of(run.chain()), now).id();
    }

    private WebhookCaller.Request request(AutomationRun run, Step.Webhook webhook) {
        Map<String, Object> context = textContext(run);
        Optional<Object> body = webhook.body().map(raw -> raw instanceof String text
                ? renderer.renderText(text, context, "webhook.body") : raw);
        return new WebhookCaller.Request(renderer.renderText(webhook.url(), context, "webhook.url"), webhook.method(),
                webhook.headers(), body);
    }

    private ConditionContext conditionContext(AutomationRun run, Instant now) {
        Map<String, Object> refs = new LinkedHashMap<>();
        run.refs().forEach((ref, messageId) -> messages.find(new MessageId(messageId))
                .ifPresent(message -> refs.put(ref, SentMessage.view(message))));
        return new ConditionContext(run.data(), profileView(run.recipient()), run.event(), refs, now);
    }

    private Map<String, Object> textContext(AutomationRun run) {
        return RunStarter.textContext(run.data(), run.recipient(), profileView(run.recipient()));
    }

    private Map<String, Object> profileView(UserId userId) {
        return profiles.find(userId).map(Profile::view).orElse(Map.of());
    }
}
