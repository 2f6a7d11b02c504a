package io.herald.application.port.in;

import io.herald.application.port.Page;
import io.herald.application.port.out.MessageRepository.MessageQuery;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.routing.Channel;

import java.util.List;
import java.util.Map;

/** Courier's Messages API reads. Unknown ids are a NotFoundException. */
public interface QueryMessagesUseCase {

    Message find(MessageId id);

    Page<Message> list(MessageQuery query);

    List<HistoryEntry> history(MessageId id);

    Map<Channel, Map<String, Object>> output(MessageId id);
}
