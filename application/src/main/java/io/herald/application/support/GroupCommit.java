package io.herald.application.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Group commit. A request must be committed before it is answered, and each commit costs a disk flush and a
 * round of statements; so concurrent requests wait together. A few writer threads each take everything that
 * queued while the previous commit ran (up to a weight limit) and commit it in one transaction. Under light load
 * a request is committed alone, at once; under heavy load many share one commit.
 *
 * When a shared commit fails, its members are committed again one by one, so that one bad request fails alone.
 *
 * @param <C> a request
 * @param <R> what the caller of {@link #submit} gets back once its request is committed
 */
public final class GroupCommit<C, R> implements AutoCloseable {

    /** What one request of a group came to: a result, or a failure of its own that does not sink the group. */
    public sealed interface Outcome<R> {
        record Done<R>(R result) implements Outcome<R> {
        }

        record Failed<R>(RuntimeException failure) implements Outcome<R> {
        }
    }

    private record Pending<C, R>(C request, CompletableFuture<R> outcome) {
    }

    private static final int QUEUE_CAPACITY = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final String name;
    private final Function<List<C>, List<Outcome<R>>> commitAll;
    private final ToIntFunction<C> weight;
    private final int maxWeight;
    private final BlockingQueue<Pending<C, R>> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    /**
     * @param commitAll stores a group in one transaction and returns one outcome per request, in order; if it
     *                  throws for a group, each request is stored again on its own, and fails alone if it must
     * @param weight    how much of {@code maxWeight} a request uses (its number of events, of recipients…)
     */
    public GroupCommit(String name, Function<List<C>, List<Outcome<R>>> commitAll, ToIntFunction<C> weight,
                       int writerThreads, int maxWeight) {
        this.name = name;
        this.commitAll = commitAll;
        this.weight = weight;
        this.maxWeight = maxWeight;
        for (int i = 0; i < writerThreads; i++) {
            Thread thread = new Thread(this::writeLoop, "herald-" + name + "-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            writers.add(thread);
        }
    }

    /** Returns once the request is committed, or throws what made it fail. */
    public R submit(C request) {
        if (!running) {
            throw new IllegalStateException("Herald is shutting down");
        }
        Pending<C, R> pending = new Pending<>(request, new CompletableFuture<>());
        try {
            queue.put(pending);
            return pending.outcome().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the commit", e);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private void writeLoop() {
        List<Pending<C, R>> group = new ArrayList<>();
        Pending<C, R> carried = null;
        while (running || carried != null || !queue.isEmpty()) {
            try {
                Pending<C, R> first = carried != null ? carried : queue.poll(100, TimeUnit.MILLISECONDS);
                carried = null;
                if (first == null) {
                    continue;
                }
                group.add(first);
                int total = weight.applyAsInt(first.request());
                while (total < maxWeight) {
                    Pending<C, R> next = queue.poll();
                    if (next == null) {
                        break;
                    }
                    int nextWeight = weight.applyAsInt(next.request());
                    if (total + nextWeight > maxWeight) {
                        carried = next;
                        break;
                    }
                    group.add(next);
                    total += nextWeight;
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

    private void commit(List<Pending<C, R>> group) {
        List<Outcome<R>> outcomes;
        try {
            outcomes = commitAll.apply(group.stream().map(Pending::request).toList());
        } catch (RuntimeException failure) {
            if (group.size() == 1) {
                group.get(0).outcome().completeExceptionally(failure);
                return;
            }
            // One bad member must not fail its neighbours: each is committed again on its own, and only the
            // one(s) that fail alone are refused. The failure's text may quote a request, so only its type is logged.
            LOG.warn("{}: a commit of {} requests failed ({}); committing each on its own", name, group.size(),
                    failure.getClass().getSimpleName());
            group.forEach(pending -> commit(List.of(pending)));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            Outcome<R> outcome = outcomes.get(i);
            if (outcome instanceof Outcome.Done<R> done) {
                group.get(i).outcome().complete(done.result());
            } else {
                group.get(i).outcome().completeExceptionally(((Outcome.Failed<R>) outcome).failure());
            }
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
