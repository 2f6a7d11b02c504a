package io.herald.application.delivery;

import io.herald.application.feedback.FeedbackRecorder;
import io.herald.application.port.out.ChannelSender.Delivery;
import io.herald.application.port.out.BrandRepository;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.DurableScheduler;
import io.herald.application.port.out.MessageRepository.DeliveryAttempt;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.OperationalMetrics;
import io.herald.application.port.out.PreferenceRepository;
import io.herald.application.port.out.ProfileRepository;
import io.herald.application.port.out.PushTokenRepository;
import io.herald.application.port.out.TemplateRepository;
import io.herald.application.port.out.TenantRepository;
import io.herald.application.port.in.RecipientLinks;
import io.herald.application.port.out.ThrottleCounter;
import io.herald.application.port.out.TranslationRepository;
import io.herald.application.port.out.WorkspacePreferenceRepository;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.delivery.AttemptOutcome;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.delivery.FailoverPolicy.Decision;
import io.herald.domain.delivery.FailoverPolicy;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;
import io.herald.domain.routing.DeliveryPlan.Target;
import io.herald.domain.routing.DeliveryPlan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery pipeline's transactional steps (see {@link DeliveryPipeline}) as orchestration: a due message is
 * prepared (template, profile, preferences, routing: {@link MessagePreparation}), then each due channel is rendered
 * ({@link ChannelContent}) and handed to the provider the {@link FailoverPolicy} picks. Local providers deliver
 * inside the transaction; remote ones are returned as calls to make. Each outcome is recorded, and the policy
 * decides what follows: a retry with backoff, a failover to the next provider, a fall-through to the next channel,
 * or the end.
 */
public final class DeliveryPipelineService implements DeliveryPipeline {

    private final MessageRepository messages;
    private final DeliveryBatch.Sources sources;
    private final MessagePreparation preparation;
    private final ChannelContent content;
    private final Providers providers;
    private final FailoverPolicy policy;
    private final DeliverySettings settings;
    private final FeedbackRecorder feedback;
    private final ProviderHealth health;
    private final ProviderCalls calls;
    private final DeliveryReports reports;
    private final DurableScheduler scheduler;
    private final Clock clock;

