package io.herald.application.port.out;

import io.herald.application.port.Page;
import io.herald.domain.automation.Automation;

import java.util.List;
import java.util.Optional;

public interface AutomationRepository {

    Optional<Automation> find(String automationId);

    /** The automations whose {@code trigger.event} is {@code event}, by id. */
    List<Automation> findByTriggerEvent(String event);

    void save(Automation automation);

    boolean delete(String automationId);

    Page<Automation> list(Optional<String> cursor, int limit);
}
