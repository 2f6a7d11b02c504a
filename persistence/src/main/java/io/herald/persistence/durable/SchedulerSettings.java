package io.herald.persistence.durable;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code herald.scheduler.*}: how this instance takes part in running durable work.
 */
@ConfigurationProperties("herald.scheduler")
public class SchedulerSettings {

    /** When false this instance still stores work but runs none (useful for an API-only instance, and in tests). */
    private boolean enabled = true;
    private int threads = 10;
    /** How often due work is polled for; work scheduled on this instance is started at once regardless. */
    private Duration pollingInterval = Duration.ofSeconds(1);
    private Duration heartbeatInterval = Duration.ofSeconds(5);
    /** Missed heartbeats after which another instance takes over the work of an instance that died. */
    private int missedHeartbeatsLimit = 6;
    private Duration shutdownMaxWait = Duration.ofSeconds(30);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    public Duration getPollingInterval() {
        return pollingInterval;
    }

    public void setPollingInterval(Duration pollingInterval) {
        this.pollingInterval = pollingInterval;
    }

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public int getMissedHeartbeatsLimit() {
        return missedHeartbeatsLimit;
    }

    public void setMissedHeartbeatsLimit(int missedHeartbeatsLimit) {
        this.missedHeartbeatsLimit = missedHeartbeatsLimit;
    }

    public Duration getShutdownMaxWait() {
        return shutdownMaxWait;
    }

    public void setShutdownMaxWait(Duration shutdownMaxWait) {
        this.shutdownMaxWait = shutdownMaxWait;
    }
}
