package io.herald.adapters.inbound.rest.tenant;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.herald.adapters.inbound.rest.json.JsonBody;
import io.herald.adapters.inbound.rest.json.UserIds;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.ManageTenantsUseCase;
import io.herald.application.port.in.QueryTenantsUseCase;
import io.herald.domain.json.JsonFields;
import io.herald.domain.preference.DefaultPreference;
import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.tenant.Tenant;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Courier's tenants ({@code /tenants}) and a user's tenant memberships ({@code /users/{user_id}/tenants}). Tenants
 * also come from Segment group calls; the API and those calls write the same tenants.
 */
@Tag(name = "Tenants")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class TenantsController {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    /** Memberships one {@code PUT /users/{id}/tenants} may carry: they are written in one transaction. */
    static final int MAX_MEMBERSHIPS = 1000;
    private static final Set<String> TENANT_FIELDS = Set.of("name", "brand_id", "default_preferences", "parent_tenant_id",
            "properties", "user_profile");

    private final QueryTenantsUseCase tenants;
    private final ManageTenantsUseCase manage;

    TenantsController(QueryTenantsUseCase tenants, ManageTenantsUseCase manage) {
        this.tenants = tenants;
        this.manage = manage;
    }

    @Get("/tenants")
    Map<String, Object> list(HttpRequest<?> request, @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit,
                             @Nullable @QueryValue("parent_tenant_id") String parentTenantId) {
        Page<Tenant> page = tenants.list(Optional.ofNullable(parentTenantId), Optional.ofNullable(cursor), limit(limit));
        return list(request, page, TenantsController::view);
    }

    @Get("/tenants/{tenant_id}")
    Map<String, Object> get(@PathVariable("tenant_id") String tenantId) {
        return view(tenants.find(tenantId).orElseThrow(() -> new NotFoundException("No tenant '" + tenantId + "'")));
    }

    /** Courier's "create or replace": every field is replaced, and the tenant is answered as stored. */
    @Put("/tenants/{tenant_id}")
    Map<String, Object> put(@PathVariable("tenant_id") String tenantId, @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        fields.allowOnly(TENANT_FIELDS, "a tenant");
        List<DefaultPreference> defaults = fields.optionalObject("default_preferences")
                .flatMap(preferences -> preferences.optionalList("items").map(items -> DefaultPreference.parseAll(items,
                        preferences.where("items"))))
                .orElse(List.of());
        Tenant tenant = new Tenant(tenantId, fields.requiredText("name"), fields.optionalMap("properties").orElse(Map.of()),
                fields.optionalText("brand_id"), fields.optionalText("parent_tenant_id"), defaults,
                fields.optionalMap("user_profile").orElse(Map.of()));
        return view(manage.put(tenant));
    }

    @Delete("/tenants/{tenant_id}")
    HttpResponse<Void> delete(@PathVariable("tenant_id") String tenantId) {
        manage.delete(tenantId);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    /** Courier's tenant default for one topic: {@code {status, custom_routing?, has_custom_routing?}}. */
    @Put("/tenants/{tenant_id}/default_preferences/items/{topic_id}")
    HttpResponse<Void> putDefault(@PathVariable("tenant_id") String tenantId, @PathVariable("topic_id") String topicId,
                                  @Body Map<String, Object> body) {
        Map<String, Object> item = new LinkedHashMap<>(JsonBody.of(body).raw());
        item.put("id", topicId);
        manage.putDefault(tenantId, DefaultPreference.parse(item, ""));
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    @Delete("/tenants/{tenant_id}/default_preferences/items/{topic_id}")
    HttpResponse<Void> deleteDefault(@PathVariable("tenant_id") String tenantId, @PathVariable("topic_id") String topicId) {
        manage.deleteDefault(tenantId, topicId);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    @Get("/tenants/{tenant_id}/users")
    Map<String, Object> members(HttpRequest<?> request, @PathVariable("tenant_id") String tenantId,
                                @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        if (tenants.find(tenantId).isEmpty()) {
            throw new NotFoundException("No tenant '" + tenantId + "'");
        }
        Page<UserId> page = tenants.members(tenantId, Optional.ofNullable(cursor), limit(limit));
        return list(request, page, userId -> association(tenantId, userId.value()));
    }

    @Get("/users/{user_id}/tenants")
    Map<String, Object> tenantsOf(HttpRequest<?> request, @PathVariable("user_id") String userId,
                                  @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        Page<String> page = tenants.tenantsOf(UserIds.fromPath(userId), Optional.ofNullable(cursor), limit(limit));
        return list(request, page, tenantId -> association(tenantId, userId));
    }

    /** Courier's {@code addMultiple}: {@code {"tenants": [{tenant_id, profile?, user_id?, type?}]}}, all or none. */
    @Put("/users/{user_id}/tenants")
    HttpResponse<Void> join(@PathVariable("user_id") String userId, @Body Map<String, Object> body) {
        UserId user = UserIds.fromPath(userId);
        JsonFields fields = JsonBody.of(body);
        List<Object> items = fields.requiredList("tenants");
        if (items.size() > MAX_MEMBERSHIPS) {
            throw new InvalidValueException("tenants may hold at most " + MAX_MEMBERSHIPS + " memberships per request; it has " + items.size());
        }
        Map<String, Map<String, Object>> profiles = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonFields item = JsonFields.of(items.get(i), fields.where("tenants", i), "an object with tenant_id");
            String tenantId = item.requiredText("tenant_id");
            item.optionalString("user_id").filter(other -> !other.equals(userId)).ifPresent(other -> {
                throw new InvalidValueException(item.where("user_id") + " '" + other + "' is not the user of the path, '" + userId + "'");
            });
            item.optionalString("type").filter(type -> !type.equals("user")).ifPresent(type -> {
                throw new InvalidValueException(item.where("type") + " must be \"user\"");
            });
            if (profiles.put(tenantId, item.optionalMap("profile").orElse(Map.of())) != null) {
                throw new InvalidValueException(item.where("tenant_id") + " '" + tenantId + "' is given twice");
            }
        }
        manage.join(user, profiles);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    /** Courier's {@code addSingle}: {@code {"profile": {...}}}, the body optional. */
    @Put("/users/{user_id}/tenants/{tenant_id}")
    HttpResponse<Void> joinOne(@PathVariable("user_id") String userId, @PathVariable("tenant_id") String tenantId,
                               @Nullable @Body Map<String, Object> body) {
        UserId user = UserIds.fromPath(userId);
        Map<String, Object> profile = body == null ? Map.of() : JsonBody.of(body).optionalMap("profile").orElse(Map.of());
        manage.join(user, Map.of(tenantId, profile));
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    @Delete("/users/{user_id}/tenants")
    HttpResponse<Void> leaveAll(@PathVariable("user_id") String userId) {
        manage.leaveAll(UserIds.fromPath(userId));
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    @Delete("/users/{user_id}/tenants/{tenant_id}")
    HttpResponse<Void> leave(@PathVariable("user_id") String userId, @PathVariable("tenant_id") String tenantId) {
        manage.leave(UserIds.fromPath(userId), tenantId);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    private static int limit(Integer limit) {
        int value = limit == null ? DEFAULT_LIMIT : limit;
        if (value < 1 || value > MAX_LIMIT) {
            throw new InvalidValueException("limit must be between 1 and " + MAX_LIMIT);
        }
        return value;
    }

    /** Courier's {@code Tenant}. */
    static Map<String, Object> view(Tenant tenant) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", tenant.id());
        body.put("name", tenant.name());
        body.put("brand_id", tenant.brandId().orElse(null));
        body.put("parent_tenant_id", tenant.parentTenantId().orElse(null));
        body.put("default_preferences", tenant.defaultPreferences().isEmpty() ? null
                : Map.of("items", tenant.defaultPreferences().stream().map(DefaultPreference::toJson).toList()));
        body.put("properties", tenant.properties());
        body.put("user_profile", tenant.userProfile().isEmpty() ? null : tenant.userProfile());
        return body;
    }

    private static Map<String, Object> association(String tenantId, String userId) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("tenant_id", tenantId);
        item.put("user_id", userId);
        item.put("type", "user");
        return item;
    }

    /** Courier's list envelope: {@code {items, has_more, type:"list", url, cursor, next_url}}. */
    static <T> Map<String, Object> list(HttpRequest<?> request, Page<T> page, Function<T, Map<String, Object>> item) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> items = page.items().stream().map(item).toList();
        body.put("items", items);
        body.put("has_more", page.hasMore());
        body.put("type", "list");
        body.put("url", request.getPath());
        body.put("cursor", page.nextCursor());
        body.put("next_url", page.hasMore() ? request.getPath() + "?cursor=" + page.nextCursor() : null);
        return body;
    }
}
