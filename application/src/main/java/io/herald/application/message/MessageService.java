package io.herald.application.message;

import io.herald.application.errors.ConflictException;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.ArchiveRequestUseCase;
import io.herald.application.port.in.CancelMessageUseCase;
import io.herald.application.port.in.QueryMessagesUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.MessageRepository.DeliveryAttempt;
import io.herald.application.port.out.Transactions;
import io.herald.application.port.out.MessageRepository.Funnel;
import io.herald.application.port.out.MessageRepository.FunnelCounts;
import io.herald.application.port.out.MessageRepository.FunnelDay;
import io.herald.application.port.out.MessageRepository.FunnelDimension;
import io.herald.application.port.out.MessageRepository.FunnelQuery;
import io.herald.application.port.out.MessageRepository.MessageQuery;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class MessageService implements QueryMessagesUseCase, CancelMessageUseCase, ArchiveRequestUseCase {

    private final MessageRepository messages;
    private final Transactions transactions;
    private final Clock clock;

    public MessageService(MessageRepository messages, Transactions transactions, Clock clock) {
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Message find(MessageId id) {
        return messages.find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public Page<Message> list(MessageQuery query) {
        return messages.list(query);
    }

    @Override
    public Map<MessageStatus, Long> countByStatusSince(Instant since) {
        return messages.countByStatusSince(since);
    }

    @Override
    public FunnelReport funnel(int days, FunnelDimension by, Optional<String> value) {
        if (days < 1 || days > MAX_FUNNEL_DAYS) {
            throw new IllegalArgumentException("A funnel covers 1 to " + MAX_FUNNEL_DAYS + " days, not " + days);
        }
        LocalDate lastDay = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
        LocalDate firstDay = lastDay.minusDays(days - 1L);
        Funnel funnel = messages.funnel(new FunnelQuery(firstDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
                lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), by, value, FUNNEL_GROUPS));
        Map<LocalDate, FunnelCounts> counted = new HashMap<>();
        funnel.days().forEach(day -> counted.put(day.day(), day.counts()));
        List<FunnelDay> everyDay = new ArrayList<>(days);
        FunnelCounts total = FunnelCounts.NONE;
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            FunnelCounts counts = counted.getOrDefault(day, FunnelCounts.NONE);
            everyDay.add(new FunnelDay(day, counts));
            total = total.plus(counts);
        }
        return new FunnelReport(firstDay, lastDay, everyDay, funnel.groups(), total);
    }

    @Override
    public List<HistoryEntry> history(MessageId id) {
        find(id);
        return messages.history(id);
    }

    @Override
    public Map<Channel, Map<String, Object>> output(MessageId id) {
        find(id);
        return messages.outputs(id);
    }

    @Override
    public List<Leg> legs(MessageId id) {
        Map<String, List<DeliveryAttempt>> byLeg = new LinkedHashMap<>();
        messages.attempts(id).stream().sorted(Comparator.comparing(DeliveryAttempt::at))
                .forEach(attempt -> byLeg.computeIfAbsent(attempt.leafId() + "/" + attempt.provider(), key -> new ArrayList<>()).add(attempt));
        return byLeg.values().stream().map(attempts -> {
            DeliveryAttempt last = attempts.get(attempts.size() - 1);
            return new Leg(last.channel(), last.provider(), attempts.size(), last.outcome().name(), last.at());
        }).toList();
    }

    /** The pending delivery job finds the message CANCELED and does nothing. */
    @Override
    public Message cancel(MessageId id) {
        return transactions.inTransaction(() -> {
            Message message = messages.lock(id).orElseThrow(() -> notFound(id));
            if (!message.cancel(clock.now())) {
                throw new ConflictException("Message '" + id + "' is " + message.status() + " and can no longer be canceled");
            }
            messages.save(message);
            return message;
        });
    }

    private static NotFoundException notFound(MessageId id) {
        return new NotFoundException("No message '" + id + "'");
    }

    @Override
    public void archive(String requestId) {
        boolean known = transactions.inTransaction(() -> messages.archiveRequest(requestId, clock.now()));
        if (!known) {
            throw new io.herald.application.errors.NotFoundException("No request '" + requestId + "'");
        }
    }
}
