package io.herald.adapters.inbound.rest.inbox;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.herald.adapters.inbound.rest.json.Paging;
import io.herald.adapters.inbound.rest.json.UserIds;
import io.herald.application.port.in.ManageInboxUseCase;
import io.herald.application.port.in.ManageInboxUseCase.Action;
import io.herald.application.port.out.InboxRepository.InboxEntry;
import io.herald.domain.message.MessageId;
import io.herald.domain.profile.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The in-app inbox of a user: its messages, and what the user did with them. */
@Tag(name = "Inbox")
@Controller("/users/{user_id}/inbox")
@ExecuteOn(TaskExecutors.BLOCKING)
class InboxController {

    private final ManageInboxUseCase inbox;

    InboxController(ManageInboxUseCase inbox) {
        this.inbox = inbox;
    }

    @Get
    Map<String, Object> list(@PathVariable("user_id") String userId, @Nullable @QueryValue Boolean archived,
                             @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        UserId user = UserIds.fromPath(userId);
        var page = inbox.list(user, Boolean.TRUE.equals(archived), Optional.ofNullable(cursor), Paging.limit(limit));
        Map<String, Object> body = new LinkedHashMap<>(Paging.of(page, "messages", InboxController::view));
        body.put("unread_count", inbox.unreadCount(user));
        return body;
    }

    @Post("/read-all")
    Map<String, Object> readAll(@PathVariable("user_id") String userId) {
        UserId user = UserIds.fromPath(userId);
        int marked = inbox.readAll(user);
        return Map.of("marked", marked, "unread_count", inbox.unreadCount(user));
    }

    @Post("/{message_id}/unread")
    Map<String, Object> unread(@PathVariable("user_id") String userId, @PathVariable("message_id") String messageId) {
        return view(inbox.act(UserIds.fromPath(userId), new MessageId(messageId), Action.UNREAD));
    }

    @Post("/{message_id}/read")
    Map<String, Object> read(@PathVariable("user_id") String userId, @PathVariable("message_id") String messageId) {
        return view(inbox.act(UserIds.fromPath(userId), new MessageId(messageId), Action.READ));
    }

    @Post("/{message_id}/click")
    Map<String, Object> click(@PathVariable("user_id") String userId, @PathVariable("message_id") String messageId) {
        return view(inbox.act(UserIds.fromPath(userId), new MessageId(messageId), Action.CLICK));
    }

    @Post("/{message_id}/archive")
    Map<String, Object> archive(@PathVariable("user_id") String userId, @PathVariable("message_id") String messageId) {
        return view(inbox.act(UserIds.fromPath(userId), new MessageId(messageId), Action.ARCHIVE));
    }

    /** An inbox entry as the API answers it, and as the stream sends it. */
    static Map<String, Object> view(InboxEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("messageId", entry.messageId().value());
        view.put("title", entry.content().get("title"));
        view.put("body", entry.content().get("body"));
        view.put("action_url", entry.content().get("action_url"));
        view.put("created", entry.created().toEpochMilli());
        view.put("read", millis(entry.read()));
        view.put("clicked", millis(entry.clicked()));
        view.put("archived", millis(entry.archived()));
        return view;
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }
}
