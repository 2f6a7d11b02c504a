package io.herald.application.operations;

import io.herald.application.delivery.ProviderHealth;
import io.herald.application.delivery.Providers;
import io.herald.application.port.in.QueryHealthUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.FeedbackOutbox;
import io.herald.application.port.out.OperationalStatus;

import java.time.Instant;
import java.util.Optional;

public final class HealthService implements QueryHealthUseCase {

    private final OperationalStatus status;
    private final FeedbackOutbox feedback;
    private final boolean feedbackOn;
    private final boolean schedulerEnabled;
    private final Providers providers;
    private final ProviderHealth providerHealth;
    private final Clock clock;

    public HealthService(OperationalStatus status, FeedbackOutbox feedback, boolean feedbackOn, boolean schedulerEnabled,
                         Providers providers, ProviderHealth providerHealth, Clock clock) {
        this.status = status;
        this.feedback = feedback;
        this.feedbackOn = feedbackOn;
        this.schedulerEnabled = schedulerEnabled;
        this.providers = providers;
        this.providerHealth = providerHealth;
        this.clock = clock;
    }

    @Override
    public boolean isUp() {
        return status.databaseAnswers();
    }

    @Override
    public Report report() {
        Instant now = clock.now();
        boolean up = status.databaseAnswers();
        Optional<OperationalStatus.Backlog> backlog = up ? Optional.of(status.backlog(now)) : Optional.empty();
        Optional<FeedbackOutbox.Status> lag = up && feedbackOn ? Optional.of(feedback.status()) : Optional.empty();
        return new Report(up, schedulerEnabled, backlog, lag, providers.configured().entrySet().stream()
                .map(entry -> new Provider(entry.getValue(), providerHealth.status(entry.getKey(), now),
                        providers.sender(entry.getKey()).settings())).toList());
    }
}
