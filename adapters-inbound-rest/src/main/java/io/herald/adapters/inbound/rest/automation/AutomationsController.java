package io.herald.adapters.inbound.rest.automation;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.herald.adapters.inbound.rest.reference.Schemas;
import io.herald.adapters.inbound.rest.json.JsonBody;
import io.herald.adapters.inbound.rest.json.Paging;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.in.InvokeAutomationCommand;
import io.herald.application.port.in.InvokeAutomationUseCase;
import io.herald.application.port.in.ManageAutomationsUseCase;
import io.herald.application.port.in.QueryAutomationRunsUseCase;
import io.herald.domain.automation.AdHocAutomation;
import io.herald.domain.automation.Automation;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.json.JsonFields;
import io.herald.domain.profile.UserId;
import io.herald.application.port.out.AutomationRunRepository.RunQuery;
import io.herald.domain.automation.RunStatus;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.shared.InvalidValueException;
import io.herald.application.port.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Automations: Herald's saved definitions ({@code {name, trigger: {event, if}, cancelation_token, steps}}), Courier's
 * invoke endpoints (202 {@code {"runId"}}), and the state of a run.
 */
@Tag(name = "Automations")
@Controller("/automations")
@ExecuteOn(TaskExecutors.BLOCKING)
class AutomationsController {

    private static final int DEFAULT_RUNS = 20;
    private static final int MAX_RUNS = 50;

    private final ManageAutomationsUseCase automations;
    private final InvokeAutomationUseCase invoke;
    private final QueryAutomationRunsUseCase runs;

    AutomationsController(ManageAutomationsUseCase automations, InvokeAutomationUseCase invoke, QueryAutomationRunsUseCase runs) {
        this.automations = automations;
        this.invoke = invoke;
        this.runs = runs;
    }

    @Put("/{automation_id}")
    Map<String, Object> put(@PathVariable("automation_id") String automationId, @Body Map<String, Object> body) {
        if (automationId.equals("runs")) {
            throw new InvalidValueException("'runs' cannot be an automation id: /automations/runs lists the runs");
        }
        Automation automation = Automation.parse(automationId, JsonBody.of(body).raw());
        automations.put(automation);
        return automation.toJson();
    }

    @Get("/{automation_id}")
    Map<String, Object> get(@PathVariable("automation_id") String automationId) {
        return automations.find(automationId).map(Automation::toJson)
                .orElseThrow(() -> new NotFoundException("No automation '" + automationId + "'"));
    }

