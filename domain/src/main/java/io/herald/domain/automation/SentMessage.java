package io.herald.domain.automation;

import io.herald.domain.message.Message;
import io.herald.domain.message.MessageStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a condition sees the message a send step named with {@code ref} ({@code refs.welcome}): its status and
 * whether it was delivered, opened, clicked. An open implies delivery, a click implies both, even when the
 * provider never reported the earlier event.
 */
public final class SentMessage {

    private SentMessage() {
    }

    public static Map<String, Object> view(Message message) {
        boolean clicked = message.reachedAt(MessageStatus.CLICKED).isPresent();
        boolean opened = clicked || message.reachedAt(MessageStatus.OPENED).isPresent();
        boolean delivered = opened || message.reachedAt(MessageStatus.DELIVERED).isPresent();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", message.id().value());
        view.put("status", message.status().name());
        view.put("delivered", delivered);
        view.put("opened", opened);
        view.put("clicked", clicked);
        return view;
    }
}
