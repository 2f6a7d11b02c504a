package io.herald.application.delivery;

import io.herald.application.feedback.FeedbackRecorder;
import io.herald.application.port.out.ChannelSender;
import io.herald.application.port.out.ChannelSender.Delivery;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.MessageRepository.DeliveryAttempt;
import io.herald.application.port.out.PreferenceRepository;
import io.herald.application.port.out.ProfileRepository;
import io.herald.application.port.out.PushTokenRepository;
import io.herald.application.port.out.TemplateRepository;
import io.herald.application.template.TemplateRenderer;
import io.herald.application.port.out.OperationalMetrics;
import io.herald.application.support.LogSafe;
import io.herald.domain.delivery.AttemptOutcome;
import io.herald.domain.delivery.CircuitBreaker;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.message.Escalation;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageReason;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.message.Recipient;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.Profile;
import io.herald.domain.profile.PushToken;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.routing.DeliveryPlan;
import io.herald.domain.routing.DeliveryPlan.Target;
import io.herald.domain.routing.Reachability;
import io.herald.domain.routing.RoutingDecision;
import io.herald.domain.routing.RoutingNode;
import io.herald.domain.routing.RoutingPlanner;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Template;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The delivery pipeline's steps (see {@link DeliveryPipeline}): resolve the template, load the profile and
 * preferences, route, render, then pick a provider for each due channel. Local providers deliver inside the
 * transaction; remote ones are returned as calls to make. Provider outcomes decide what follows: a retry with
 * backoff, a failover to the next provider, a fall-through to the next channel, or the end.
 */
public final class DeliveryPipelineService implements DeliveryPipeline {

