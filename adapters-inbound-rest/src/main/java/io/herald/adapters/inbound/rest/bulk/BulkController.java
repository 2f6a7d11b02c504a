package io.herald.adapters.inbound.rest.bulk;

import io.herald.adapters.inbound.rest.json.JsonBody;
import io.herald.adapters.inbound.rest.json.Paging;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.in.ManageBulkJobsUseCase;
import io.herald.domain.bulk.BulkJob;
import io.herald.domain.bulk.BulkUser;
import io.herald.domain.json.JsonFields;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Courier's bulk API: a job with one message, users added in pages, run as durable work with its progress readable. */
@Tag(name = "Bulk")
@Controller("/bulk")
@ExecuteOn(TaskExecutors.BLOCKING)
class BulkController {

    private final ManageBulkJobsUseCase bulk;

    BulkController(ManageBulkJobsUseCase bulk) {
        this.bulk = bulk;
    }

    @Post
    Map<String, Object> create(@Body Map<String, Object> body) {
        return Map.of("jobId", bulk.create(JsonBody.of(body).requiredMap("message")).id());
    }

    @Post("/{job_id}")
    HttpResponse<Void> addUsers(@PathVariable("job_id") String jobId, @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        List<Object> given = fields.requiredList("users");
        List<Map<String, Object>> users = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            users.add(JsonFields.of(given.get(i), fields.where("users", i)).raw());
        }
        bulk.addUsers(jobId, users);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    @Post("/{job_id}/run")
    HttpResponse<Void> run(@PathVariable("job_id") String jobId) {
        bulk.run(jobId);
        return HttpResponse.status(HttpStatus.ACCEPTED);
    }

    @Get("/{job_id}")
    Map<String, Object> get(@PathVariable("job_id") String jobId) {
        BulkJob job = bulk.find(jobId).orElseThrow(() -> new NotFoundException("No bulk job '" + jobId + "'"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("definition", job.definition());
        view.put("enqueued", job.enqueued());
        view.put("failures", job.failures());
        view.put("received", job.received());
        view.put("status", job.status().name());
        return Map.of("job", view);
    }

    @Get("/{job_id}/users")
    Map<String, Object> users(@PathVariable("job_id") String jobId, @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        return Paging.of(bulk.users(jobId, Optional.ofNullable(cursor), Paging.limit(limit)), "items", BulkController::user);
    }

    /** Courier's item: the user as added, its status and, once enqueued, its message. */
    private static Map<String, Object> user(BulkUser user) {
        Map<String, Object> view = new LinkedHashMap<>(user.user());
        view.put("status", user.status().name());
        user.messageId().ifPresent(id -> view.put("messageId", id));
        user.error().ifPresent(error -> view.put("error", error));
        return view;
    }
}
