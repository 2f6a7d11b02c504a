package io.herald.adapters.inbound.web.automation;

import io.herald.adapters.inbound.web.automation.AutomationPages.AutomationPage;
import io.herald.adapters.inbound.web.automation.AutomationPages.ListPage;
import io.herald.adapters.inbound.web.automation.AutomationPages.Row;
import io.herald.adapters.inbound.web.automation.AutomationPages.RunPage;
import io.herald.adapters.inbound.web.automation.AutomationPages.RunRow;
import io.herald.adapters.inbound.web.automation.AutomationPages.RunStep;
import io.herald.adapters.inbound.web.automation.AutomationPages.StepView;
import io.herald.adapters.inbound.web.page.NotFoundPage;
import io.herald.adapters.inbound.web.page.Links;
import io.herald.adapters.inbound.web.page.Pages;
import io.herald.adapters.inbound.web.page.Shell;
import io.herald.adapters.inbound.web.page.Shell.Section;
import io.herald.adapters.inbound.web.page.Times;
import io.herald.adapters.inbound.web.session.ConsolePaths;
import io.herald.application.port.Page;
import io.herald.application.port.in.ManageAutomationsUseCase;
import io.herald.application.port.in.OpenConsoleSessionUseCase.ConsoleSession;
import io.herald.application.port.in.QueryAutomationRunsUseCase;
import io.herald.application.port.out.Clock;
import io.herald.domain.automation.Automation;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.automation.Step;
import io.herald.domain.automation.StepResult;
import io.herald.domain.automation.StepStatus;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Automations (DESIGN §12): the steps drawn as a flow with how many runs stand where at each, and each run's story. */
@Controller(ConsolePaths.CONSOLE + "/automations")
@ExecuteOn(TaskExecutors.BLOCKING)
class AutomationPagesController {

    private static final int PAGE_SIZE = 50;
    private static final int RUNS_SHOWN = 20;

    private final ManageAutomationsUseCase automations;
    private final QueryAutomationRunsUseCase runs;
    private final Clock clock;
    private final Pages pages;

    AutomationPagesController(ManageAutomationsUseCase automations, QueryAutomationRunsUseCase runs, Clock clock, Pages pages) {
        this.automations = automations;
        this.runs = runs;
        this.clock = clock;
        this.pages = pages;
    }

    @Get
    HttpResponse<String> list(@RequestAttribute(ConsolePaths.SESSION_ATTRIBUTE) ConsoleSession session, @Nullable @QueryValue String cursor) {
        Page<Automation> page = automations.list(Optional.ofNullable(cursor).filter(value -> !value.isBlank()), PAGE_SIZE);
        List<Row> rows = page.items().stream().map(automation -> new Row(automation.id(), automation.name(), trigger(automation),
                automation.steps().size())).toList();
        return pages.render("automations.jte", new ListPage(shell("Automations", session), rows,
                page.cursor().map(more -> "/console/automations?" + Links.param("cursor", more)).orElse(null)));
    }

    @Get("/{id}")
    HttpResponse<String> automation(@RequestAttribute(ConsolePaths.SESSION_ATTRIBUTE) ConsoleSession session, @PathVariable String id) {
        Optional<Automation> found = automations.find(id);
        if (found.isEmpty()) {
            return notFound(session, "No automation has the id " + id + ".");
        }
        Automation automation = found.get();
        Map<Integer, Map<StepStatus, Long>> counts = runs.stepCountsOf(id);
        List<StepView> steps = new ArrayList<>();
        for (int index = 0; index < automation.steps().size(); index++) {
            Step step = automation.steps().get(index);
            Map<StepStatus, Long> at = counts.getOrDefault(index, Map.of());
            steps.add(new StepView(index + 1, step.action(), step.condition().orElse(""), details(step),
                    count(at, StepStatus.WAITING) + count(at, StepStatus.RUNNING), count(at, StepStatus.DONE), count(at, StepStatus.SKIPPED),
                    count(at, StepStatus.FAILED), count(at, StepStatus.CANCELED), count(at, StepStatus.PENDING)));
        }
        Instant now = clock.now();
        List<RunRow> latest = runs.latestOf(id, RUNS_SHOWN).stream().map(run -> RunRow.of(run, now)).toList();
        return pages.render("automation.jte", new AutomationPage(shell("Automation " + id, session), id, automation.name(),
                trigger(automation), steps, latest));
    }

    @Get("/runs/{runId}")
    HttpResponse<String> run(@RequestAttribute(ConsolePaths.SESSION_ATTRIBUTE) ConsoleSession session, @PathVariable String runId) {
        Optional<AutomationRun> found;
        try {
            found = runs.find(new AutomationRunId(runId));
        } catch (InvalidValueException malformed) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            return notFound(session, "No automation run has the id " + runId + ".");
        }
        AutomationRun run = found.get();
        List<RunStep> steps = new ArrayList<>();
        for (int index = 0; index < run.steps().size(); index++) {
            StepResult result = run.results().get(index);
            steps.add(new RunStep(index + 1, run.steps().get(index).action(), label(result.status()), time(result.started()),
                    time(result.finished()), time(result.wakeAt()), result.messageIds(), result.error().orElse("")));
        }
        return pages.render("automation-run.jte", new RunPage(shell("Run " + runId, session), RunRow.of(run, clock.now()),
                run.automationId().orElse(""), run.eventName().orElse(""), run.error().orElse(""), steps));
    }

    private HttpResponse<String> notFound(ConsoleSession session, String what) {
        return pages.render("not-found.jte", new NotFoundPage(shell("Not found", session), what, "/console/automations", "the automations"))
                .status(HttpStatus.NOT_FOUND);
    }

    private static String trigger(Automation automation) {
        return automation.trigger().map(trigger -> "on " + trigger.event() + trigger.condition().map(condition -> " if " + condition).orElse(""))
                .orElse("");
    }

    /**
     * A step's settings other than its action and condition, one per line. A fetch-data webhook's header values are
     * not shown: they are often the credentials of the system it calls.
     */
    private static List<String> details(Step step) {
        List<String> details = new ArrayList<>();
        step.toJson().forEach((name, value) -> {
            if (!name.equals("action") && !name.equals("if")) {
                details.add(name + ": " + compact(name.equals("webhook") ? withoutHeaderValues(value) : value));
            }
        });
        return details;
    }

    private static Object withoutHeaderValues(Object webhook) {
        if (!(webhook instanceof Map<?, ?> settings) || !(settings.get("headers") instanceof Map<?, ?> headers)) {
            return webhook;
        }
        Map<Object, Object> shown = new LinkedHashMap<>(settings);
        Map<Object, Object> hidden = new LinkedHashMap<>();
        headers.keySet().forEach(header -> hidden.put(header, "(hidden)"));
        shown.put("headers", hidden);
        return shown;
    }

    private static String compact(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((key, inner) -> parts.add(key + ": " + compact(inner)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(AutomationPagesController::compact).toList()) + "]";
        }
        return String.valueOf(value);
    }

    private static long count(Map<StepStatus, Long> at, StepStatus status) {
        return at.getOrDefault(status, 0L);
    }

    private static String label(StepStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static String time(Optional<Instant> at) {
        return at.map(Times::precise).orElse("");
    }

    private static Shell shell(String title, ConsoleSession session) {
        return new Shell(title, Section.AUTOMATIONS, session.csrfToken());
    }
}
