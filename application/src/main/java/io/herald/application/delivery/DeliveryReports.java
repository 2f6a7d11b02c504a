package io.herald.application.delivery;

import io.herald.application.port.out.OperationalMetrics;
import io.herald.application.support.LogSafe;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.delivery.FailoverPolicy;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageEvent;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/** What an operator sees of delivery: PROVIDER_ERROR history with WARN lines, and the statuses messages reach. */
final class DeliveryReports {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryPipelineService.class);

    private final OperationalMetrics metrics;

    DeliveryReports(OperationalMetrics metrics) {
        this.metrics = metrics;
    }

    /** A PROVIDER_ERROR history entry and a WARN line saying what failed and what Herald does next. */
    void providerFailed(Message message, String leafId, String provider, DeliveryResult failure, FailoverPolicy.Move next,
                        Instant at) {
        boolean isTransient = failure instanceof DeliveryResult.TransientFailure;
        String error;
        Integer statusCode;
        if (failure instanceof DeliveryResult.TransientFailure transientFailure) {
            error = transientFailure.error();
            statusCode = transientFailure.statusCode();
        } else {
            error = ((DeliveryResult.PermanentFailure) failure).error();
            statusCode = ((DeliveryResult.PermanentFailure) failure).statusCode();
        }
        Channel channel = message.plan().orElseThrow().channelOf(leafId);
        message.providerError(leafId, provider, error, statusCode, isTransient, next, at);
        LOG.warn("Message {}: {} failed on {} ({}{}): {}; next: {}", message.id(), provider, channel.wireName(),
                isTransient ? "transient" : "permanent", statusCode == null ? "" : ", status " + statusCode,
                LogSafe.redact(error), next.label());
    }

    /** Counts the statuses a message reached in this step, and says so at WARN when it could not be delivered. */
    void statusesReached(Message message) {
        for (MessageEvent event : message.newEvents()) {
            MessageStatus reached;
            if (event instanceof MessageEvent.Sent) {
                reached = MessageStatus.SENT;
            } else if (event instanceof MessageEvent.Undeliverable) {
                reached = MessageStatus.UNDELIVERABLE;
            } else if (event instanceof MessageEvent.Unroutable) {
                reached = MessageStatus.UNROUTABLE;
            } else if (event instanceof MessageEvent.Unmapped) {
                reached = MessageStatus.UNMAPPED;
            } else if (event instanceof MessageEvent.Throttled) {
                reached = MessageStatus.THROTTLED;
            } else {
                continue;
            }
            Channel channel = event.channel().orElse(null);
            String provider = event.provider().orElse(null);
            metrics.messageReached(reached, channel, provider);
            if (reached == MessageStatus.UNDELIVERABLE) {
                LOG.warn("Message {} is UNDELIVERABLE{}: {}", message.id(), message.reason().map(reason -> " (" + reason + ")").orElse(""),
                        LogSafe.redact(message.error().orElse("")));
            } else if (reached != MessageStatus.SENT) {
                LOG.info("Message {} is {}: {}", message.id(), reached, LogSafe.redact(message.error().orElse("")));
            }
        }
    }
}