    public DeliveryPipelineService(MessageRepository messages, ProfileRepository profiles, PushTokenRepository pushTokens,
                                   TemplateRepository templates, TenantRepository tenants, BrandRepository brands, TranslationRepository translations,
                                   PreferenceRepository preferences, WorkspacePreferenceRepository topics, RecipientLinks links,
                                   ThrottleCounter throttles, Providers providers,
                                   TemplateRenderer renderer, DeliverySettings settings, FeedbackRecorder feedback,
                                   ProviderHealth health, ProviderCalls calls, OperationalMetrics metrics,
                                   DurableScheduler scheduler, Clock clock) {
        this.messages = messages;
        this.sources = new DeliveryBatch.Sources(messages, profiles, pushTokens, templates, tenants, brands, translations, topics);
        this.preparation = new MessagePreparation(providers, preferences, throttles, renderer);
        this.content = new ChannelContent(renderer, links);
        this.providers = providers;
        this.policy = settings.failoverPolicy();
        this.settings = settings;
        this.feedback = feedback;
        this.health = health;
        this.calls = calls;
        this.reports = new DeliveryReports(metrics);
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public Progress advance(List<MessageId> messageIds) {
        DeliveryBatch batch = new DeliveryBatch(sources, messages.lockAll(messageIds), clock.now());
        ProgressBuilder progress = new ProgressBuilder();
        batch.works.forEach(work -> advance(work, progress));
        finish(batch, progress);
        return progress.build();
    }

    @Override
    public Progress record(List<CallResult> results) {
        Map<MessageId, List<CallResult>> byMessage = new LinkedHashMap<>();
        results.forEach(result -> byMessage.computeIfAbsent(result.call().messageId(), id -> new ArrayList<>()).add(result));
        DeliveryBatch batch = new DeliveryBatch(sources, messages.lockAll(List.copyOf(byMessage.keySet())), clock.now());
        ProgressBuilder progress = new ProgressBuilder();
        for (MessageWork work : batch.works) {
            for (CallResult result : byMessage.get(work.message.id())) {
                RemoteCall call = result.call();
                apply(work, call.leafId(), call.provider(), call.attempt(), result.result(), result.finishedAt());
            }
            advance(work, progress);
        }
        finish(batch, progress);
        return progress.build();
    }

    private void advance(MessageWork work, ProgressBuilder progress) {
        Message message = work.message;
        if (message.status().isEnd() || message.expireIfDue(work.now)) {
            return;
        }
        if (message.status() == MessageStatus.ENQUEUED || message.status() == MessageStatus.DELAYED) {
            Optional<Instant> deliverAt = message.deliverAt().filter(at -> at.isAfter(work.now));
            if (deliverAt.isPresent()) {
                progress.later(message.id(), deliverAt.get());
                return;
            }
            if (!preparation.prepare(work)) {
                return;
            }
        }
        if (message.plan().isEmpty()) {
            return;
        }
        Escalations.escalateOverdue(work);
        deliverDueChannels(work, progress);
        Escalations.checksDue(work).forEach(at -> progress.later(message.id(), at));
    }

    private void deliverDueChannels(MessageWork work, ProgressBuilder progress) {
        Message message = work.message;
        boolean changed = true;
        while (changed && !message.status().isEnd()) {
            changed = false;
            for (Target target : message.plan().orElseThrow().due()) {
                Decision next = decide(work, target);
                if (next instanceof FailoverPolicy.GiveUp giveUp) {
                    message.channelFailed(target.leafId(), giveUp.lastError(), work.now);
                    changed = true;
                } else if (next instanceof FailoverPolicy.Wait wait) {
                    progress.later(message.id(), wait.until());
                    wait.awaitingCircuits().forEach(provider -> health.awaitCircuit(provider, message.id()));
                } else if (next instanceof FailoverPolicy.Call call) {
                    if (!content.render(work, target.channel())) {
                        return;
                    }
                    Delivery delivery = content.delivery(work, target.channel(), call.provider());
                    if (providers.sender(call.provider()).local()) {
                        apply(work, target.leafId(), call.provider(), call.number(), calls.callLocal(call.provider(), delivery), work.now);
                        changed = true;
                    } else {
                        recordAttempt(work, target.leafId(), call.provider(), call.number(), AttemptOutcome.IN_FLIGHT, null, null, work.now);
                        progress.call(new RemoteCall(message.id(), target.leafId(), call.provider(), call.number(), delivery));
                        // If this instance stops before the outcome is recorded, the message is looked at again then.
                        progress.later(message.id(), work.now.plus(settings.inFlightLease()));
                    }
                }
            }
        }
    }

    /** The policy's decision for a due leaf, once the calls it counts as failed are on record. */
    private Decision decide(MessageWork work, Target target) {
        List<String> candidates = candidates(work, target.leafId());
        while (true) {
            Decision next = policy.decide(work.leg(target.leafId(), candidates), work.now, health);
            if (!(next instanceof FailoverPolicy.CountAsFailed failed)) {
                return next;
            }
            recordAttempt(work, target.leafId(), failed.provider(), failed.number(), AttemptOutcome.TRANSIENT, null,
                    failed.failure().error(), failed.at());
            reportFailure(work, target.leafId(), failed.provider(), failed.failure());
        }
    }

    /** A leaf's providers in failover order: its channel's, or the one provider its routing named. */
    private List<String> candidates(MessageWork work, String leafId) {
        DeliveryPlan plan = work.message.plan().orElseThrow();
        return providers.providersFor(plan.channelOf(leafId), plan.providerOf(leafId), work.message.spec());
    }

    private void reportFailure(MessageWork work, String leafId, String provider, DeliveryResult failure) {
        FailoverPolicy.Move next = policy.moveAfterFailure(work.leg(leafId, candidates(work, leafId)),
                provider, work.now, health);
        reports.providerFailed(work.message, leafId, provider, failure, next, work.now);
    }

    private void apply(MessageWork work, String leafId, String provider, int attempt, DeliveryResult result, Instant at) {
        if (result instanceof DeliveryResult.Sent sent) {
            recordAttempt(work, leafId, provider, attempt, AttemptOutcome.SENT, sent.providerMessageId(), null, at);
            // A message canceled (or ended) while the call was under way keeps its end state; the attempt is on record.
            if (!work.message.status().isEnd() && work.message.plan().orElseThrow().state(leafId) == DeliveryPlan.LeafState.PENDING) {
                work.message.sent(leafId, provider, sent.providerMessageId(), at);
            }
            return;
        }
        String error = result instanceof DeliveryResult.TransientFailure failure ? failure.error()
                : ((DeliveryResult.PermanentFailure) result).error();
        recordAttempt(work, leafId, provider, attempt, AttemptOutcome.of(result), null, error, at);
        if (!work.message.status().isEnd()) {
            reportFailure(work, leafId, provider, result);
        }
    }

    private void recordAttempt(MessageWork work, String leafId, String provider, int attempt, AttemptOutcome outcome,
                               String providerMessageId, String error, Instant at) {
        Channel channel = work.message.plan().orElseThrow().channelOf(leafId);
        work.remember(new DeliveryAttempt(work.message.id(), leafId, channel, provider, attempt, outcome, providerMessageId,
                error, outcome == AttemptOutcome.SENT ? MessageStatus.SENT : null, at));
    }

    /**
     * The batch's writes, in a few statements: outputs, attempts, feedback, the messages with their history, and
     * each message's next look, all in this step's transaction: a follow-up is never lost between the two.
     */
    private void finish(DeliveryBatch batch, ProgressBuilder progress) {
        List<Message> changed = batch.messages();
        changed.forEach(reports::statusesReached);
        messages.saveOutputs(batch.outputsToSave);
        messages.recordAttempts(batch.attemptsToRecord);
        feedback.recordFor(changed);
        messages.saveAll(changed);
        progress.later.forEach((id, at) -> scheduler.deliver(List.of(id), at));
    }

    private static final class ProgressBuilder {

        private final List<RemoteCall> calls = new ArrayList<>();
        private final Map<MessageId, Instant> later = new HashMap<>();

        void call(RemoteCall call) {
            calls.add(call);
        }

        void later(MessageId id, Instant at) {
            later.merge(id, at, (a, b) -> a.isBefore(b) ? a : b);
        }

        Progress build() {
            return new Progress(List.copyOf(calls));
        }
    }
}
