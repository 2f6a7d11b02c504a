package io.herald.persistence.durable;

import com.github.kagkarlsson.scheduler.task.Task;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Every kind of durable work Herald runs on db-scheduler, and the use case each one drives. Use cases are
 * looked up lazily: they themselves schedule durable work, so they are built after the scheduler.
 */
@Singleton
class DurableTasks {

    List<Task<?>> all() {
        return List.of();
    }
}
