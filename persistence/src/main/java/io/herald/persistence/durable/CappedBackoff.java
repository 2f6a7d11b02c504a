package io.herald.persistence.durable;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import io.herald.domain.delivery.Backoff;

import java.time.Duration;

/**
 * Retries failed work with Herald's {@link Backoff} and never gives up: acknowledged work must not be dropped,
 * and a failure that lasts is visible in the logs and metrics.
 */
final class CappedBackoff<T> implements FailureHandler<T> {

    private final Backoff backoff;

    CappedBackoff(Duration first, Duration max) {
        this.backoff = new Backoff(first, max);
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        int failures = complete.getExecution().consecutiveFailures + 1;
        operations.reschedule(complete, complete.getTimeDone().plus(backoff.delay(failures)));
    }
}
