package io.herald.application.port.in;

import io.herald.application.port.out.FeedbackOutbox;

/** Reports recorded engagement events to Segment (durable work); and how far behind that is. */
public interface DeliverFeedbackUseCase {

    /** @return how many events were reported (fewer than {@code limit}: none is left that is due) */
    int deliverDue(int limit);

    FeedbackOutbox.Status status();
}
