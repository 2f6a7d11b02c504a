package io.herald.application.port.out;

import java.time.Instant;

/**
 * Deletes what is older than its retention, a bounded batch per call (each call in the caller's transaction), and
 * says how many rows it deleted, so the retention job can go on until a call deletes fewer than asked.
 */
public interface RetentionStore {

    /** Messages enqueued before {@code cutoff} that have ended, with their history, output, attempts and inbox items. */
    int deleteMessages(Instant cutoff, int limit);

    /** Inbound events received before {@code cutoff} that were processed (or set aside). */
    int deleteInboundEvents(Instant cutoff, int limit);

    /** Automation runs created before {@code cutoff} that have ended. */
    int deleteAutomationRuns(Instant cutoff, int limit);

    /** Provider callback receipts, and engagement events reported to Segment, recorded before {@code cutoff}. */
    int deleteReceiptsAndReportedFeedback(Instant cutoff, int limit);

    /** Inbox stream events recorded before {@code cutoff}: a stream away longer than that starts from the inbox as it stands. */
    int deleteInboxEvents(Instant cutoff, int limit);
}
