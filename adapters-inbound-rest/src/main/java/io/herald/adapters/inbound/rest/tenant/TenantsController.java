package io.herald.adapters.inbound.rest.tenant;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.herald.adapters.inbound.rest.json.UserIds;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.QueryTenantsUseCase;
import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Courier's tenant reads. Tenants and memberships come from Segment group calls. */
@Tag(name = "Tenants")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class TenantsController {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final QueryTenantsUseCase tenants;

    TenantsController(QueryTenantsUseCase tenants) {
        this.tenants = tenants;
    }

    @Get("/tenants/{tenant_id}")
    Map<String, Object> get(@PathVariable("tenant_id") String tenantId) {
        var tenant = tenants.find(tenantId).orElseThrow(() -> new NotFoundException("No tenant '" + tenantId + "'"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", tenant.id());
        body.put("name", tenant.name());
        body.put("properties", tenant.properties());
        return body;
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

    private static int limit(Integer limit) {
        int value = limit == null ? DEFAULT_LIMIT : limit;
        if (value < 1 || value > MAX_LIMIT) {
            throw new InvalidValueException("limit must be between 1 and " + MAX_LIMIT);
        }
        return value;
    }

    private static Map<String, Object> association(String tenantId, String userId) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("tenant_id", tenantId);
        item.put("user_id", userId);
        item.put("type", "user");
        return item;
    }

    /** Courier's list envelope: {@code {items, has_more, type:"list", url, cursor, next_url}}. */
    private static <T> Map<String, Object> list(HttpRequest<?> request, Page<T> page, Function<T, Map<String, Object>> item) {
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
