package io.herald.application.port.in;

import io.herald.application.port.out.FeedbackOutbox;

/** Reports recorded engagement events to Segment (durable work); and how far behind that is. */
public interface DeliverFeedbackUseCase {

    /** Reports every event that is due, a batch at a time, until none is left or Segment refuses a batch. */
    void deliverAllDue();

    FeedbackOutbox.Status status();
}
