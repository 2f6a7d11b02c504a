package io.herald.application.inbound;

import io.herald.application.port.in.IngestSegmentEventsCommand;
import io.herald.application.port.in.IngestSegmentEventsUseCase;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for acknowledgements. Every request must be committed before it is answered, and a commit
 * costs a disk flush; so concurrent requests wait together: a few writer threads each take everything that
 * queued while the previous commit was running and store it in one transaction. Under light load a request
 * is committed alone, at once; under heavy load many share one commit.
 */
public final class CoalescingIngest implements IngestSegmentEventsUseCase, AutoCloseable {

    private static final int QUEUE_CAPACITY = 10_000;

    private final InboundEventWriter writer;
    private final int maxEventsPerTransaction;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    private record Pending(IngestSegmentEventsCommand command, CompletableFuture<Void> committed) {
    }

    public CoalescingIngest(InboundEventWriter writer, int writerThreads, int maxEventsPerTransaction) {
        this.writer = writer;
        this.maxEventsPerTransaction = maxEventsPerTransaction;
        for (int i = 0; i < writerThreads; i++) {
            Thread thread = new Thread(this::writeLoop, "herald-ingest-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            writers.add(thread);
        }
    }

    @Override
    public void ingest(IngestSegmentEventsCommand command) {
        if (!running) {
            throw new IllegalStateException("Herald is shutting down");
        }
        Pending pending = new Pending(command, new CompletableFuture<>());
        try {
            queue.put(pending);
            pending.committed().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the commit", e);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private void writeLoop() {
        List<Pending> group = new ArrayList<>();
        Pending carried = null;
        while (running || carried != null || !queue.isEmpty()) {
            try {
                Pending first = carried != null ? carried : queue.poll(100, TimeUnit.MILLISECONDS);
                carried = null;
                if (first == null) {
                    continue;
                }
                group.add(first);
                int events = first.command().events().size();
                while (events < maxEventsPerTransaction) {
                    Pending next = queue.poll();
                    if (next == null) {
                        break;
                    }
                    if (events + next.command().events().size() > maxEventsPerTransaction) {
                        carried = next;
                        break;
                    }
                    group.add(next);
                    events += next.command().events().size();
                }
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void commit(List<Pending> group) {
        try {
            writer.ingestAll(group.stream().map(Pending::command).toList());
            group.forEach(pending -> pending.committed().complete(null));
        } catch (RuntimeException failure) {
            group.forEach(pending -> pending.committed().completeExceptionally(failure));
        }
    }

    /** Stops taking requests and lets the writers finish what is queued. */
    @Override
    public void close() {
        running = false;
        for (Thread thread : writers) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
