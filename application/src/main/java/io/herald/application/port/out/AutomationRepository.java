package io.herald.application.port.out;

import io.herald.application.port.Page;
import io.herald.domain.automation.Automation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface AutomationRepository {

    Optional<Automation> find(String automationId);

    /** For each of the given event names that automations are triggered by, those automations, by id. */
    Map<String, List<Automation>> findByTriggerEvents(Collection<String> events);

    void save(Automation automation);

    boolean delete(String automationId);

    Page<Automation> list(Optional<String> cursor, int limit);
}
