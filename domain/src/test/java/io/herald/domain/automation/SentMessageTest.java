package io.herald.domain.automation;

import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.message.MessageStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SentMessageTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private static Message message(MessageStatus status, Map<MessageStatus, Instant> milestones) {
        MessageSpec spec = MessageSpec.parse(Map.of("to", Map.of("user_id", "alex"), "template", "welcome"));
        return Message.reconstitute(new MessageId("m1"), "m1", spec, Optional.empty(), Optional.of("run-1"), NOW, Optional.empty(),
                Optional.empty(), status, Optional.empty(), Optional.empty(), Optional.of("welcome"), Optional.empty(),
                Optional.empty(), Optional.empty(), milestones);
    }

    @Test
    void aSentMessageIsNeitherDeliveredNorOpened() {
        assertThat(SentMessage.view(message(MessageStatus.SENT, Map.of(MessageStatus.SENT, NOW))))
                .isEqualTo(Map.of("id", "m1", "status", "SENT", "delivered", false, "opened", false, "clicked", false));
    }

    @Test
    void aClickImpliesAnOpenAndADeliveryTheProviderNeverReported() {
        Map<String, Object> view = SentMessage.view(message(MessageStatus.CLICKED, Map.of(MessageStatus.CLICKED, NOW)));

        assertThat(view).containsEntry("status", "CLICKED").containsEntry("clicked", true).containsEntry("opened", true)
                .containsEntry("delivered", true);
    }

    @Test
    void anOpenIsRememberedEvenWhenALaterBounceEndsTheMessage() {
        Map<String, Object> view = SentMessage.view(message(MessageStatus.UNDELIVERABLE,
                Map.of(MessageStatus.OPENED, NOW, MessageStatus.UNDELIVERABLE, NOW)));

        assertThat(view).containsEntry("status", "UNDELIVERABLE").containsEntry("opened", true).containsEntry("clicked", false);
    }
}
