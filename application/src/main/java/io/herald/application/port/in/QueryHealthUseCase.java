package io.herald.application.port.in;

import io.herald.application.delivery.ProviderHealth.ProviderStatus;
import io.herald.application.port.out.FeedbackOutbox;
import io.herald.application.port.out.OperationalStatus.Backlog;
import io.herald.domain.routing.Channel;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Is this instance healthy, and what is it struggling with (DESIGN §10)? Only an unreachable database makes it
 * DOWN: provider circuits and feedback lag are reported, never a reason to take an instance out of rotation.
 */
public interface QueryHealthUseCase {

    boolean isUp();

    Report report();

    /**
     * @param backlog  empty when the database does not answer
     * @param feedback empty when feedback to Segment is off, or the database does not answer
     */
    record Report(boolean up, boolean schedulerEnabled, Optional<Backlog> backlog, Optional<FeedbackOutbox.Status> feedback,
                  List<Provider> providers) {
    }

    record Provider(Set<Channel> channels, ProviderStatus status) {
    }
}
