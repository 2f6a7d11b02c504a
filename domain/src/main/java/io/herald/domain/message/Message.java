package io.herald.domain.message;

import io.herald.domain.delivery.FailoverPolicy;
import io.herald.domain.routing.Channel;
import io.herald.domain.routing.DeliveryPlan;
import io.herald.domain.routing.RoutingDecision;
import io.herald.domain.throttle.Throttle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message to one recipient, and its way through Herald: enqueued (or delayed), mapped to a template,
 * routed to channels, sent by providers, then delivered, opened, clicked, or given up. Every change goes
 * through a method here that keeps the status machine ({@link MessageStatus}) and records a history entry;
 * {@link #drainHistory()} hands the new entries to whoever saves the message.
 */
public final class Message {

    private final MessageId id;
    private final String requestId;
    private final MessageSpec spec;
    private final Optional<String> event;
    private final Optional<String> automationRunId;
    private final Instant enqueuedAt;
    private final Optional<Instant> deliverAt;
    private final Optional<Instant> expiresAt;
    private MessageStatus status;
    private MessageReason reason;
    private String error;
    private String templateId;
    private Channel channel;
    private String provider;
    private DeliveryPlan plan;
    private final Map<MessageStatus, Instant> reachedAt;
    private final List<MessageEvent> newEvents = new ArrayList<>();

    private Message(MessageId id, String requestId, MessageSpec spec, Optional<String> event, Optional<String> automationRunId,
                    Instant enqueuedAt, Optional<Instant> deliverAt, Optional<Instant> expiresAt, MessageStatus status,
                    MessageReason reason, String error, String templateId, Channel channel, String provider, DeliveryPlan plan,
                    Map<MessageStatus, Instant> reachedAt) {
        this.id = Objects.requireNonNull(id);
        this.requestId = Objects.requireNonNull(requestId);
        this.spec = Objects.requireNonNull(spec);
        this.event = event;
        this.automationRunId = automationRunId;
        this.enqueuedAt = Objects.requireNonNull(enqueuedAt);
        this.deliverAt = deliverAt;
        this.expiresAt = expiresAt;
        this.status = status;
        this.reason = reason;
        this.error = error;
        this.templateId = templateId;
        this.channel = channel;
        this.provider = provider;
        this.plan = plan;
        this.reachedAt = new EnumMap<>(MessageStatus.class);
        this.reachedAt.putAll(reachedAt);
    }

    /** A new message for the single recipient of {@code spec}, due now or after its delay. */
    public static Message enqueue(MessageId id, String requestId, MessageSpec spec, Optional<String> event,
                                  Optional<String> automationRunId, Instant now) {
        Optional<Instant> deliverAt = spec.delay().map(delay -> delay.from(now)).filter(at -> at.isAfter(now));
        Optional<Instant> expiresAt = spec.expiry().map(expiry -> expiry.from(now));
        MessageStatus status = deliverAt.isPresent() ? MessageStatus.DELAYED : MessageStatus.ENQUEUED;
        Message message = new Message(id, requestId, spec, event.or(spec::metadataEvent), automationRunId, now, deliverAt, expiresAt,
                status, null, null, spec.template().orElse(null), null, null, null, Map.of(MessageStatus.ENQUEUED, now));
        message.record(new MessageEvent.Enqueued(now));
        deliverAt.ifPresent(at -> message.record(new MessageEvent.Delayed(at, now)));
        return message;
    }

    public static Message reconstitute(MessageId id, String requestId, MessageSpec spec, Optional<String> event,
                                       Optional<String> automationRunId, Instant enqueuedAt, Optional<Instant> deliverAt,
                                       Optional<Instant> expiresAt, MessageStatus status, Optional<MessageReason> reason,
                                       Optional<String> error, Optional<String> templateId, Optional<Channel> channel,
                                       Optional<String> provider, Optional<DeliveryPlan> plan, Map<MessageStatus, Instant> reachedAt) {
        return new Message(id, requestId, spec, event, automationRunId, enqueuedAt, deliverAt, expiresAt, status,
                reason.orElse(null), error.orElse(null), templateId.orElse(null), channel.orElse(null), provider.orElse(null),
                plan.orElse(null), reachedAt);
    }

    // --- the pipeline -------------------------------------------------------------------------------------

    /** True when the message was not sent before its expiry; it is then given up. */
    public boolean expireIfDue(Instant now) {
        if (expiresAt.isPresent() && !now.isBefore(expiresAt.get()) && status.isBeforeSending()) {
            giveUp(MessageReason.FAILED, "expired at " + expiresAt.get() + " before it could be sent", now);
            return true;
        }
        return false;
    }

    public void profileLoaded(Instant now) {
        record(new MessageEvent.ProfileLoaded(now));
    }

    public void mapped(String resolvedTemplateId, Instant now) {
        mapped(resolvedTemplateId, Optional.empty(), now);
    }

    /** Mapped to a template; {@code version} is the published version it is sent with, when the template has versions. */
    public void mapped(String resolvedTemplateId, Optional<Integer> version, Instant now) {
        templateId = resolvedTemplateId;
        record(new MessageEvent.Mapped(resolvedTemplateId, version, now));
    }

    public void unmapped(String detail, Instant now) {
        moveTo(MessageStatus.UNMAPPED, now);
        error = detail;
        record(new MessageEvent.Unmapped(detail, now));
    }

    /** Not sent: its throttle's key had as many messages in the period as it allows (Courier's {@code THROTTLED}). */
    public void throttled(Throttle throttle, String key, Instant now) {
        moveTo(MessageStatus.THROTTLED, now);
        error = "throttled: " + throttle.max() + " per " + throttle.periodText() + " for key '" + key + "'";
        record(new MessageEvent.Throttled(key, throttle.max(), throttle.periodText(), now));
    }

    public void route(RoutingDecision decision, Instant now) {
        if (decision instanceof RoutingDecision.Unroutable unroutable) {
            moveTo(MessageStatus.UNROUTABLE, now);
            reason = reasonFor(unroutable.reason());
            error = unroutable.detail();
            record(new MessageEvent.Unroutable(reason, unroutable.detail(), now));
            return;
        }
        plan = ((RoutingDecision.Routed) decision).plan();
        moveTo(MessageStatus.ROUTED, now);
        record(new MessageEvent.Routed(plan.routing().toJson(), now));
    }

    public void rendered(Channel renderedChannel, Instant now) {
        record(new MessageEvent.Rendered(renderedChannel, now));
    }

    public void sent(String leafId, String byProvider, String providerMessageId, Instant now) {
        Channel sentChannel = plan.channelOf(leafId);
        plan = plan.with(leafId, DeliveryPlan.LeafState.SENT);
        if (channel == null || status.canMoveTo(MessageStatus.SENT)) {
            channel = sentChannel;
            provider = byProvider;
        }
        // A second channel (routing "all", or after an escalation) is sent on a message that is SENT already.
        if (status.canMoveTo(MessageStatus.SENT)) {
            moveTo(MessageStatus.SENT, now);
        }
        record(new MessageEvent.Sent(sentChannel, byProvider, providerMessageId, now));
    }

    /** Every provider of the leaf's channel gave up. The message falls through, or is undeliverable when nothing is left. */
    public void channelFailed(String leafId, String lastError, Instant now) {
        Channel failedChannel = plan.channelOf(leafId);
        plan = plan.with(leafId, DeliveryPlan.LeafState.FAILED);
        error = lastError;
        if (plan.isExhausted() && !plan.everSent()) {
            giveUp(MessageReason.PROVIDER_ERROR, lastError, now, failedChannel);
        }
    }

    /**
     * One provider call failed; {@code next} says what Herald does about it (retry, failover, fallthrough,
     * undeliverable), so the history tells an operator what went wrong and where the message went from there.
     */
    public void providerError(String leafId, String byProvider, String detail, Integer statusCode, boolean isTransient,
                              FailoverPolicy.Move next, Instant at) {
        record(new MessageEvent.ProviderFailed(plan.channelOf(leafId), byProvider, detail, statusCode, isTransient, next, at));
    }

    /**
     * An operator sends an undeliverable (or unroutable) message again, after an outage past the give-up time or a
     * configuration fix: it starts over from routing, as if just enqueued. False when it is in no such end state, or
     * when a provider accepted it once (a bounce): sending that again could deliver it twice.
     */
    public boolean redrive(Instant now) {
        boolean handedOver = reachedAt.containsKey(MessageStatus.SENT);
        if ((status != MessageStatus.UNDELIVERABLE && status != MessageStatus.UNROUTABLE) || handedOver) {
            return false;
        }
        MessageStatus was = status;
        status = MessageStatus.ENQUEUED;
        reachedAt.remove(was);
        reachedAt.remove(MessageStatus.ROUTED);
        reason = null;
        error = null;
        plan = null;
        channel = null;
        provider = null;
        record(new MessageEvent.Redriven(was, now));
        return true;
    }

    /** A sent leaf did not reach its escalation criteria in time: the routing moves on from it. */
    public void escalate(String leafId, Escalation.Criteria criteria, Instant now) {
        Channel from = plan.channelOf(leafId);
        plan = plan.with(leafId, DeliveryPlan.LeafState.ESCALATED);
        record(new MessageEvent.Escalated(from, criteria, plan.due().stream().findFirst().map(DeliveryPlan.Target::channel), now));
    }

    /** The message cannot be sent at all (its content could not be rendered, for instance). */
    public void fail(MessageReason why, String detail, Instant now) {
        giveUp(why, detail, now);
    }

    /** The caller canceled it; only possible before it is sent. */
    public boolean cancel(Instant now) {
        if (!status.canMoveTo(MessageStatus.CANCELED)) {
            return false;
        }
        moveTo(MessageStatus.CANCELED, now);
        record(new MessageEvent.Canceled(now));
        return true;
    }

    // --- what providers report afterwards ------------------------------------------------------------------

    /**
     * A delivery receipt, open or click reported for {@code onChannel}. The status only moves forward; an event
     * that would move it back is still written to the history with its own time.
     */
    public void engaged(MessageStatus engagement, Channel onChannel, String byProvider, Instant at) {
        MessageEvent.Engaged engaged = new MessageEvent.Engaged(engagement, onChannel, byProvider, at);
        reachedAt.putIfAbsent(engagement, at);
        if (status.canMoveTo(engagement)) {
            status = engagement;
        }
        record(engaged);
    }

    /** The provider could not deliver after accepting it (a bounce, a carrier rejection). */
    public void bounced(MessageReason why, String detail, Channel onChannel, String byProvider, Instant at) {
        if (status.canMoveTo(MessageStatus.UNDELIVERABLE)) {
            status = MessageStatus.UNDELIVERABLE;
            reachedAt.putIfAbsent(MessageStatus.UNDELIVERABLE, at);
            reason = why;
            error = detail;
        }
        record(new MessageEvent.Undeliverable(why, detail, onChannel, byProvider, at));
    }

    // --- state --------------------------------------------------------------------------------------------

    private void giveUp(MessageReason why, String detail, Instant now) {
        giveUp(why, detail, now, null);
    }

    private void giveUp(MessageReason why, String detail, Instant now, Channel onChannel) {
        moveTo(MessageStatus.UNDELIVERABLE, now);
        reason = why;
        error = detail;
        record(new MessageEvent.Undeliverable(why, detail, onChannel, null, now));
    }

    private static MessageReason reasonFor(RoutingDecision.Why why) {
        return switch (why) {
            case UNSUBSCRIBED -> MessageReason.UNSUBSCRIBED;
            case NO_CHANNELS -> MessageReason.NO_CHANNELS;
            case NO_PROVIDERS -> MessageReason.NO_PROVIDERS;
        };
    }

    private void moveTo(MessageStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("message " + id + " cannot move from " + status + " to " + next);
        }
        status = next;
        reachedAt.putIfAbsent(next, now);
    }

    private void record(MessageEvent event) {
        newEvents.add(event);
    }

    /** What happened to the message since it was loaded (or last drained), without draining it. */
    public List<MessageEvent> newEvents() {
        return List.copyOf(newEvents);
    }

    /** The history rows of what happened since the last call, for the repository to append. */
    public List<HistoryEntry> drainHistory() {
        List<HistoryEntry> entries = newEvents.stream().map(MessageEvent::toHistory).toList();
        newEvents.clear();
        return entries;
    }

    public MessageId id() {
        return id;
    }

    public String requestId() {
        return requestId;
    }

    public MessageSpec spec() {
        return spec;
    }

    public Optional<String> event() {
        return event;
    }

    public Optional<String> automationRunId() {
        return automationRunId;
    }

    public Instant enqueuedAt() {
        return enqueuedAt;
    }

    public Optional<Instant> deliverAt() {
        return deliverAt;
    }

    public Optional<Instant> expiresAt() {
        return expiresAt;
    }

    public MessageStatus status() {
        return status;
    }

    public Optional<MessageReason> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    public Optional<String> templateId() {
        return Optional.ofNullable(templateId);
    }

    public Optional<Channel> channel() {
        return Optional.ofNullable(channel);
    }

    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    public Optional<DeliveryPlan> plan() {
        return Optional.ofNullable(plan);
    }

    public Optional<Instant> reachedAt(MessageStatus milestone) {
        return Optional.ofNullable(reachedAt.get(milestone));
    }

    public Map<MessageStatus, Instant> milestones() {
        return Map.copyOf(reachedAt);
    }

    public Recipient recipient() {
        return spec.recipient();
    }
}
