package io.herald.application.port.in;

import io.herald.application.port.Page;
import io.herald.domain.automation.Automation;

import java.util.Optional;

/** Herald's saved automations: {@code PUT|GET|DELETE /automations/{id}}, {@code GET /automations}. */
public interface ManageAutomationsUseCase {

    /**
     * Creates or replaces the automation. A condition or template that does not compile, or a template or
     * automation its steps name that does not exist, is refused naming where; nothing is saved then.
     * Runs in flight keep the steps they started with.
     */
    void put(Automation automation);

    Optional<Automation> find(String automationId);

    Page<Automation> list(Optional<String> cursor, int limit);

    void delete(String automationId);
}
