package io.herald.adapters.inbound.rest.list;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.herald.adapters.inbound.rest.json.JsonBody;
import io.herald.adapters.inbound.rest.json.Paging;
import io.herald.adapters.inbound.rest.json.UserIds;
import io.herald.application.port.in.ManageListsUseCase;
import io.herald.application.port.out.ListRepository.Subscription;
import io.herald.domain.json.JsonFields;
import io.herald.domain.list.SubscriptionList;
import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Courier's Lists API, and a profile's lists ({@code /profiles/{user_id}/lists}). */
@Tag(name = "Lists")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ListsController {

    private static final Map<String, String> SUCCESS = Map.of("status", "SUCCESS");
    /** Subscribers one request may carry: they are written in one transaction. */
    static final int MAX_RECIPIENTS = 1000;

    private final ManageListsUseCase lists;

    ListsController(ManageListsUseCase lists) {
        this.lists = lists;
    }

    @Get("/lists")
    Map<String, Object> all(@Nullable @QueryValue String pattern, @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        return Paging.of(lists.list(Optional.ofNullable(pattern), Optional.ofNullable(cursor), Paging.limit(limit)), "items", ListsController::view);
    }

    @Put("/lists/{list_id}")
    HttpResponse<Void> put(@PathVariable("list_id") String listId, @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        lists.put(listId, fields.requiredString("name"), fields.optionalMap("preferences").orElse(null));
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    @Get("/lists/{list_id}")
    Map<String, Object> get(@PathVariable("list_id") String listId) {
        return view(lists.find(listId));
    }

    @Delete("/lists/{list_id}")
    HttpResponse<Void> delete(@PathVariable("list_id") String listId) {
        lists.delete(listId);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    @Get("/lists/{list_id}/subscriptions")
    Map<String, Object> subscriptions(@PathVariable("list_id") String listId, @Nullable @QueryValue String cursor,
                                      @Nullable @QueryValue Integer limit) {
        return Paging.of(lists.subscriptions(listId, Optional.ofNullable(cursor), Paging.limit(limit)), "items", ListsController::view);
    }

    /** Courier's {@code add}: subscribes them, leaving everyone else subscribed; all or none. */
    @Post("/lists/{list_id}/subscriptions")
    HttpResponse<Void> addSubscriptions(@PathVariable("list_id") String listId, @Body Map<String, Object> body) {
        lists.subscribeAll(listId, recipients(body), false);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    /** Courier's {@code subscribe}: the recipients become the list's subscribers, everyone else is unsubscribed. */
    @Put("/lists/{list_id}/subscriptions")
    HttpResponse<Void> replaceSubscriptions(@PathVariable("list_id") String listId, @Body Map<String, Object> body) {
        lists.subscribeAll(listId, recipients(body), true);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    /** Courier's {@code restore}: a deleted list comes back with its subscribers. The SDK sends an empty body. */
    @Put("/lists/{list_id}/restore")
    HttpResponse<Void> restore(@PathVariable("list_id") String listId, @Nullable @Body Map<String, Object> body) {
        lists.restore(listId);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    /** {@code {"recipients": [{recipientId, preferences?}]}}, read whole before anything is written. */
    private static Map<UserId, Map<String, Object>> recipients(Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        List<Object> recipients = fields.requiredList("recipients");
        if (recipients.size() > MAX_RECIPIENTS) {
            throw new InvalidValueException("recipients may hold at most " + MAX_RECIPIENTS + " subscribers per request; it has "
                    + recipients.size());
        }
        Map<UserId, Map<String, Object>> preferencesByUser = new LinkedHashMap<>();
        for (int i = 0; i < recipients.size(); i++) {
            String where = fields.where("recipients", i);
            if (!(recipients.get(i) instanceof Map<?, ?> recipient) || !(recipient.get("recipientId") instanceof String userId)) {
                throw new InvalidValueException(where + ".recipientId is required and must be a string");
            }
            Object preferences = recipient.get("preferences");
            if (preferences != null && !(preferences instanceof Map)) {
                throw new InvalidValueException(where + ".preferences must be an object");
            }
            if (preferencesByUser.put(UserIds.of(userId, where + ".recipientId"), preferences(preferences)) != null) {
                throw new InvalidValueException(where + ".recipientId '" + userId + "' is given twice");
            }
        }
        return preferencesByUser;
    }

    @Put("/lists/{list_id}/subscriptions/{user_id}")
    HttpResponse<Void> subscribe(@PathVariable("list_id") String listId, @PathVariable("user_id") String userId,
                                 @Nullable @Body Map<String, Object> body) {
        Map<String, Object> preferences = body == null ? Map.of() : JsonBody.of(body).optionalMap("preferences").orElse(Map.of());
        lists.subscribe(listId, UserIds.fromPath(userId), preferences);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    @Delete("/lists/{list_id}/subscriptions/{user_id}")
    HttpResponse<Void> unsubscribe(@PathVariable("list_id") String listId, @PathVariable("user_id") String userId) {
        lists.unsubscribe(listId, UserIds.fromPath(userId));
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    @Get("/profiles/{user_id}/lists")
    Map<String, Object> listsOf(@PathVariable("user_id") String userId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("paging", Map.of("more", false));
        body.put("results", lists.listsOf(UserIds.fromPath(userId)).stream().map(ListsController::view).toList());
        return body;
    }

    @Post("/profiles/{user_id}/lists")
    Map<String, String> subscribeProfile(@PathVariable("user_id") String userId, @Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        List<Object> items = fields.requiredList("lists");
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item) || !(item.get("listId") instanceof String)) {
                throw new InvalidValueException(fields.where("lists", i) + ".listId is required and must be a string");
            }
        }
        for (Object item : items) {
            Map<?, ?> subscription = (Map<?, ?>) item;
            lists.subscribe((String) subscription.get("listId"), UserIds.fromPath(userId), preferences(subscription.get("preferences")));
        }
        return SUCCESS;
    }

    @Delete("/profiles/{user_id}/lists")
    Map<String, String> unsubscribeProfile(@PathVariable("user_id") String userId) {
        lists.unsubscribeFromAll(UserIds.fromPath(userId));
        return SUCCESS;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> preferences(Object raw) {
        return raw instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Map<String, Object> view(SubscriptionList list) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", list.id());
        view.put("name", list.name());
        view.put("created", list.created().toString());
        view.put("updated", list.updated().toString());
        if (list.preferences() != null) {
            view.put("preferences", list.preferences());
        }
        return view;
    }

    private static Map<String, Object> view(Subscription subscription) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("recipientId", subscription.userId().value());
        view.put("created", subscription.created().toString());
        if (subscription.preferences() != null) {
            view.put("preferences", subscription.preferences());
        }
        return view;
    }
}
