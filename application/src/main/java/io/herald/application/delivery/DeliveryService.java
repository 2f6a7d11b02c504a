package io.herald.application.delivery;

import io.herald.application.delivery.DeliveryPipeline.CallResult;
import io.herald.application.delivery.DeliveryPipeline.Progress;
import io.herald.application.delivery.DeliveryPipeline.RemoteCall;
import io.herald.application.port.in.DeliverMessagesUseCase;
import io.herald.application.port.out.ChannelSender;
import io.herald.application.port.out.Clock;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.message.MessageId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Drives the pipeline: a transactional step, then the remote provider calls it asked for (in parallel, outside
 * any transaction, so no database connection waits on the network), then a step that records their results,
 * and so on until nothing is left to do now.
 */
public final class DeliveryService implements DeliverMessagesUseCase {

    private final DeliveryPipeline pipeline;
    private final Providers providers;
    private final ExecutorService providerCalls;
    private final Clock clock;

    public DeliveryService(DeliveryPipeline pipeline, Providers providers, ExecutorService providerCalls, Clock clock) {
        this.pipeline = pipeline;
        this.providers = providers;
        this.providerCalls = providerCalls;
        this.clock = clock;
    }

    @Override
    public Map<MessageId, Instant> deliver(List<MessageId> messageIds) {
        Map<MessageId, Instant> later = new HashMap<>();
        Progress progress = pipeline.advance(messageIds);
        merge(later, progress);
        while (!progress.calls().isEmpty()) {
            progress = pipeline.record(call(progress.calls()));
            merge(later, progress);
        }
        return later;
    }

    private List<CallResult> call(List<RemoteCall> calls) {
        List<CompletableFuture<CallResult>> pending = new ArrayList<>(calls.size());
        for (RemoteCall call : calls) {
            pending.add(CompletableFuture.supplyAsync(() -> new CallResult(call, send(call), clock.now()), providerCalls));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    private DeliveryResult send(RemoteCall call) {
        ChannelSender sender = providers.sender(call.provider());
        try {
            return sender.send(call.delivery());
        } catch (RuntimeException e) {
            return new DeliveryResult.TransientFailure(sender.name() + " failed: " + e);
        }
    }

    private static void merge(Map<MessageId, Instant> later, Progress progress) {
        progress.later().forEach((id, at) -> later.merge(id, at, (a, b) -> a.isBefore(b) ? a : b));
    }
}
