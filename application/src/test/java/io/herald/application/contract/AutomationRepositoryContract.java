package io.herald.application.contract;

import io.herald.application.port.Page;
import io.herald.application.port.out.AutomationRepository;
import io.herald.domain.automation.Automation;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link AutomationRepository} must do; run against the in-memory fake and PostgreSQL. */
public abstract class AutomationRepositoryContract {

    protected abstract AutomationRepository emptyRepository();

    private static Automation automation(String id, String event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Journey " + id);
        if (event != null) {
            body.put("trigger", Map.of("event", event, "if", "event.properties.plan == 'pro'"));
        }
        body.put("cancelation_token", "{{user_id}}-" + id);
        body.put("steps", List.of(
                Map.of("action", "send", "template", "welcome", "data", Map.of("n", 1, "tags", List.of("a", "b"))),
                Map.of("action", "delay", "duration", "2 hours")));
        return Automation.parse(id, body);
    }

    private static List<String> ids(List<Automation> automations) {
        return automations.stream().map(Automation::id).toList();
    }

    @Test
    void anAutomationIsReadBackWhole_andSavingItAgainReplacesIt() {
        AutomationRepository automations = emptyRepository();
        Automation first = automation("onboarding", "Trial Started");
        automations.save(first);
        assertThat(automations.find("onboarding")).contains(first);

        Automation changed = automation("onboarding", "Plan Upgraded");
        automations.save(changed);

        assertThat(automations.find("onboarding")).contains(changed);
        assertThat(automations.findByTriggerEvents(List.of("Trial Started"))).isEmpty();
        assertThat(ids(automations.findByTriggerEvents(List.of("Plan Upgraded")).get("Plan Upgraded"))).containsExactly("onboarding");
        assertThat(automations.find("unknown")).isEmpty();
    }

    @Test
    void automationsAreFoundByTheirTriggerEventInIdOrder() {
        AutomationRepository automations = emptyRepository();
        automations.save(automation("c", "Trial Started"));
        automations.save(automation("a", "Trial Started"));
        automations.save(automation("b", "Order Completed"));
        automations.save(automation("untriggered", null));

        Map<String, List<Automation>> byEvent = automations.findByTriggerEvents(List.of("Trial Started", "Order Completed", "Unmapped"));
        assertThat(byEvent).containsOnlyKeys("Trial Started", "Order Completed");
        assertThat(ids(byEvent.get("Trial Started"))).containsExactly("a", "c");
        assertThat(ids(byEvent.get("Order Completed"))).containsExactly("b");
        assertThat(automations.findByTriggerEvents(List.of())).isEmpty();
    }

    @Test
    void deleteReportsWhetherThereWasAnAutomation() {
        AutomationRepository automations = emptyRepository();
        automations.save(automation("onboarding", "Trial Started"));

        assertThat(automations.delete("onboarding")).isTrue();
        assertThat(automations.delete("onboarding")).isFalse();
        assertThat(automations.find("onboarding")).isEmpty();
        assertThat(automations.findByTriggerEvents(List.of("Trial Started"))).isEmpty();
    }

    @Test
    void listsInIdOrderAPageAtATime() {
        AutomationRepository automations = emptyRepository();
        for (String id : List.of("e", "b", "d", "a", "c")) {
            automations.save(automation(id, "E"));
        }

        Page<Automation> first = automations.list(Optional.empty(), 2);
        Page<Automation> second = automations.list(first.cursor(), 2);
        Page<Automation> last = automations.list(second.cursor(), 2);

        assertThat(ids(first.items())).containsExactly("a", "b");
        assertThat(ids(second.items())).containsExactly("c", "d");
        assertThat(ids(last.items())).containsExactly("e");
        assertThat(last.hasMore()).isFalse();
        assertThat(automations.list(Optional.empty(), 5).hasMore()).isFalse();
    }
}