    /** Routing for inline content that names none: the first channel that reaches the recipient. */
    static final RoutingNode.Group DEFAULT_CONTENT_ROUTING = RoutingNode.single(Channel.EMAIL, Channel.PUSH, Channel.SMS, Channel.INBOX);

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryPipelineService.class);

    private final MessageRepository messages;
    private final ProfileRepository profiles;
    private final PushTokenRepository pushTokens;
    private final TemplateRepository templates;
    private final PreferenceRepository preferences;
    private final Providers providers;
    private final TemplateRenderer renderer;
    private final DeliverySettings settings;
    private final FeedbackRecorder feedback;
    private final ProviderHealth health;
    private final ProviderCalls calls;
    private final OperationalMetrics metrics;
    private final Clock clock;

    public DeliveryPipelineService(MessageRepository messages, ProfileRepository profiles, PushTokenRepository pushTokens,
                                   TemplateRepository templates, PreferenceRepository preferences, Providers providers,
                                   TemplateRenderer renderer, DeliverySettings settings, FeedbackRecorder feedback,
                                   ProviderHealth health, ProviderCalls calls, OperationalMetrics metrics, Clock clock) {
        this.messages = messages;
        this.profiles = profiles;
        this.pushTokens = pushTokens;
        this.templates = templates;
        this.preferences = preferences;
        this.providers = providers;
        this.renderer = renderer;
        this.settings = settings;
        this.feedback = feedback;
        this.health = health;
        this.calls = calls;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Progress advance(List<MessageId> messageIds) {
        Step step = new Step(messages.lockAll(messageIds), clock.now());
        ProgressBuilder progress = new ProgressBuilder();
        for (Work work : step.works) {
            advance(work, progress);
        }
        step.flush();
        return progress.build();
    }

    @Override
    public Progress record(List<CallResult> results) {
        Map<MessageId, List<CallResult>> byMessage = new LinkedHashMap<>();
        results.forEach(result -> byMessage.computeIfAbsent(result.call().messageId(), id -> new ArrayList<>()).add(result));
        Step step = new Step(messages.lockAll(List.copyOf(byMessage.keySet())), clock.now());
        ProgressBuilder progress = new ProgressBuilder();
        for (Work work : step.works) {
            for (CallResult result : byMessage.get(work.message.id())) {
                RemoteCall call = result.call();
                apply(work, call.leafId(), call.provider(), call.attempt(), result.result(), result.finishedAt());
            }
            advance(work, progress);
        }
        step.flush();
        return progress.build();
    }

    private void advance(Work work, ProgressBuilder progress) {
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
            if (!prepare(work)) {
                return;
            }
        }
        if (message.plan().isEmpty()) {
            return;
        }
        escalate(work, progress);
        deliverDueChannels(work, progress);
        scheduleEscalationCheck(work, progress);
    }

    /** Template, profile, preferences and routing. False when the message ended here. */
    private boolean prepare(Work work) {
        Message message = work.message;
        MessageSpec spec = message.spec();
        Recipient recipient = message.recipient();
        if (recipient.userId().isPresent()) {
            work.profileView();
            message.profileLoaded(work.now);
        }
        Optional<Template> template = spec.template().flatMap(work.step::template);
        if (spec.template().isPresent()) {
            if (template.isEmpty()) {
                message.unmapped("no template has id or event '" + spec.template().get() + "'", work.now);
                return false;
            }
            message.mapped(template.get().id(), work.now);
        }
        List<String> unconfigured = providers.unconfigured(spec);
        if (!unconfigured.isEmpty()) {
            // Settings for a provider Herald does not use: sending elsewhere would ignore them without a word.
            message.route(new RoutingDecision.Unroutable(MessageReason.NO_PROVIDERS, "message.providers names " + unconfigured
                    + ", which no channel is configured with (herald.channels.<channel>.providers)"), work.now);
            return false;
        }
        Optional<String> topic = spec.topicId().or(() -> template.flatMap(Template::topic));
        Optional<TopicPreference> preference = topic.flatMap(t -> recipient.userId().flatMap(user -> preferences.find(user, t)));
        RoutingNode.Group routing = spec.routing().or(() -> template.map(Template::routing)).orElse(DEFAULT_CONTENT_ROUTING);
        Set<Channel> withContent = template.map(t -> t.channels().keySet()).orElse(Set.of(Channel.values()));
        RoutingNode withContentOnly = routing.prune(withContent::contains);
        RoutingDecision decision = withContentOnly == null
                ? new RoutingDecision.Unroutable(MessageReason.NO_CHANNELS, "the template has no content for the channels "
                        + routing.channels().stream().map(Channel::wireName).toList())
                : RoutingPlanner.plan(asGroup(withContentOnly, routing), work.reachability(), preference,
                        providers.channelsWithProviders(spec));
        if (decision instanceof RoutingDecision.Unroutable unroutable && unroutable.reason() == MessageReason.NO_PROVIDERS) {
            decision = new RoutingDecision.Unroutable(MessageReason.NO_PROVIDERS,
                    providers.whyNoProvider(EnumSet.copyOf(withContentOnly.channels()), spec));
        }
        message.route(decision, work.now);
        work.template = template;
        return decision instanceof RoutingDecision.Routed;
    }

    /** Sent leaves whose escalation time passed without reaching the criteria give way to the next channel. */
    private void escalate(Work work, ProgressBuilder progress) {
        Optional<Escalation> escalation = work.message.spec().escalation();
        if (escalation.isEmpty()) {
            return;
        }
        for (Target sent : work.message.plan().orElseThrow().sent()) {
            Optional<DeliveryAttempt> attempt = work.sentAttempt(sent.leafId());
            if (attempt.isEmpty() || escalation.get().criteria().metBy(attempt.get().engagement())) {
                continue;
            }
            if (!work.now.isBefore(attempt.get().at().plus(escalation.get().after()))) {
                work.message.escalate(sent.leafId(), escalation.get().criteria(), work.now);
            }
        }
    }

    private void scheduleEscalationCheck(Work work, ProgressBuilder progress) {
        Optional<Escalation> escalation = work.message.spec().escalation();
        if (escalation.isEmpty() || work.message.status().isEnd()) {
            return;
        }
        for (Target sent : work.message.plan().orElseThrow().sent()) {
            work.sentAttempt(sent.leafId())
                    .filter(attempt -> !escalation.get().criteria().metBy(attempt.engagement()))
                    .ifPresent(attempt -> progress.later(work.message.id(), attempt.at().plus(escalation.get().after())));
        }
    }

    private void deliverDueChannels(Work work, ProgressBuilder progress) {
        Message message = work.message;
        boolean changed = true;
        while (changed && !message.status().isEnd()) {
            changed = false;
            for (Target target : message.plan().orElseThrow().due()) {
                NextStep next = nextStep(work, target, true);
                if (next instanceof Exhausted exhausted) {
                    message.channelFailed(target.leafId(), exhausted.lastError(), work.now);
                    changed = true;
                } else if (next instanceof WaitUntil wait) {
                    progress.later(message.id(), wait.at());
                } else if (next instanceof Attempt attempt) {
                    if (!rendered(work, target.channel())) {
                        return;
                    }
                    ChannelSender sender = providers.sender(attempt.provider());
                    Delivery delivery = delivery(work, target.channel(), attempt.provider());
                    if (sender.local()) {
                        apply(work, target.leafId(), attempt.provider(), attempt.number(),
                                calls.callLocal(attempt.provider(), delivery), work.now);
                        changed = true;
                    } else {
                        recordAttempt(work, target.leafId(), attempt.provider(), attempt.number(), AttemptOutcome.IN_FLIGHT,
                                null, null, work.now);
                        progress.call(new RemoteCall(message.id(), target.leafId(), attempt.provider(), attempt.number(), delivery));
                        // If this instance stops before the outcome is recorded, the message is looked at again then.
                        progress.later(message.id(), work.now.plus(settings.inFlightLease()));
                    }
                }
            }
        }
    }

    private sealed interface NextStep permits Attempt, WaitUntil, Exhausted {
    }

    private record Attempt(String provider, int number) implements NextStep {
    }

    private record WaitUntil(Instant at, String provider) implements NextStep {
    }

    private record Exhausted(String lastError) implements NextStep {
    }

    /**
     * The provider to try next for a due leaf, or how long to wait, or that the leaf is given up. Providers are
     * tried in order, each up to {@code attemptsPerProvider} transient failures, skipping any whose circuit is open;
     * a permanent failure moves on at once. When every provider is used up the leaf is given up if the routing
     * has somewhere else to go; otherwise the providers that failed only transiently are tried again, with backoff,
     * until {@code giveUpAfter}: an outage is sat out rather than turned into undeliverable messages.
     * With {@code claim} false nothing is claimed (no probe, no waiting list): it only says what would happen.
     */
    private NextStep nextStep(Work work, Target target, boolean claim) {
        String leafId = target.leafId();
        List<String> candidates = providers.providersFor(target.channel(), work.message.spec());
        String lastError = "no provider is configured for " + target.channel().wireName();
        List<String> outlasting = new ArrayList<>();
        for (String provider : candidates) {
            List<DeliveryAttempt> attempts = work.attempts(leafId, provider);
            if (attempts.stream().anyMatch(a -> a.outcome() == AttemptOutcome.PERMANENT)) {
                lastError = lastErrorOf(attempts, lastError);
                continue;
            }
            DeliveryAttempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
            if (last != null && last.outcome() == AttemptOutcome.IN_FLIGHT) {
                Instant leaseEnd = last.at().plus(settings.inFlightLease());
                if (work.now.isBefore(leaseEnd)) {
                    return new WaitUntil(leaseEnd, provider);
                }
                // The instance that made this call stopped before recording its outcome: count it as failed.
                String unknown = "the outcome of this call is unknown: Herald stopped while making it";
                recordAttempt(work, leafId, provider, last.attempt(), AttemptOutcome.TRANSIENT, null, unknown, last.at());
                reportFailure(work, target, provider, new DeliveryResult.TransientFailure(unknown), work.now);
                attempts = work.attempts(leafId, provider);
                last = attempts.get(attempts.size() - 1);
            }
            int transientFailures = (int) attempts.stream().filter(a -> a.outcome() == AttemptOutcome.TRANSIENT).count();
            if (transientFailures > 0) {
                lastError = lastErrorOf(attempts, lastError);
            }
            CircuitBreaker circuit = health.circuit(provider);
            if (claim && attempts.isEmpty() && !circuit.mayCall(work.now)) {
                // Once per leg, so the history says why the message is not tried: the provider is failing for everyone.
                DeliveryResult notCalled = DeliveryResult.TransientFailure.notCalled(provider + ": circuit open after "
                        + circuit.consecutiveFailures() + " failed calls in a row; not called");
                recordAttempt(work, leafId, provider, 1, AttemptOutcome.TRANSIENT, null,
                        ((DeliveryResult.TransientFailure) notCalled).error(), work.now);
                reportFailure(work, target, provider, notCalled, work.now);
                attempts = work.attempts(leafId, provider);
                transientFailures = 1;
                lastError = lastErrorOf(attempts, lastError);
            }
            if (transientFailures >= settings.attemptsPerProvider() || !circuit.mayCall(work.now)) {
                outlasting.add(provider);
                continue;
            }
            if (last != null && last.outcome() == AttemptOutcome.TRANSIENT) {
                Instant retryAt = retryAt(work, leafId, provider, last.at(), transientFailures);
                if (work.now.isBefore(retryAt)) {
                    return new WaitUntil(retryAt, provider);
                }
            }
            if (claim && !circuit.tryCall(work.now)) {
                outlasting.add(provider);
                continue;
            }
            return new Attempt(provider, attempts.size() + 1);
        }
        if (outlasting.isEmpty() || work.message.plan().orElseThrow().hasFallback(leafId)) {
            return new Exhausted(lastError);
        }
        Instant dueSince = work.message.deliverAt().orElse(work.message.enqueuedAt());
        if (!work.now.isBefore(dueSince.plus(settings.giveUpAfter()))) {
            return new Exhausted(lastError + " (still failing " + settings.giveUpAfter() + " after it was due: given up)");
        }
        return outlast(work, leafId, outlasting, claim, dueSince.plus(settings.giveUpAfter()), lastError);
    }

    /** Nothing else to go to: the providers that failed only transiently are tried again, in order, with backoff. */
    private NextStep outlast(Work work, String leafId, List<String> outlasting, boolean claim, Instant giveUpAt, String lastError) {
        List<DeliveryAttempt> leg = work.attempts(leafId);
        int failures = (int) leg.stream().filter(a -> a.outcome() == AttemptOutcome.TRANSIENT).count();
        Instant lastTry = leg.stream().map(DeliveryAttempt::at).max(Instant::compareTo).orElse(work.now);
        Instant probeAt = null;
        for (String provider : outlasting) {
            CircuitBreaker circuit = health.circuit(provider);
            if (circuit.mayCall(work.now)) {
                Instant retryAt = retryAt(work, leafId, provider, lastTry, failures);
                if (!retryAt.isBefore(giveUpAt)) {
                    return new Exhausted(lastError + " (the next try would come after " + settings.giveUpAfter()
                            + " of failures: given up)");
                }
                if (work.now.isBefore(retryAt)) {
                    return new WaitUntil(retryAt, provider);
                }
                if (!claim || circuit.tryCall(work.now)) {
                    return new Attempt(provider, work.attempts(leafId, provider).size() + 1);
                }
            }
            Instant next = circuit.nextCallAt(work.now);
            probeAt = probeAt == null || next.isBefore(probeAt) ? next : probeAt;
            if (claim) {
                health.awaitCircuit(provider, work.message.id());
            }
        }
        return new WaitUntil(probeAt, outlasting.get(0));
    }

    /**
     * When a leg that failed {@code failures} times may be tried again: after the backoff (the same jitter at every
     * look, so the due time does not move), or at once when the provider has succeeded since (it recovered).
     */
    private Instant retryAt(Work work, String leafId, String provider, Instant lastTry, int failures) {
        if (health.lastSuccess(provider).filter(success -> success.isAfter(lastTry)).isPresent()) {
            return lastTry;
        }
        long seed = (work.message.id().value() + "/" + leafId + "/" + failures).hashCode();
        return lastTry.plus(settings.backoff().delay(failures, seed));
    }

    /** A PROVIDER_ERROR history entry and a WARN line saying what failed and what Herald does next. */
    private void reportFailure(Work work, Target target, String provider, DeliveryResult failure, Instant at) {
        boolean isTransient = failure instanceof DeliveryResult.TransientFailure;
        String error = isTransient ? ((DeliveryResult.TransientFailure) failure).error() : ((DeliveryResult.PermanentFailure) failure).error();
        Integer statusCode = isTransient ? ((DeliveryResult.TransientFailure) failure).statusCode()
                : ((DeliveryResult.PermanentFailure) failure).statusCode();
        NextStep next = nextStep(work, target, false);
        String nextLabel;
        if (next instanceof Attempt attempt) {
            nextLabel = attempt.provider().equals(provider) ? "retry" : "failover";
        } else if (next instanceof WaitUntil wait) {
            nextLabel = wait.provider().equals(provider) ? "retry" : "failover";
        } else {
            nextLabel = work.message.plan().orElseThrow().hasFallback(target.leafId()) ? "fallthrough" : "undeliverable";
        }
        work.message.providerError(target.leafId(), provider, error, statusCode, isTransient, nextLabel, at);
        LOG.warn("Message {}: {} failed on {} ({}{}): {}; next: {}", work.message.id(), provider, target.channel().wireName(),
                isTransient ? "transient" : "permanent", statusCode == null ? "" : ", status " + statusCode,
                LogSafe.redact(error), nextLabel);
    }

    private void apply(Work work, String leafId, String provider, int attempt, DeliveryResult result, Instant at) {
        if (result instanceof DeliveryResult.Sent sent) {
            recordAttempt(work, leafId, provider, attempt, AttemptOutcome.SENT, sent.providerMessageId(), null, at);
            // A message canceled (or ended) while the call was under way keeps its end state; the attempt is on record.
            if (!work.message.status().isEnd() && work.message.plan().orElseThrow().state(leafId) == DeliveryPlan.LeafState.PENDING) {
                work.message.sent(leafId, provider, sent.providerMessageId(), at);
            }
        } else {
            String error = result instanceof DeliveryResult.TransientFailure failure ? failure.error()
                    : ((DeliveryResult.PermanentFailure) result).error();
            recordAttempt(work, leafId, provider, attempt, AttemptOutcome.of(result), null, error, at);
            if (!work.message.status().isEnd()) {
                reportFailure(work, new Target(leafId, work.message.plan().orElseThrow().channelOf(leafId)), provider, result, at);
            }
        }
    }

    private void recordAttempt(Work work, String leafId, String provider, int attempt, AttemptOutcome outcome,
                               String providerMessageId, String error, Instant at) {
        Channel channel = work.message.plan().orElseThrow().channelOf(leafId);
        DeliveryAttempt record = new DeliveryAttempt(work.message.id(), leafId, channel, provider, attempt, outcome,
                providerMessageId, error, outcome == AttemptOutcome.SENT ? MessageStatus.SENT : null, at);
        work.step.attemptsToRecord.add(record);
        work.remember(record);
    }

    /**
     * A channel is rendered when it is first due, so a {@code single} routing renders only the channels it uses;
     * the output is kept with the message. False when the content cannot be rendered: the message fails.
     */
    private boolean rendered(Work work, Channel channel) {
        if (!work.output(channel).isEmpty()) {
            return true;
        }
        Message message = work.message;
        try {
            Map<String, Object> context = renderingContext(message.spec(), message.recipient(), work.profileView());
            Optional<Template> template = work.template();
            if (message.spec().template().isPresent() && template.isEmpty()) {
                throw new InvalidValueException("template '" + message.templateId().orElse("?") + "' was deleted before "
                        + channel.wireName() + " could be rendered");
            }
            Map<String, Object> content = template.isPresent()
                    ? renderer.render(template.get(), channel, context)
                    : renderer.render(message.spec().content().orElseThrow(), channel, context);
            work.step.outputsToSave.add(new MessageRepository.Output(message.id(), channel, content, work.now));
            work.outputs.put(channel, content);
            message.rendered(channel, work.now);
            return true;
        } catch (InvalidValueException unrenderable) {
            message.fail(MessageReason.FAILED, unrenderable.getMessage(), work.now);
            return false;
        }
    }

    private Delivery delivery(Work work, Channel channel, String provider) {
        Message message = work.message;
        Recipient recipient = message.recipient();
        Map<String, Object> profile = work.profileView();
        String address = switch (channel) {
            case EMAIL -> text(profile.get("email"));
            case SMS -> text(profile.get("phone_number"));
            case PUSH, INBOX -> recipient.userId().map(UserId::value).orElse(null);
        };
        Map<String, Object> metadata = new LinkedHashMap<>(message.spec().metadata());
        message.templateId().ifPresent(template -> metadata.put("template", template));
        message.event().ifPresent(event -> metadata.put("event", event));
        return new Delivery(message.id(), channel, address, channel == Channel.PUSH ? work.pushTokens() : List.of(),
                work.output(channel), message.spec().overrideFor(channel, provider), metadata);
    }

    /** Counts the statuses a message reached in this step, and says so at WARN when it could not be delivered. */
    private void reportEnds(Message message) {
        for (HistoryEntry entry : message.newHistory()) {
            MessageStatus reached = switch (entry.type()) {
                case SENT -> MessageStatus.SENT;
                case UNDELIVERABLE -> MessageStatus.UNDELIVERABLE;
                case UNROUTABLE -> MessageStatus.UNROUTABLE;
                case UNMAPPED -> MessageStatus.UNMAPPED;
                default -> null;
            };
            if (reached == null) {
                continue;
            }
            Channel channel = Channel.find(String.valueOf(entry.details().get("channel"))).orElse(null);
            String provider = entry.details().get("provider") instanceof String name ? name : null;
            metrics.messageReached(reached, channel, provider);
            if (reached == MessageStatus.UNDELIVERABLE) {
                LOG.warn("Message {} is UNDELIVERABLE{}: {}", message.id(), message.reason().map(reason -> " (" + reason + ")").orElse(""),
                        LogSafe.redact(message.error().orElse("")));
            } else if (reached != MessageStatus.SENT) {
                LOG.info("Message {} is {}: {}", message.id(), reached, LogSafe.redact(message.error().orElse("")));
            }
        }
    }

    private static Map<String, Object> renderingContext(MessageSpec spec, Recipient recipient, Map<String, Object> profile) {
        Map<String, Object> context = JsonTrees.deepMerge(spec.data(), recipient.data());
        context.put("profile", profile);
        return context;
    }

    private static RoutingNode.Group asGroup(RoutingNode node, RoutingNode.Group original) {
        return node instanceof RoutingNode.Group group ? group : new RoutingNode.Group(original.method(), List.of(node));
    }

    private static String lastErrorOf(List<DeliveryAttempt> attempts, String fallback) {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            if (attempts.get(i).error() != null) {
                return attempts.get(i).provider() + ": " + attempts.get(i).error();
            }
        }
        return fallback;
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    /**
     * One transactional step over a batch of messages: what it reads once for all of them, and the writes it
     * gathers to make with a few statements at the end.
     */
    private final class Step {

        final List<Work> works = new ArrayList<>();
        final Instant now;
        final List<DeliveryAttempt> attemptsToRecord = new ArrayList<>();
        final List<MessageRepository.Output> outputsToSave = new ArrayList<>();
        private final Map<MessageId, List<DeliveryAttempt>> attempts;
        private final Map<String, Optional<Template>> templatesByReference = new HashMap<>();

        Step(List<Message> locked, Instant now) {
            this.now = now;
            List<MessageId> routed = locked.stream().filter(m -> m.plan().isPresent()).map(Message::id).toList();
            this.attempts = routed.isEmpty() ? Map.of() : messages.attempts(routed);
            locked.forEach(message -> works.add(new Work(this, message, now)));
        }

        /** By id, or else the first template mapped to an event of that name. */
        Optional<Template> template(String reference) {
            return templatesByReference.computeIfAbsent(reference,
                    ref -> templates.find(ref).or(() -> templates.findByEvent(ref).stream().findFirst()));
        }

        List<DeliveryAttempt> attemptsOf(MessageId id) {
            return attempts.getOrDefault(id, List.of());
        }

        void flush() {
            List<Message> changed = works.stream().map(work -> work.message).toList();
            changed.forEach(DeliveryPipelineService.this::reportEnds);
            messages.saveOutputs(outputsToSave);
            messages.recordAttempts(attemptsToRecord);
            feedback.recordFor(changed);
            messages.saveAll(changed);
        }
    }

    private final class Work {

        final Step step;
        final Message message;
        final Instant now;
        final Map<Channel, Map<String, Object>> outputs = new EnumMap<>(Channel.class);
        private Map<String, Object> profileView;
        private List<String> tokens;
        private List<DeliveryAttempt> attempts;
        private boolean outputsLoaded;
        private Optional<Template> template;

        Work(Step step, Message message, Instant now) {
            this.step = step;
            this.message = message;
            this.now = now;
        }

        /** The stored profile with the addresses given in {@code to} laid over it. */
        Map<String, Object> profileView() {
            if (profileView == null) {
                Recipient recipient = message.recipient();
                Map<String, Object> stored = recipient.userId().flatMap(profiles::find).map(Profile::view).orElse(Map.of());
                profileView = JsonTrees.deepMerge(stored, recipient.profileOverrides());
            }
            return profileView;
        }

        List<String> pushTokens() {
            if (tokens == null) {
                tokens = message.recipient().userId()
                        .map(user -> pushTokens.list(user).stream().filter(token -> token.isUsableAt(now)).map(PushToken::token).toList())
                        .orElse(List.of());
            }
            return tokens;
        }

        Reachability reachability() {
            Map<String, Object> profile = profileView();
            return Reachability.of(text(profile.get("email")) != null, text(profile.get("phone_number")) != null,
                    !pushTokens().isEmpty(), message.recipient().userId().isPresent());
        }

        /** The template the message was mapped to (resolved in this step, or read again). */
        Optional<Template> template() {
            if (template == null) {
                template = message.templateId().filter(id -> message.spec().template().isPresent()).flatMap(step::template);
            }
            return template;
        }

        Map<String, Object> output(Channel channel) {
            if (!outputs.containsKey(channel) && !outputsLoaded) {
                messages.outputs(message.id()).forEach(outputs::putIfAbsent);
                outputsLoaded = true;
            }
            return outputs.getOrDefault(channel, Map.of());
        }

        List<DeliveryAttempt> attempts(String leafId, String provider) {
            return allAttempts().stream().filter(a -> a.leafId().equals(leafId) && a.provider().equals(provider)).toList();
        }

        Optional<DeliveryAttempt> sentAttempt(String leafId) {
            return allAttempts().stream().filter(a -> a.leafId().equals(leafId) && a.outcome() == AttemptOutcome.SENT).findFirst();
        }

        /** Every attempt on the leaf, whichever provider made it. */
        List<DeliveryAttempt> attempts(String leafId) {
            return allAttempts().stream().filter(a -> a.leafId().equals(leafId)).toList();
        }

        void remember(DeliveryAttempt attempt) {
            List<DeliveryAttempt> updated = new ArrayList<>();
            for (DeliveryAttempt existing : allAttempts()) {
                boolean same = existing.leafId().equals(attempt.leafId()) && existing.provider().equals(attempt.provider())
                        && existing.attempt() == attempt.attempt();
                if (!same) {
                    updated.add(existing);
                }
            }
            updated.add(attempt);
            updated.sort(java.util.Comparator.comparing(DeliveryAttempt::leafId).thenComparing(DeliveryAttempt::provider)
                    .thenComparingInt(DeliveryAttempt::attempt));
            attempts = updated;
        }

        private List<DeliveryAttempt> allAttempts() {
            if (attempts == null) {
                attempts = new ArrayList<>(step.attemptsOf(message.id()));
            }
            return attempts;
        }
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
            return new Progress(List.copyOf(calls), Map.copyOf(later));
        }
    }
}
