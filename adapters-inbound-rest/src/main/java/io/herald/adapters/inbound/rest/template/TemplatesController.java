package io.herald.adapters.inbound.rest.template;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.herald.adapters.inbound.rest.json.JsonBody;
import io.herald.adapters.inbound.rest.json.Paging;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.in.ManageTemplatesUseCase;
import io.herald.domain.template.Template;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Map;
import java.util.Optional;

/** Herald's templates: content per channel (Handlebars), topic, mapped events, routing. */
@Tag(name = "Templates")
@Controller("/templates")
@ExecuteOn(TaskExecutors.BLOCKING)
class TemplatesController {

    private final ManageTemplatesUseCase templates;

    TemplatesController(ManageTemplatesUseCase templates) {
        this.templates = templates;
    }

    @Put("/{template_id}")
    Map<String, Object> put(@PathVariable("template_id") String templateId, @Body Map<String, Object> body) {
        Template template = Template.parse(templateId, JsonBody.of(body).raw());
        templates.put(template);
        return template.toJson();
    }

    @Get("/{template_id}")
    Map<String, Object> get(@PathVariable("template_id") String templateId) {
        return templates.find(templateId).map(Template::toJson)
                .orElseThrow(() -> new NotFoundException("No template '" + templateId + "'"));
    }

    @Get
    Map<String, Object> list(@Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        return Paging.of(templates.list(Optional.ofNullable(cursor), Paging.limit(limit)), "results", Template::toJson);
    }

    @Delete("/{template_id}")
    HttpResponse<Void> delete(@PathVariable("template_id") String templateId) {
        templates.delete(templateId);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }
}