    /**
     * Courier's {@code AutomationTemplateListResponse}, {@code {cursor, templates}}: each template carries Courier's
     * {@code id}, {@code name} and {@code version} and Herald's own fields (trigger, cancelation token, steps). Herald
     * publishes an automation when it is put, so there are no drafts: {@code version=draft} lists none.
     */
    @Get
    Map<String, Object> list(@Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit,
                             @Nullable @QueryValue String version) {
        if (version != null && !version.equals("published") && !version.equals("draft")) {
            throw new InvalidValueException("version must be published or draft");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if ("draft".equals(version)) {
            body.put("cursor", null);
            body.put("templates", List.of());
            return body;
        }
        Page<Automation> page = automations.list(Optional.ofNullable(cursor), Paging.limit(limit));
        body.put("cursor", page.nextCursor());
        body.put("templates", page.items().stream().map(automation -> {
            Map<String, Object> template = new LinkedHashMap<>(automation.toJson());
            template.put("version", "published");
            return template;
        }).toList());
        return body;
    }

    @Delete("/{automation_id}")
    HttpResponse<Void> delete(@PathVariable("automation_id") String automationId) {
        automations.delete(automationId);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    /** Ad hoc: {@code {"automation": {"cancelation_token", "steps"}, "data", "profile", "recipient", "template"}}. */
    @Post("/invoke")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = Schemas.InvokeRequest.class)))
    @ApiResponse(responseCode = "202", description = "the run started",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Schemas.InvokeAccepted.class)))
    HttpResponse<Map<String, String>> invokeAdHoc(@Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        if (!fields.has(AdHocAutomation.ROOT)) {
            throw new InvalidValueException("automation is required: {\"cancelation_token\", \"steps\": [...]}");
        }
        AdHocAutomation automation = AdHocAutomation.parse(fields.get(AdHocAutomation.ROOT), fields.optionalString("template"));
        return accepted(invoke.invoke(InvokeAutomationCommand.adHoc(automation, recipient(fields),
                fields.optionalMap("data").orElse(Map.of()), fields.optionalMap("profile"))));
    }

    /** A saved automation: {@code {"recipient", "data", "profile"}}. */
    @Post("/{automation_id}/invoke")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = Schemas.InvokeRequest.class)))
    @ApiResponse(responseCode = "202", description = "the run started",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Schemas.InvokeAccepted.class)))
    HttpResponse<Map<String, String>> invokeSaved(@PathVariable("automation_id") String automationId, @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        return accepted(invoke.invoke(InvokeAutomationCommand.saved(automationId, recipient(fields),
                fields.optionalMap("data").orElse(Map.of()), fields.optionalMap("profile"))));
    }

    /**
     * Courier's run list: newest first; {@code status} and {@code template_id} are comma-separated lists, the dates
     * inclusive bounds on creation (an ISO-8601 date or date-time); {@code limit} is clamped to 1–50, and one that is
     * not a number is 20, as Courier does. {@code next_cursor} is absent on the last page.
     */
    @Get("/runs")
    Map<String, Object> runs(@Nullable @QueryValue String cursor, @Nullable @QueryValue("start_date") String startDate,
                             @Nullable @QueryValue("end_date") String endDate, @Nullable @QueryValue String limit,
                             @Nullable @QueryValue String status, @Nullable @QueryValue("template_id") String templateId) {
        RunQuery query = new RunQuery(runStatuses(status), commaList(templateId),
                Optional.ofNullable(startDate).map(date -> RunDates.startOf(date, "start_date")),
                Optional.ofNullable(endDate).map(date -> RunDates.afterEndOf(date, "end_date")),
                Optional.ofNullable(cursor), runLimit(limit));
        Page<AutomationRun> page = runs.list(query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runs", page.items().stream().map(AutomationViews::listItem).toList());
        if (page.hasMore()) {
            body.put("next_cursor", page.nextCursor());
        }
        return body;
    }

    /** Courier's steps of a run, not paged: the steps it has reached, with the message a send step made. */
    @Get("/runs/{run_id}/steps")
    Map<String, Object> runSteps(@PathVariable("run_id") String runId) {
        AutomationRun run = runs.find(new AutomationRunId(runId))
                .orElseThrow(() -> new NotFoundException("No automation run '" + runId + "'"));
        return Map.of("steps", AutomationViews.courierSteps(run));
    }

    private static Set<RunStatus> runStatuses(@Nullable String statuses) {
        Set<RunStatus> parsed = EnumSet.noneOf(RunStatus.class);
        for (String name : commaList(statuses)) {
            parsed.add(Arrays.stream(RunStatus.values()).filter(candidate -> AutomationViews.courierStatus(candidate).equals(name))
                    .findFirst().orElseThrow(() -> new InvalidValueException("status '" + name
                            + "' is not a run status (PROCESSING, WAITING, PROCESSED, CANCELED, ERROR)")));
        }
        return parsed;
    }

    private static Set<String> commaList(@Nullable String list) {
        if (list == null) {
            return Set.of();
        }
        return Arrays.stream(list.split(",", -1)).map(String::strip).filter(item -> !item.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static int runLimit(@Nullable String limit) {
        if (limit == null) {
            return DEFAULT_RUNS;
        }
        try {
            return Math.max(1, Math.min(MAX_RUNS, Integer.parseInt(limit.strip())));
        } catch (NumberFormatException notANumber) {
            return DEFAULT_RUNS;
        }
    }

    @Get("/runs/{run_id}")
    Map<String, Object> run(@PathVariable("run_id") String runId) {
        return runs.find(new AutomationRunId(runId)).map(AutomationViews::run)
                .orElseThrow(() -> new NotFoundException("No automation run '" + runId + "'"));
    }

    private static UserId recipient(JsonFields fields) {
        String recipient = fields.requiredString("recipient");
        if (recipient.isBlank() || recipient.length() > UserId.MAX_LENGTH) {
            throw new InvalidValueException("recipient must be a user id of 1 to " + UserId.MAX_LENGTH + " characters");
        }
        return UserId.of(recipient);
    }

    private static HttpResponse<Map<String, String>> accepted(AutomationRunId runId) {
        return HttpResponse.status(HttpStatus.ACCEPTED).body(Map.of("runId", runId.value()));
    }
}
