package io.herald.application.delivery;

import io.herald.application.delivery.DeliveryPipeline.CallResult;
import io.herald.application.delivery.DeliveryPipeline.RemoteCall;
import io.herald.application.port.in.DeliverMessagesUseCase;
import io.herald.application.support.LogSafe;
import io.herald.domain.message.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives the pipeline: a transactional step, then the remote provider calls it asked for, each on its provider's
 * bulkhead ({@link ProviderCalls}), outside any transaction and off the scheduler's threads, so neither a database
 * connection nor a scheduler thread waits on the network. Outcomes are recorded as they arrive, several to a
 * transaction, and each recording step may ask for more calls (a failover). Follow-ups (a retry, a delay, an
 * escalation check) are scheduled by the pipeline itself, in its transaction.
 * <p>
 * A call's message has a follow-up at the end of its in-flight lease (the pipeline asks for it), so if this
 * instance stops before the outcome is recorded, another instance picks the message up then.
 */
public final class DeliveryDriver implements DeliverMessagesUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDriver.class);
    private static final int RECORD_BATCH = 200;

    private final DeliveryPipeline pipeline;
    private final ProviderCalls calls;
    private final Executor recording;
    private final Queue<CallResult> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean recordingScheduled = new AtomicBoolean();

    /** @param recording where outcomes are recorded (a thread of its own, so provider threads go back to calling) */
    public DeliveryDriver(DeliveryPipeline pipeline, ProviderCalls calls, Executor recording) {
        this.pipeline = pipeline;
        this.calls = calls;
        this.recording = recording;
    }

    @Override
    public void deliver(List<MessageId> messageIds) {
        dispatch(pipeline.advance(messageIds).calls());
    }

    private void dispatch(List<RemoteCall> remoteCalls) {
        for (RemoteCall call : remoteCalls) {
            // Nothing waits on the call: its outcome (a failure is a result too) arrives in outcomeArrived.
            CompletableFuture<Void> unused = calls.callRemote(call).thenAccept(this::outcomeArrived);
        }
    }

    private void outcomeArrived(CallResult result) {
        outcomes.add(result);
        if (recordingScheduled.compareAndSet(false, true)) {
            recording.execute(this::recordArrived);
        }
    }

    private void recordArrived() {
        try {
            List<CallResult> batch = new ArrayList<>(RECORD_BATCH);
            CallResult next;
            while ((next = outcomes.poll()) != null) {
                batch.add(next);
                if (batch.size() == RECORD_BATCH) {
                    record(batch);
                    batch = new ArrayList<>(RECORD_BATCH);
                }
            }
            if (!batch.isEmpty()) {
                record(batch);
            }
        } finally {
            recordingScheduled.set(false);
            if (!outcomes.isEmpty() && recordingScheduled.compareAndSet(false, true)) {
                recording.execute(this::recordArrived);
            }
        }
    }

    private void record(List<CallResult> batch) {
        try {
            dispatch(pipeline.record(batch).calls());
        } catch (RuntimeException e) {
            // The attempts stay in flight; their messages' lease follow-ups pick them up again.
            LOG.error("Could not record {} provider outcomes ({}); their messages are retried when their in-flight lease ends",
                    batch.size(), LogSafe.describe(e));
        }
    }
}
