package io.herald.application.delivery;

import io.herald.domain.message.Escalation;
import io.herald.domain.routing.DeliveryPlan.Target;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A send's {@code timeout}: a sent channel that does not reach the criteria in time gives way to the next channel. */
final class Escalations {

    private Escalations() {
    }

    /** Sent leaves whose escalation time passed without reaching the criteria escalate now. */
    static void escalateOverdue(MessageWork work) {
        Optional<Escalation> escalation = work.message.spec().escalation();
        if (escalation.isEmpty()) {
            return;
        }
        for (Target sent : work.message.plan().orElseThrow().sent()) {
            work.sentAttempt(sent.leafId())
                    .filter(attempt -> !escalation.get().criteria().metBy(attempt.engagement()))
                    .filter(attempt -> !work.now.isBefore(attempt.at().plus(escalation.get().after())))
                    .ifPresent(attempt -> work.message.escalate(sent.leafId(), escalation.get().criteria(), work.now));
        }
    }

    /** When the sent leaves that have not reached the criteria yet are to be looked at again. */
    static List<Instant> checksDue(MessageWork work) {
        Optional<Escalation> escalation = work.message.spec().escalation();
        List<Instant> checks = new ArrayList<>();
        if (escalation.isEmpty() || work.message.status().isEnd()) {
            return checks;
        }
        for (Target sent : work.message.plan().orElseThrow().sent()) {
            work.sentAttempt(sent.leafId())
                    .filter(attempt -> !escalation.get().criteria().metBy(attempt.engagement()))
                    .ifPresent(attempt -> checks.add(attempt.at().plus(escalation.get().after())));
        }
        return checks;
    }
}
