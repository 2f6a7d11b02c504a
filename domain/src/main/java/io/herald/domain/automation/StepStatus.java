package io.herald.domain.automation;

/**
 * Where one step of a run stands. PENDING until the run reaches it; RUNNING while it executes (a fetch-data step
 * waiting on its HTTP call); WAITING in a delay; then DONE, SKIPPED (its {@code if} was false), CANCELED (the run was
 * canceled before it finished) or FAILED.
 */
public enum StepStatus {
    PENDING, RUNNING, WAITING, DONE, SKIPPED, CANCELED, FAILED
}
