package io.herald.application.port.in;

/** The daily retention job (DESIGN §11): deletes what is older than its configured retention, in bounded batches. */
public interface ApplyRetentionUseCase {

    /** @return how many rows were deleted, of every kind */
    long applyRetention();
}
