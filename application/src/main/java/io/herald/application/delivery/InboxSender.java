package io.herald.application.delivery;

import io.herald.application.port.out.ChannelSender;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.InboxRepository.InboxEntry;
import io.herald.application.port.out.InboxRepository;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;

import java.util.Map;
import java.util.Set;

/**
 * The in-app inbox as a provider ({@code inbox}): delivering is storing the message in the user's inbox, in
 * the pipeline's own transaction, so it happens exactly once.
 */
public final class InboxSender implements ChannelSender {

    public static final String NAME = "inbox";

    private final InboxRepository inbox;
    private final Clock clock;

    public InboxSender(InboxRepository inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.INBOX);
    }

    @Override
    public boolean local() {
        return true;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("delivers", "into the user's in-app inbox in Herald's database (GET /users/{user_id}/inbox)");
    }

    @Override
    public DeliveryResult send(Delivery delivery) {
        if (delivery.address() == null) {
            return new DeliveryResult.PermanentFailure("the inbox needs a user_id");
        }
        inbox.add(new InboxEntry(delivery.messageId(), UserId.of(delivery.address()), delivery.content(), clock.now(), null, null, null));
        return new DeliveryResult.Sent(delivery.messageId().value());
    }
}
