package io.herald.adapters.inbound.rest.tenant;

import io.herald.adapters.inbound.rest.auth.Callers;
import io.herald.adapters.inbound.rest.json.JsonBody;
import io.herald.adapters.inbound.rest.json.Paging;
import io.herald.application.port.in.ManageTenantTemplatesUseCase;
import io.herald.application.port.in.ManageTenantTemplatesUseCase.View;
import io.herald.domain.json.JsonFields;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Courier's tenant templates: a tenant's own content for a workspace template, drafted and published as versions. */
@Tag(name = "Tenants")
@Controller("/tenants/{tenant_id}/templates")
@ExecuteOn(TaskExecutors.BLOCKING)
class TenantTemplatesController {

    private final ManageTenantTemplatesUseCase templates;

    TenantTemplatesController(ManageTenantTemplatesUseCase templates) {
        this.templates = templates;
    }

    @Put("/{template_id}")
    Map<String, Object> put(HttpRequest<?> request, @PathVariable("tenant_id") String tenantId, @PathVariable("template_id") String templateId,
                            @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        View view = templates.put(tenantId, templateId, fields.requiredMap("template"), fields.optionalBoolean("published").orElse(false),
                Callers.actor(request));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", view.templateId());
        answer.put("version", version(view));
        answer.put("published_at", view.publishedAt().map(Object::toString).orElse(null));
        return answer;
    }

    @Get("/{template_id}")
    Map<String, Object> get(@PathVariable("tenant_id") String tenantId, @PathVariable("template_id") String templateId) {
        return association(templates.get(tenantId, templateId, Optional.empty()));
    }

    @Get("/{template_id}/versions/{version}")
    Map<String, Object> version(@PathVariable("tenant_id") String tenantId, @PathVariable("template_id") String templateId,
                                @PathVariable String version) {
        return association(templates.get(tenantId, templateId, number(version)));
    }

    @Get
    Map<String, Object> list(HttpRequest<?> request, @PathVariable("tenant_id") String tenantId, @Nullable @QueryValue String cursor,
                             @Nullable @QueryValue Integer limit) {
        return TenantsController.list(request, templates.list(tenantId, Optional.ofNullable(cursor), Paging.limit(limit)), view -> {
            Map<String, Object> item = association(view);
            item.put("data", Map.of("routing", view.template().routing().toJson()));
            return item;
        });
    }

    @Delete("/{template_id}")
    HttpResponse<Void> delete(@PathVariable("tenant_id") String tenantId, @PathVariable("template_id") String templateId) {
        templates.delete(tenantId, templateId);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    @Post("/{template_id}/publish")
    Map<String, Object> publish(HttpRequest<?> request, @PathVariable("tenant_id") String tenantId, @PathVariable("template_id") String templateId,
                                @Nullable @Body Map<String, Object> body) {
        Optional<String> version = body == null ? Optional.empty() : JsonBody.of(body).optionalText("version");
        View view = templates.publish(tenantId, templateId, version.flatMap(TenantTemplatesController::number), Callers.actor(request));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", view.templateId());
        answer.put("published_at", view.publishedAt().map(Object::toString).orElse(null));
        answer.put("version", version(view));
        return answer;
    }

    /** Courier's {@code BaseTemplateTenantAssociation}; {@code published_at} is null until a version is published. */
    private static Map<String, Object> association(View view) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", view.templateId());
        body.put("created_at", view.draft().created().toString());
        body.put("published_at", view.publishedAt().map(Object::toString).orElse(null));
        body.put("updated_at", view.draft().updated().toString());
        body.put("version", version(view));
        return body;
    }

    private static String version(View view) {
        return view.template().version().map(number -> "v" + number).orElse("draft");
    }

    /** {@code draft} or {@code latest}: the working copy; {@code v3}: that version. */
    private static Optional<Integer> number(String version) {
        if (version.equals("draft") || version.equals("latest")) {
            return Optional.empty();
        }
        if (!version.matches("v[1-9][0-9]{0,8}")) {
            throw new InvalidValueException("version '" + version + "' must be draft or a published version such as v3");
        }
        return Optional.of(Integer.parseInt(version.substring(1)));
    }
}
