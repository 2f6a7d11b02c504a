package io.herald.adapters.inbound.rest.message;

import io.herald.application.port.in.ArchiveRequestUseCase;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Courier's requests archive: a send's messages leave {@code GET /messages} unless {@code archived=true}. */
@Tag(name = "Messages")
@Controller("/requests")
@ExecuteOn(TaskExecutors.BLOCKING)
class RequestsController {

    private final ArchiveRequestUseCase requests;

    RequestsController(ArchiveRequestUseCase requests) {
        this.requests = requests;
    }

    @Put("/{request_id}/archive")
    HttpResponse<Void> archive(@PathVariable("request_id") String requestId) {
        requests.archive(requestId);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }
}
