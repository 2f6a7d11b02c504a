package io.herald.persistence.durable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The threads of a trigger that loops over a queue of its own ({@link InboundDrain}, {@link DeliveryTurns}): daemon
 * threads started once, told to stop together, and waited for, so that a turn under way ends before the pool goes.
 */
final class WorkerThreads {

    private static final long STOP_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(30);

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    boolean running() {
        return running;
    }

    /** Starts {@code count} threads named {@code name}0, {@code name}1, ...; false if they run already. */
    synchronized boolean start(String name, int count, IntFunction<Runnable> loop) {
        if (running) {
            return false;
        }
        running = true;
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(loop.apply(i), name + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return true;
    }

    synchronized void stop() throws InterruptedException {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join(STOP_WAIT_MILLIS);
        }
    }

    /** A pause after a failed look; an interrupt (a stop) ends it early. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
