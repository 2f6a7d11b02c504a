package io.herald.domain.bulk;

/** Courier's job statuses: CREATED while users are added, PROCESSING once run, COMPLETED when every user is done. */
public enum BulkStatus {
    CREATED, PROCESSING, COMPLETED, ERROR
}
