package io.herald.application.delivery;

import io.herald.application.delivery.DeliveryPipeline.CallResult;
import io.herald.application.delivery.DeliveryPipeline.RemoteCall;
import io.herald.application.delivery.DeliveryPipeline.Progress;
import io.herald.application.port.in.DeliverMessagesUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.DeliveryLooks.Taken;
import io.herald.application.port.out.DeliveryLooks;
import io.herald.application.port.out.Transactions;
import io.herald.application.support.LogSafe;
import io.herald.domain.delivery.Backoff;
import io.herald.domain.message.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
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
 * Due looks come from the delivery queue ({@link DeliveryLooks}): a turn takes them and moves their messages in one
 * transaction, so a message sent through a local provider is enqueued in one commit and SENT in the next.
 * <p>
 * A call's message has a follow-up at the end of its in-flight lease (the pipeline asks for it), so if this
 * instance stops before the outcome is recorded, another instance picks the message up then.
 */
public final class DeliveryDriver implements DeliverMessagesUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDriver.class);
    private static final int RECORD_BATCH = 200;
    /** A look that fails is due again within a second, then two, ... up to ten minutes; never dropped. */
    private static final Backoff FAILED_LOOK = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(10));

    private final DeliveryPipeline pipeline;
    private final ProviderCalls calls;
    private final Executor recording;
    private final DeliveryLooks looks;
    private final Transactions transactions;
    private final Clock clock;
    private final Queue<CallResult> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean recordingScheduled = new AtomicBoolean();

    /** @param recording where outcomes are recorded (a thread of its own, so provider threads go back to calling) */
    public DeliveryDriver(DeliveryPipeline pipeline, ProviderCalls calls, Executor recording, DeliveryLooks looks,
                          Transactions transactions, Clock clock) {
        this.pipeline = pipeline;
        this.calls = calls;
        this.recording = recording;
        this.looks = looks;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void deliver(List<MessageId> messageIds) {
        dispatch(pipeline.advance(messageIds).calls());
    }

    @Override
    public int deliverDue(int limit) {
        List<MessageId> taken = new ArrayList<>();
        Turn turn;
        try {
            turn = transactions.inTransaction(() -> {
                Taken due = looks.takeDue(clock.now(), limit);
                taken.addAll(due.messages());
                return new Turn(due.looks(), due.messages().isEmpty() ? List.of() : pipeline.advance(due.messages()).calls());
            });
        } catch (RuntimeException failure) {
            if (taken.isEmpty()) {
                throw failure;   // nothing was taken: the queue itself failed, and the caller waits before trying again
            }
            return deliverOneByOne(taken, failure);
        }
        dispatch(turn.calls());
        return turn.looks();
    }

    /** Returns how many messages were looked at or had their look postponed. */
    private int deliverOneByOne(List<MessageId> messages, RuntimeException turnFailure) {
        LOG.warn("Delivering {} messages together failed ({}); delivering them one by one", messages.size(),
                LogSafe.describe(turnFailure));
        for (MessageId message : messages) {
            try {
                Progress progress = transactions.inTransaction(() -> {
                    Taken due = looks.takeDue(message, clock.now());
                    return due.messages().isEmpty() ? new Progress(List.of()) : pipeline.advance(due.messages());
                });
                dispatch(progress.calls());
            } catch (RuntimeException failure) {
                int failures = transactions.inTransaction(() -> looks.postpone(message, clock.now(), FAILED_LOOK));
                LOG.error("Delivery of message {} failed ({} in a row): {}; it is looked at again within {}", message.value(),
                        failures, LogSafe.describe(failure), FAILED_LOOK.ceiling(failures));
            }
        }
        return messages.size();
    }

    private record Turn(int looks, List<RemoteCall> calls) {
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
