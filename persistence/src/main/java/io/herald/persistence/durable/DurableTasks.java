package io.herald.persistence.durable;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.herald.application.port.in.ProcessInboundEventUseCase;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;

/**
 * Every kind of durable work Herald runs, and the use case each one drives. Use cases are looked up lazily:
 * they themselves schedule durable work, so they are built after the scheduler.
 */
@Singleton
class DurableTasks {

    static final String PROCESS_INBOUND_EVENTS = "process-inbound-events";

    /** Task data must be a public type: db-scheduler stores it as JSON. */
    public record InboundBatch(List<Long> ids) {
    }

    private final OneTimeTask<InboundBatch> processInboundEvents;

    DurableTasks(BeanProvider<ProcessInboundEventUseCase> processing) {
        this.processInboundEvents = Tasks.oneTime(PROCESS_INBOUND_EVENTS, InboundBatch.class)
                .onFailure(new CappedBackoff<>(Duration.ofSeconds(1), Duration.ofMinutes(10)))
                .execute((instance, context) -> {
                    ProcessInboundEventUseCase useCase = processing.get();
                    for (long id : instance.getData().ids()) {
                        try {
                            useCase.process(id);
                        } catch (InvalidValueException unprocessable) {
                            useCase.recordFailure(id, unprocessable.getMessage());
                        }
                    }
                });
    }

    OneTimeTask<InboundBatch> processInboundEvents() {
        return processInboundEvents;
    }

    List<Task<?>> all() {
        return List.of(processInboundEvents);
    }
}
