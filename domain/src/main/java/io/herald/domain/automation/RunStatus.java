package io.herald.domain.automation;

/**
 * Where a run stands: RUNNING (steps are being executed, or are due now), WAITING (in a delay), or one of its
 * ends: COMPLETED, CANCELED (by a matching cancelation token), FAILED (a step could not be executed).
 */
public enum RunStatus {
    RUNNING, WAITING, COMPLETED, CANCELED, FAILED;

    public boolean isActive() {
        return this == RUNNING || this == WAITING;
    }
}
