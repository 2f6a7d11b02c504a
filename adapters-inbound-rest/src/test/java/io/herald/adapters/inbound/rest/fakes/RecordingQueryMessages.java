package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.QueryMessagesUseCase;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.MessageRepository.MessageQuery;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Knows the messages a test gives it; any other id is a NotFoundException, as the use case promises. */
@Singleton
public class RecordingQueryMessages extends RecordingFake implements QueryMessagesUseCase {

    private final Map<MessageId, Message> messages = new ConcurrentHashMap<>();
    private volatile Page<Message> page;
    private volatile List<HistoryEntry> history;
    private volatile Map<Channel, Map<String, Object>> output;
    private volatile List<Leg> legs;

    public RecordingQueryMessages() {
        forgetAnswers();
    }

    public void know(Message message) {
        messages.put(message.id(), message);
    }

    public void answerList(Page<Message> page) {
        this.page = page;
    }

    public void answerHistory(List<HistoryEntry> history) {
        this.history = history;
    }

    public void answerOutput(Map<Channel, Map<String, Object>> output) {
        this.output = output;
    }

    public void answerLegs(List<Leg> legs) {
        this.legs = legs;
    }

    /** Every list query asked, in order. */
    public List<MessageQuery> queries() {
        return calls().stream().filter(call -> call.method().equals("list")).map(call -> call.argument(0, MessageQuery.class)).toList();
    }

    public MessageQuery onlyQuery() {
        return onlyCall("list").argument(0, MessageQuery.class);
    }

    @Override
    public Map<MessageStatus, Long> countByStatusSince(Instant since) {
        called("countByStatusSince", since);
        return Map.of();
    }

    @Override
    public FunnelReport funnel(int days, MessageRepository.FunnelDimension by, Optional<String> value) {
        throw new UnsupportedOperationException("the REST API has no funnel");
    }

    @Override
    public Message find(MessageId id) {
        called("find", id);
        return known(id);
    }

    @Override
    public Page<Message> list(MessageQuery query) {
        called("list", query);
        return page;
    }

    @Override
    public List<HistoryEntry> history(MessageId id) {
        called("history", id);
        known(id);
        return history;
    }

    @Override
    public Map<Channel, Map<String, Object>> output(MessageId id) {
        called("output", id);
        known(id);
        return output;
    }

    @Override
    public List<Leg> legs(MessageId id) {
        called("legs", id);
        known(id);
        return legs;
    }

    private Message known(MessageId id) {
        Message message = messages.get(id);
        if (message == null) {
            throw new NotFoundException("No message '" + id.value() + "'");
        }
        return message;
    }

    @Override
    protected void forgetAnswers() {
        messages.clear();
        page = new Page<>(List.of(), null);
        history = List.of();
        output = Map.of();
        legs = List.of();
    }
}
