package io.herald.persistence.durable;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;

import java.time.Duration;
import java.time.Instant;

/**
 * Retries failed work with exponential backoff, doubling from {@code first} up to {@code max}, and never gives
 * up: acknowledged work must not be dropped, and a failure that lasts is visible in the logs and metrics.
 */
final class CappedBackoff<T> implements FailureHandler<T> {

    private final Duration first;
    private final Duration max;

    CappedBackoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        int failures = Math.min(complete.getExecution().consecutiveFailures, 30);
        long delayMillis = Math.min(max.toMillis(), first.toMillis() * (1L << failures));
        Instant next = complete.getTimeDone().plusMillis(delayMillis);
        operations.reschedule(complete, next);
    }
}
